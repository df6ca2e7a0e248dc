"""Which of our local authorities a postcodes.io district code means on a given day."""

from __future__ import annotations

from datetime import date

from django.db.models import Q

from domain.models import LocalAuthority, LocalAuthorityLink
from domain.selectors.lookups import remember


def authority_for(code: str, on: date | None) -> LocalAuthority | None:
    """The authority with this ONS code, or the authority linked to it (a boundary change, as Barnsley's
    and Sheffield's codes in 2025) that is in place on the day; None when we know neither. Within a
    bulk upload each (code, day) is read from the database once."""
    return remember(("authority_for", code, on), lambda: _authority_for(code, on))


def _authority_for(code: str, on: date | None) -> LocalAuthority | None:
    candidates = list(LocalAuthority.objects.filter(code=code))
    # Links are read both ways: from the old code to its successor and back.
    linked = LocalAuthority.objects.filter(
        Q(links__linked_local_authority__code=code)
        | Q(pk__in=LocalAuthorityLink.objects.filter(local_authority__code=code).values("linked_local_authority"))
    ).exclude(code=code).distinct()
    candidates += list(linked)
    if not candidates:
        return None
    if on is None:
        return candidates[0]
    for authority in candidates:
        if authority.start_date <= on and (authority.end_date is None or authority.end_date >= on):
            return authority
    return None
