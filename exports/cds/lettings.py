"""Lettings logs of one collection year (spec cds-export §7)."""

from __future__ import annotations

from domain.forms import registry
from domain.models import LettingsLog

from .collections import LogCollection
from .fields import columns_of
from .lettings_declaration import Variant, declaration_for
from .lettings_values import LettingsContext

# Columns read to choose a log's variant, beside those its fields read.
VARIANT_COLUMNS = ("needstype", "scheme_id", "location_id", "owning_organisation_id", "managing_organisation_id")


class LettingsCollection(LogCollection):
    name = "lettings"
    model = LettingsLog
    date_field = "startdate"

    def __init__(self, year: int):
        super().__init__(year)
        self.archive_prefix = f"core_{year}_{year + 1}_apr_mar"
        # Years without a form of their own are written with the nearest year's form and declaration.
        self.form = registry.form_for_year("lettings", year)
        self.declaration = declaration_for(year)

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
