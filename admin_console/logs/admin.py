"""Lettings logs in the admin: the shared log admin, plus schemes and locations."""

from __future__ import annotations

from django.contrib import admin

from admin_console.downloads.links import DownloadLinkMixin
from admin_console.logs.address_search import AddressSearchMixin
from admin_console.logs import filters, layout
from admin_console.logs.base import LogAdmin, answer_column, latest_form
from admin_console.logs.list_actions import ACTIONS as LIST_ACTIONS, ListActionsMixin
from admin_console.logs.review import ACTIONS_DETAIL as REVIEW_ACTIONS, ReviewAdminMixin
from admin_console.logs.review_filters import ReviewFilter, UnresolvedFilter
from admin_console.logs.unresolved import UnresolvedLogsMixin
from domain import access
from domain.models import LettingsLog, Location


@admin.register(LettingsLog)
class LettingsLogAdmin(AddressSearchMixin, DownloadLinkMixin, ReviewAdminMixin, ListActionsMixin, UnresolvedLogsMixin,
                       LogAdmin):
    list_before_template = LogAdmin.list_before_template  # the DSA banner, then the download link
    log_type = "lettings"
    list_display = ["log_id", "tenant_code", "property_reference", "start_date", "needs_type", "organisations",
                    "assigned", "status_badge", "review_badge"]
    tenant_code = answer_column("tenancycode", "Tenant code")
    property_reference = answer_column("propcode", "Property reference")
    start_date = answer_column("startdate", "Tenancy start date")
    needs_type = answer_column("needstype", "Needs type")
    list_filter = [filters.CollectionYearFilter, filters.StatusFilter, ReviewFilter,
                   filters.answer_filter("needstype", "needs type"),
                   filters.OwningOrganisationFilter, filters.ManagingOrganisationFilter,
                   filters.AssignedToFilter, filters.CreatedByMeFilter, filters.BulkUploadFilter, UnresolvedFilter]
    actions_detail = [*LogAdmin.actions_detail, *REVIEW_ACTIONS]
    actions = [*ReviewAdminMixin.actions, *LIST_ACTIONS]
    search_help_text = "Search by log ID, tenant code, property reference or postcode"
    fieldsets = layout.fieldsets(latest_form("lettings"))
    conditional_fields = layout.conditional_fields(latest_form("lettings"))
    related = LogAdmin.related + ("scheme", "location")
    related_for_rules = ("scheme__owning_organisation", "location__scheme__owning_organisation")
    download_kind = "lettings"

    def relation_choices(self, request, obj) -> dict:
        choices = super().relation_choices(request, obj)
        choices["scheme"] = access.scheme_choices(request.user, obj and obj.owning_organisation_id)
        choices["location"] = (Location.objects.filter(pk__in=[loc.pk for loc in obj.usable_locations()])
                               if obj and obj.scheme_id else Location.objects.none())
        return choices

