"""Schemes and locations CSV downloads (schemes spec §6): the columns are declared once, as data, and
rows are streamed from a queryset iterator, limited to what the user may see. The file format (BOM,
safe cells) is exports.csv.writer's."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date

from django.utils import timezone

from domain import access
from domain.collection import today
from domain.models import Location
from domain.selectors.schemes import with_status_data

from exports.csv.writer import BOM, CHUNK_SIZE, neutralise, stream, write_rows  # noqa: F401  (the shared format)

KINDS = ("schemes", "locations", "schemes-and-locations")


@dataclass(frozen=True)
class Column:
    header: str
    value: Callable  # (object, on) -> value


def _label(obj, field: str) -> str:
    value = getattr(obj, field)
    return "" if value in (None, "") else str(getattr(obj, f"get_{field}_display")())


def _yes_no(value) -> str:
    return {0: "No", 1: "Yes"}.get(value, "")


SCHEME_COLUMNS = [
    Column("scheme_code", lambda s, on: s.code),
    Column("scheme_service_name", lambda s, on: s.service_name),
    Column("scheme_status", lambda s, on: s.displayed_status(on).value),
    Column("scheme_confidential", lambda s, on: _yes_no(s.sensitive)),
    Column("scheme_type", lambda s, on: _label(s, "scheme_type")),
    Column("scheme_registered_under_care_act", lambda s, on: _label(s, "registered_under_care_act")),
    Column("scheme_owning_organisation_name", lambda s, on: s.owning_organisation.name),
    Column("scheme_support_services_provided_by", lambda s, on: _label(s, "arrangement_type")),
    Column("scheme_primary_client_group", lambda s, on: _label(s, "primary_client_group")),
    Column("scheme_has_other_client_group", lambda s, on: _yes_no(s.has_other_client_group)),
    Column("scheme_secondary_client_group", lambda s, on: _label(s, "secondary_client_group")),
    Column("scheme_support_type", lambda s, on: _label(s, "support_type")),
    Column("scheme_intended_stay", lambda s, on: _label(s, "intended_stay")),
    Column("scheme_created_at", lambda s, on: timezone.localtime(s.created_at).isoformat(timespec="seconds")),
    Column("scheme_active_dates", lambda s, on: s.availability),
]
LOCATION_COLUMNS = [
    Column("location_code", lambda loc, on: loc.code),
    Column("location_postcode", lambda loc, on: loc.postcode),
    Column("location_name", lambda loc, on: loc.name),
    Column("location_status", lambda loc, on: loc.displayed_status(on).value),
    Column("location_local_authority", lambda loc, on: loc.location_admin_district),
    Column("location_units", lambda loc, on: loc.units),
    Column("location_type_of_unit", lambda loc, on: _label(loc, "type_of_unit")),
    Column("location_mobility_type", lambda loc, on: _label(loc, "mobility_type")),
    Column("location_active_dates", lambda loc, on: loc.availability),
]


def headers(kind: str) -> list[str]:
    if kind == "schemes":
        return [c.header for c in SCHEME_COLUMNS]
    if kind == "locations":
        return ["scheme_code", *(c.header for c in LOCATION_COLUMNS)]
    return [c.header for c in SCHEME_COLUMNS + LOCATION_COLUMNS]


def rows(user, kind: str, on: date | None = None, schemes=None) -> Iterator[list[str]]:
    """The header row, then one row per scheme (or per location) the user may see; `schemes`
    narrows that further (a list's filters), never widens it."""
    if kind not in KINDS:
        raise ValueError(f"Unknown download {kind!r}: choose one of {', '.join(KINDS)}.")
    on = on or today()
    yield headers(kind)
    allowed = access.downloadable_schemes(user)
    schemes = allowed if schemes is None else allowed.filter(pk__in=schemes.values("pk"))
    if kind == "schemes":
        for scheme in with_status_data(schemes.order_by("pk")).iterator(chunk_size=CHUNK_SIZE):
            yield [c.value(scheme, on) for c in SCHEME_COLUMNS]
        return
    locations = Location.objects.filter(discarded_at__isnull=True, scheme__in=schemes.values("pk"))
    for location in with_status_data(locations.order_by("scheme_id", "pk")).iterator(chunk_size=CHUNK_SIZE):
        lead = [location.scheme.code] if kind == "locations" else [c.value(location.scheme, on) for c in SCHEME_COLUMNS]
        yield lead + [c.value(location, on) for c in LOCATION_COLUMNS]


def write_file(user, kind: str, path: str) -> int:
    """Write the download to a file; returns the number of data rows (the header not counted)."""
    with open(path, "w", encoding="utf-8", newline="") as out:
        return write_rows(out, rows(user, kind)) - 1


def filename(kind: str, organisation_name: str | None = None) -> str:
    stamp = timezone.localtime().strftime("%Y-%m-%dT%H-%M-%S")
    middle = f"{organisation_name}-" if organisation_name else ""
    return f"{kind}-{middle}{stamp}.csv"
