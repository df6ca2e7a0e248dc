"""Which collections a run covers, in run order (spec cds-export §1, §4)."""

from __future__ import annotations

from django.apps import apps

from domain import collection as years
from domain.forms import registry

from .collections import CdsCollection
from .lettings import LettingsCollection
from .people import OrganisationsCollection, UsersCollection

COLLECTION_NAMES = ("lettings", "sales", "users", "organisations")
FIRST_SALES_YEAR = 2025


def exported_years(on=None) -> list[int]:
    """Previous, current and next collection year, and the one before while two are open (crossover)."""
    current = years.current_year(on)
    chosen = [current - 1, current, current + 1]
    if len(years.open_years(on, for_edits=True)) > 1:
        chosen.insert(0, current - 2)
    return chosen


def sales_collection_class():
    """The sales collection, once sales logs exist (a model and a sales form in the catalogue)."""
    if not apps.all_models["domain"].get("saleslog") or not registry.years("sales"):
        return None
    from .sales import SalesCollection

    return SalesCollection


def collections_for(name: str | None = None, year: int | None = None) -> list[CdsCollection]:
    if name is not None and name not in COLLECTION_NAMES:
        raise ValueError(f"Unknown collection '{name}'. Choose one of: {', '.join(COLLECTION_NAMES)}.")
    if year is not None and name in ("users", "organisations"):
        raise ValueError(f"The {name} collection has no years; leave out the year.")
    log_years = [year] if year is not None else exported_years()
    chosen: list[CdsCollection] = []
    if name in (None, "users"):
        chosen.append(UsersCollection())
    if name in (None, "organisations"):
        chosen.append(OrganisationsCollection())
    if name in (None, "lettings"):
        chosen += [LettingsCollection(y) for y in log_years]
    if name in (None, "sales"):
        sales = sales_collection_class()
        if sales is None and name == "sales":
            raise ValueError("Sales logs cannot be exported yet: the service does not hold sales logs.")
        if sales is not None:
            chosen += [sales(y) for y in log_years if y >= FIRST_SALES_YEAR]
    return chosen
