"""Reads about schemes and locations: codes, search, computed statuses and deactivation impact."""

from __future__ import annotations

import re
from datetime import date

from django.db.models import Exists, OuterRef, Q, QuerySet, Value
from django.db.models.functions import Replace, Upper

from domain import schemes_status
from domain.models import LettingsLog, Location, Scheme
from domain.models.logs import VISIBLE_STATUSES
from domain.postcodes import compact_postcode
from domain.schemes_status import ResourceStatus

SCHEME_CODE = re.compile(r"^\s*[sS]?(\d+)\s*$")
# Statuses whose locations a scheme deactivation takes with it (§4, "Deactivate" step 1).
LIVE_LOCATION_STATUSES = {
    ResourceStatus.ACTIVE,
    ResourceStatus.DEACTIVATING_SOON,
    ResourceStatus.REACTIVATING_SOON,
    ResourceStatus.ACTIVATING_SOON,
}


def parse_scheme_code(value: str | None) -> int | None:
    """The id in a scheme code written "S123", "s123" or "123"; None when it is not one."""
    match = SCHEME_CODE.match(value or "")
    return int(match.group(1)) if match else None


def scheme_by_code(schemes: QuerySet[Scheme], value: str | None) -> Scheme | None:
    """The scheme with that code among those given (pass the user's visible schemes)."""
    pk = parse_scheme_code(value)
    return schemes.filter(pk=pk).first() if pk is not None else None


def search_schemes(schemes: QuerySet[Scheme], term: str) -> QuerySet[Scheme]:
    """Schemes whose name contains the term, one of whose locations has a postcode containing it
    (spaces ignored) or a name containing it, or whose code it is (the S is optional)."""
    term = (term or "").strip()
    if not term:
        return schemes
    compact = compact_postcode(term)
    locations = Location.objects.filter(scheme=OuterRef("pk"), discarded_at__isnull=True)
    matches = Q(service_name__icontains=term) | Q(Exists(locations.filter(name__icontains=term)))
    if compact:
        matches |= Q(Exists(_with_compact_postcode(locations).filter(compact_postcode__contains=compact)))
    pk = parse_scheme_code(term)
    if pk is not None:
        matches |= Q(pk=pk)
    return schemes.filter(matches)


def search_locations(locations: QuerySet[Location], term: str) -> QuerySet[Location]:
    """Locations whose name contains the term, whose postcode contains it (spaces ignored), or whose
    code it is."""
    term = (term or "").strip()
    if not term:
        return locations
    matches = Q(name__icontains=term)
    compact = compact_postcode(term)
    if compact:
        locations = _with_compact_postcode(locations)
        matches |= Q(compact_postcode__contains=compact)
    if term.isdigit():
        matches |= Q(pk=int(term))
    return locations.filter(matches)


def _with_compact_postcode(locations: QuerySet[Location]) -> QuerySet[Location]:
    return locations.annotate(compact_postcode=Upper(Replace("postcode", Value(" "), Value(""))))


def with_status_data(queryset: QuerySet) -> QuerySet:
    """Prefetch what computing statuses reads, so a page of statuses costs a fixed number of queries."""
    if queryset.model is Scheme:
        return queryset.select_related("owning_organisation").prefetch_related("deactivation_periods", "locations")
    return queryset.select_related("scheme__owning_organisation").prefetch_related(
        "deactivation_periods", "scheme__deactivation_periods", "scheme__locations"
    )


def ids_with_status(queryset: QuerySet, status: str, on: date) -> list[int]:
    """Primary keys of the schemes or locations whose displayed status on a date is `status`.
    Statuses depend on periods, locations and the owner, so they are computed, not queried."""
    rows = with_status_data(queryset).iterator(chunk_size=500)
    return [row.pk for row in rows if schemes_status.displayed_status(row, on) == status]


def logs_affected_by_deactivation(resource: Scheme | Location, on: date) -> QuerySet:
    """Live lettings logs that use the scheme or location with a tenancy start on or after the
    date: a deactivation from that date takes the scheme and location off them."""
    field = "location" if isinstance(resource, Location) else "scheme"
    return LettingsLog.objects.filter(**{field: resource, "startdate__gte": on, "status__in": VISIBLE_STATUSES})


def count_logs_affected_by_deactivation(resource: Scheme | Location, on: date) -> int:
    return logs_affected_by_deactivation(resource, on).count()


def locations_affected_by_deactivation(resource: Scheme | Location, on: date) -> list[Location]:
    """A scheme's complete locations that are in use, or about to be, on the date: they deactivate
    (and later reactivate) with it. A location's deactivation affects no other location."""
    if isinstance(resource, Location):
        return []
    locations = with_status_data(resource.locations.filter(discarded_at__isnull=True, confirmed=True))
    return [loc for loc in locations if schemes_status.location_status_at(loc, on) in LIVE_LOCATION_STATUSES]
