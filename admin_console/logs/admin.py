"""Lettings logs in the admin: the shared log admin, plus schemes and locations."""

from __future__ import annotations

from django.contrib import admin

from admin_console.downloads.links import DownloadLinkMixin
from admin_console.logs import filters, layout
from admin_console.logs.base import LogAdmin, answer_column, latest_form
from domain import access
from domain.models import LettingsLog, Location


@admin.register(LettingsLog)
class LettingsLogAdmin(DownloadLinkMixin, LogAdmin):
    log_type = "lettings"
    list_display = ["log_id", "tenant_code", "property_reference", "start_date", "needs_type", "owning_organisation",
                    "managing_organisation", "assigned_to", "status_badge"]
    tenant_code = answer_column("tenancycode", "Tenant code")
    property_reference = answer_column("propcode", "Property reference")
    start_date = answer_column("startdate", "Tenancy start date")
    needs_type = answer_column("needstype", "Needs type")
    list_filter = [filters.CollectionYearFilter, filters.StatusFilter,
                   filters.answer_filter(latest_form("lettings"), "needstype", "needs type"),
                   filters.OwningOrganisationFilter, filters.ManagingOrganisationFilter,
                   filters.AssignedToFilter, filters.CreatedByMeFilter, filters.BulkUploadFilter]
    search_help_text = "Search by log ID, tenant code, property reference or postcode"
    fieldsets = layout.fieldsets(latest_form("lettings"))
    conditional_fields = layout.conditional_fields(latest_form("lettings"))
    related = LogAdmin.related + ("scheme", "location")
    download_kind = "lettings"

    def search_q(self, term):
        return filters.log_search_q(term, codes=("tenancycode", "propcode"))

    def relation_choices(self, request, obj) -> dict:
        choices = super().relation_choices(request, obj)
        choices["scheme"] = access.scheme_choices(request.user, obj and obj.owning_organisation_id)
        choices["location"] = (Location.objects.filter(pk__in=[loc.pk for loc in obj.usable_locations()])
                               if obj and obj.scheme_id else Location.objects.none())
        return choices

