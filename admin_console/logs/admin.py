"""Lettings logs in the admin: the shared log admin, plus schemes and locations and duplicate sets."""

from __future__ import annotations

from functools import partial

from django.contrib import admin, messages
from django.shortcuts import redirect
from django.urls import path
from django.utils.html import format_html
from unfold.decorators import action

from admin_console.downloads.links import DownloadLinkMixin
from admin_console.logs import duplicates as duplicate_views
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
    list_filter = [filters.CollectionYearFilter, filters.StatusFilter, "needstype",
                   filters.OwningOrganisationFilter, filters.ManagingOrganisationFilter,
                   filters.AssignedToFilter, filters.CreatedByMeFilter, filters.BulkUploadFilter]
    search_help_text = "Search by log ID, tenant code, property reference or postcode"
    fieldsets = layout.fieldsets(latest_form("lettings"))
    conditional_fields = layout.conditional_fields(latest_form("lettings"))
    actions_list = ["review_duplicates"]
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

    def has_review_duplicates_permission(self, request):
        return access.can_resolve_duplicates(request.user)

    @action(description="Duplicate logs", icon="content_copy", permissions=["review_duplicates"])
    def review_duplicates(self, request):
        return redirect(self.url("duplicates_list"))

    def message_after_save(self, request, obj) -> None:
        if obj.duplicate_set_id and access.can_resolve_duplicates(request.user, obj):
            messages.warning(request, format_html(
                'This log has the same answers as another log. <a class="underline" href="{}">Review the '
                "duplicate logs</a>.", self.url("duplicates", obj.duplicate_set_id)))

    def get_urls(self):
        view = self.admin_site.admin_view
        custom = [
            path("duplicates/", view(partial(duplicate_views.duplicates_view, self)),
                 name=self.url_name("duplicates_list")),
            path("duplicates/<int:set_id>/", view(partial(duplicate_views.duplicate_set_view, self)),
                 name=self.url_name("duplicates")),
        ]
        return custom + super().get_urls()
