"""The users download (spec csv-downloads §7)."""

from __future__ import annotations

from collections.abc import Iterator

from domain import access
from domain.models import Role

from .values import offset_timestamp
from .writer import CHUNK_SIZE

ROLE_NAMES = {Role.DATA_PROVIDER: "data_provider", Role.DATA_COORDINATOR: "data_coordinator",
              Role.SUPPORT: "support", Role.STATISTICIAN: "statistician"}


def _flag(value) -> str:
    return "true" if value else "false"


COLUMNS = {
    "id": lambda u: u.pk,
    "email": lambda u: u.email,
    "name": lambda u: u.name,
    "organisation_name": lambda u: u.organisation.name,
    "role": lambda u: ROLE_NAMES.get(u.role, ""),
    "old_user_id": lambda u: u.old_user_id,
    "is_dpo": lambda u: _flag(u.is_dpo),
    "is_key_contact": lambda u: _flag(u.is_key_contact),
    "active": lambda u: _flag(u.is_active),
    # Sign-in counts are not kept by this service; the last sign-in is Django's last_login.
    "sign_in_count": lambda u: str(u.sign_in_count),
    "last_sign_in_at": lambda u: offset_timestamp(u.last_login),
}


def rows(user, queryset=None) -> Iterator[list]:
    """The header, then one row per non-deleted user the requester may download, in id order;
    `queryset` (a list's filters) narrows that, never widens it."""
    allowed = access.downloadable_users(user)
    users = allowed if queryset is None else allowed.filter(pk__in=queryset.values("pk"))
    yield list(COLUMNS)
    for person in users.select_related("organisation").order_by("pk").iterator(chunk_size=CHUNK_SIZE):
        yield [value(person) for value in COLUMNS.values()]
