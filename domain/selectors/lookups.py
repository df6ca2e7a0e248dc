"""Reference look-ups a log's rules make over and over (rent ranges, absorbed organisations). Inside
`remembered_lookups()` (a bulk upload) each distinct look-up hits the database once; outside it, every
call asks the database, as a single log's save should."""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar

_cache: ContextVar[dict | None] = ContextVar("lookup_cache", default=None)


@contextmanager
def remembered_lookups():
    token = _cache.set({})
    try:
        yield
    finally:
        _cache.reset(token)


def current_memo() -> dict | None:
    """The memo of the `remembered_lookups()` block running now, or None outside one."""
    return _cache.get()


def remember(key: tuple, find):
    """`find()`, once per key within a `remembered_lookups()` block; every time outside one."""
    return _remember(key, find)


def _remember(key: tuple, find):
    cache = _cache.get()
    if cache is None:
        return find()
    if key not in cache:
        cache[key] = find()
    return cache[key]


def rent_range(year, la, beds, lettype):
    from domain.models import RentRange

    return _remember(("rent_range", year, la, beds, lettype), lambda: RentRange.objects.filter(
        start_year=year, la=la, beds=beds, lettype=lettype).first())


def absorbed_organisation_ids(organisation) -> set:
    """The ids of the organisations merged into this one."""
    return _remember(("absorbed", organisation.pk), lambda: set(
        organisation.absorbed_organisations.values_list("pk", flat=True)))


def scheme_locations_held(scheme) -> tuple[bool, bool]:
    """Whether the scheme has any location, and any complete (confirmed) one."""
    locations = scheme_locations(scheme)
    return bool(locations), any(location.confirmed for location in locations)


def scheme_locations(scheme) -> list:
    """The scheme's locations by postcode, deleted ones too, each holding the scheme and its deactivation
    periods (so working out a location's status asks nothing more); read once per log page or upload."""
    def find():
        if "locations" in getattr(scheme, "_prefetched_objects_cache", {}):  # read with the scheme already
            found = sorted(scheme.locations.all(), key=lambda location: (location.postcode, location.pk))
        else:
            found = list(scheme.locations.order_by("postcode", "pk").prefetch_related("deactivation_periods"))
        for location in found:
            location.scheme = scheme
        return found

    return find() if scheme.pk is None else _remember(("scheme_locations_each", scheme.pk), find)


def complete_locations(scheme) -> list:
    """The scheme's confirmed locations that are not deleted, by postcode (from `scheme_locations`)."""
    return [location for location in scheme_locations(scheme) if location.confirmed and not location.discarded_at]


def listed_location(location):
    """The location as read with its scheme's locations in this `remembered_lookups()` block (holding its
    deactivation periods), or None when they have not been read."""
    cache = _cache.get()
    listed = cache.get(("scheme_locations_each", location.scheme_id)) if cache is not None else None
    return next((each for each in listed if each.pk == location.pk), None) if listed else None


def local_authority(code):
    """The latest local authority with this code (None when there is none)."""
    from domain.models import LocalAuthority

    return _remember(("local_authority", code), lambda: LocalAuthority.objects.filter(
        code=code).order_by("-start_date").first())


def current_la_code(code: str, year: int) -> str:
    """The local authority code in use at the start of a collection year for a code that may since
    have been replaced or may replace an older one (followed through LA links), else the code itself."""
    return _remember(("current_la", code, year), lambda: _current_la_code(code, year))


def _current_la_code(code: str, year: int) -> str:
    from django.db.models import Q

    from domain import collection
    from domain.models import LocalAuthority

    active = set(LocalAuthority.objects.valid_on(collection.window(year).start)
                 .filter(Q(code=code) | Q(links__linked_local_authority__code=code)).values_list("code", flat=True))
    return code if code in active or not active else min(active)
