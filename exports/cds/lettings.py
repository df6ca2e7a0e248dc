"""Lettings logs of one collection year (spec cds-export §7)."""

from __future__ import annotations

from datetime import date

from domain.forms import registry
from domain.models import LettingsLog, LogStatus

from .collections import CdsCollection
from .fields import columns_of
from .lettings_declaration import Variant, declaration_for
from .lettings_values import LettingsContext

EXPORTED_STATUSES = (LogStatus.NOT_STARTED, LogStatus.IN_PROGRESS, LogStatus.COMPLETED, LogStatus.DELETED)
# Columns read to choose a log's variant, beside those its fields read.
VARIANT_COLUMNS = ("needstype", "scheme_id", "location_id", "owning_organisation_id", "managing_organisation_id")


class LettingsCollection(CdsCollection):
    name = "lettings"
    triggers = (
        "updated_at", "values_updated_at", "created_by__updated_at", "updated_by__updated_at",
        "assigned_to__updated_at", "owning_organisation__updated_at", "managing_organisation__updated_at",
    )

    def __init__(self, year: int):
        self.year = year
        self.archive_prefix = f"core_{year}_{year + 1}_apr_mar"
        # Years without a form of their own are written with the nearest year's form and declaration.
        self.form = registry.form_for_year("lettings", year)
        self.declaration = declaration_for(year)

    def queryset(self):
        return LettingsLog.objects.filter(
            startdate__gte=date(self.year, 4, 1), startdate__lt=date(self.year + 1, 4, 1),
            status__in=EXPORTED_STATUSES,
        )

    def fields(self):
        return self.declaration.all_fields(self.form, LettingsLog)

    def columns(self):
        return list(dict.fromkeys([*VARIANT_COLUMNS, *columns_of(self.fields())]))

    def context(self):
        return LettingsContext()

    def variant(self, row: dict) -> Variant:
        return Variant(
            supported_housing=row["needstype"] == 2,
            scheme=row["scheme_id"] is not None,
            location=row["location_id"] is not None,
            owning_organisation=row["owning_organisation_id"] is not None,
            managing_organisation=row["managing_organisation_id"] is not None,
        )

    def record(self, row, ctx):
        names, getters = self._shape(self.declaration.fields(self.form, LettingsLog, self.variant(row)))
        return names, [get(row, ctx) for get in getters]
