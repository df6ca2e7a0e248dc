"""Sales logs in the admin: the shared log admin with the sales form, and its "Download CSV" link."""

from __future__ import annotations

from django.contrib import admin

from admin_console.downloads.links import DownloadLinkMixin
from admin_console.logs import filters, layout
from admin_console.logs.base import LogAdmin, answer_column, latest_form
from domain.models import SalesLog


@admin.register(SalesLog)
class SalesLogAdmin(DownloadLinkMixin, LogAdmin):
    log_type = "sales"
    list_display = ["log_id", "purchaser_code", "sale_date", "ownership", "sale_type", "owning_organisation",
                    "managing_organisation", "assigned_to", "status_badge"]
    purchaser_code = answer_column("purchid", "Purchaser code")
    sale_date = answer_column("saledate", "Sale completion date")
    ownership = answer_column("ownershipsch", "Ownership scheme")
    sale_type = answer_column("type", "Type of sale")
    list_filter = [filters.CollectionYearFilter, filters.StatusFilter,
                   filters.answer_filter(latest_form("sales"), "ownershipsch", "ownership scheme"),
                   filters.OwningOrganisationFilter, filters.ManagingOrganisationFilter,
                   filters.AssignedToFilter, filters.CreatedByMeFilter, filters.BulkUploadFilter]
    search_help_text = "Search by log ID, purchaser code or postcode"
    fieldsets = layout.fieldsets(latest_form("sales"))
    conditional_fields = layout.conditional_fields(latest_form("sales"))
    download_kind = "sales"

    def search_q(self, term):
        return filters.log_search_q(term, codes=("purchid",))
