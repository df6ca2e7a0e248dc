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


def local_authority(code):
    """The latest local authority with this code (None when there is none)."""
    from domain.models import LocalAuthority

    return _remember(("local_authority", code), lambda: LocalAuthority.objects.filter(
        code=code).order_by("-start_date").first())
