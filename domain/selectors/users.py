"""Which users the users list shows: its filters and its search, for the console's list and for the CSV
download of that list alike."""

from __future__ import annotations

from collections.abc import Mapping
from functools import reduce
from operator import and_

from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet
from django.utils.text import smart_split, unescape_string_literal

from domain import access

SEARCH = "q"
SEARCHED_FIELDS = ("name", "email")
# The users list's filters, by their query parameter (the admin's own field filters spell them so).
FILTERS = {"role__exact": "role", "is_active__exact": "is_active", "is_dpo__exact": "is_dpo",
           "is_key_contact__exact": "is_key_contact", "organisation__id__exact": "organisation_id"}


def users_search(users: QuerySet, term: str) -> QuerySet:
    """Users whose name or email contains every word of the term (a quoted phrase counts as one word)."""
    words = [unescape_string_literal(w) if w[:1] in "\"'" and w[-1:] == w[:1] else w for w in smart_split(term or "")]
    if not words:
        return users
    return users.filter(reduce(and_, (reduce(Q.__or__, (Q(**{f"{f}__icontains": word}) for f in SEARCHED_FIELDS))
                                     for word in words)))


def users_listed(user, params: Mapping[str, str]) -> QuerySet:
    """The users a user's users list shows for its query parameters (filters and search `q`), within
    those they may see; parameters the list does not have are ignored."""
    users = access.visible_users(user)
    for name, field in FILTERS.items():
        if params.get(name) not in (None, ""):
            try:
                users = users.filter(**{field: params[name]})
            except (ValueError, ValidationError):
                raise ValueError("The list filters of this download are no longer valid. Change them and "
                                 "download again.")
    return users_search(users, params.get(SEARCH, ""))
