"""Sales logs in the admin: the shared log admin with the sales form, and its "Download CSV" link."""

from __future__ import annotations

from django.contrib import admin

from admin_console.downloads.links import DownloadLinkMixin
from admin_console.logs.address_search import AddressSearchMixin
from admin_console.logs import filters, layout
from admin_console.logs.base import LogAdmin, answer_column, latest_form
from admin_console.logs.list_actions import ACTIONS as LIST_ACTIONS, ListActionsMixin
from admin_console.logs.review import ACTIONS_DETAIL as REVIEW_ACTIONS, ReviewAdminMixin
from admin_console.logs.review_filters import ReviewFilter
from domain.models import SalesLog


@admin.register(SalesLog)
class SalesLogAdmin(AddressSearchMixin, DownloadLinkMixin, ReviewAdminMixin, ListActionsMixin, LogAdmin):
    list_before_template = LogAdmin.list_before_template  # the DSA banner, then the download link
    log_type = "sales"
    list_display = ["log_id", "purchaser_code", "sale_date", "ownership", "sale_type", "organisations",
                    "assigned", "status_badge", "review_badge"]
    purchaser_code = answer_column("purchid", "Purchaser code")
    sale_date = answer_column("saledate", "Sale completion date")
    ownership = answer_column("ownershipsch", "Ownership scheme")
    sale_type = answer_column("type", "Type of sale")
    list_filter = [filters.CollectionYearFilter, filters.StatusFilter, ReviewFilter,
                   filters.answer_filter("ownershipsch", "ownership scheme"),
                   filters.OwningOrganisationFilter, filters.ManagingOrganisationFilter,
                   filters.AssignedToFilter, filters.CreatedByMeFilter, filters.BulkUploadFilter]
    actions_detail = [*LogAdmin.actions_detail, *REVIEW_ACTIONS]
    actions = [*ReviewAdminMixin.actions, *LIST_ACTIONS]
    search_help_text = "Search by log ID, purchaser code or postcode"
    fieldsets = layout.fieldsets(latest_form("sales"))
    conditional_fields = layout.conditional_fields(latest_form("sales"))
    download_kind = "sales"
