"""The shape of a year's lettings export declaration, and the field lists built from it and the form.

`LettingsExport.fields(form, variant)` gives the elements of one kind of log in order: the stored
columns (catalogue columns not excluded, plus system columns) in CDS's column order, then the computed
fields; supported housing logs swap the general-needs-only fields for the scheme and location blocks.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cached_property

from domain.forms.catalogue import Form

from .fields import ExportField, stored
from .lettings_order import POSITION


@dataclass(frozen=True)
class Variant:
    """What changes which elements a log has."""

    supported_housing: bool
    scheme: bool
    location: bool
    owning_organisation: bool
    managing_organisation: bool


@dataclass(frozen=True)
class LettingsExport:
    year: int
    excluded: dict[str, str]
    system_columns: tuple[str, ...]
    recoded: tuple[ExportField, ...]
    computed_head: tuple[ExportField, ...]
    supported_housing: tuple[ExportField, ...]
    computed_tail: tuple[ExportField, ...]
    general_needs_only: tuple[str, ...] = ()
    _cache: dict = field(default_factory=dict, compare=False, repr=False)

    def evolve(self, *, year: int, exclude: dict[str, str] | None = None, include: tuple[str, ...] = (),
               **changes) -> LettingsExport:
        """Next year's declaration: more exclusions (or fewer, via include), other changes by name."""
        excluded = {k: r for k, r in {**self.excluded, **(exclude or {})}.items() if k not in include}
        return replace(self, year=year, excluded=excluded, _cache={}, **changes)

    @cached_property
    def _recoded(self) -> dict[str, ExportField]:
        return {f.name: f for f in self.recoded}

    def stored_names(self, form: Form) -> list[str]:
        """The stored-value elements of the year: CDS's column order, then new columns in form order."""
        names = [c for c in form.columns if c not in self.excluded] + list(self.system_columns)
        names = list(dict.fromkeys(names))
        placed = sorted((n for n in names if n in POSITION), key=POSITION.__getitem__)
        return placed + [n for n in names if n not in POSITION]

    def fields(self, form: Form, model, variant: Variant) -> list[ExportField]:
        key = (form.year, model, variant)
        if key not in self._cache:
            self._cache[key] = self._build(form, model, variant)
        return self._cache[key]

    def _build(self, form: Form, model, variant: Variant) -> list[ExportField]:
        names = self.stored_names(form)
        if variant.supported_housing:
            names = [n for n in names if n not in self.general_needs_only]
        result = [self._recoded.get(n) or stored(model, n) for n in names]
        dropped = set()
        if not variant.owning_organisation:
            dropped |= {"owningorgid", "owningorgname", "hcnum"}
        if not variant.managing_organisation:
            dropped |= {"maningorgid", "maningorgname", "manhcnum"}
        result += [f for f in self.computed_head if f.name not in dropped]
        if variant.supported_housing:
            unit, scheme_block, location_block = self._supported_housing_blocks()
            result += unit + (scheme_block if variant.scheme else []) + (location_block if variant.location else [])
        return result + list(self.computed_tail)

    def _supported_housing_blocks(self):
        """unittype_sh, then the scheme block (confidential..scheme_status), then the location block."""
        fields = list(self.supported_housing)
        first_location = next(i for i, f in enumerate(fields) if f.name == "mobstand")
        return fields[:1], fields[1:first_location], fields[first_location:]

    def all_fields(self, form: Form, model) -> list[ExportField]:
        """Every field any log of the year may have (to know which columns to read)."""
        supported = self.fields(form, model, Variant(True, True, True, True, True))
        general = self.fields(form, model, Variant(False, False, False, True, True))
        return list({id(f): f for f in supported + general}.values())


def declaration_for(year: int) -> LettingsExport:
    """The declaration of a year (a year without one of its own: the nearest year's)."""
    from domain.forms import registry

    return registry.log_year("lettings", year).cds
