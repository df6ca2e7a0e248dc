"""Organisation names by date for many rows at once (exports): every name change read once, no query per row."""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from datetime import date, datetime

from django.utils import timezone

from domain.models import OrganisationNameChange


class NameBook:
    """`name(org_id, base_name, on)`: the name in force on a date, as Organisation.name_on gives it."""

    def __init__(self):
        self._changes: dict[int, tuple[list[date], list[str]]] | None = None

    def _load(self):
        changes = defaultdict(lambda: ([], []))
        rows = (OrganisationNameChange.objects.filter(discarded_at__isnull=True)
                .order_by("organisation_id", "startdate").values_list("organisation_id", "startdate", "name"))
        for org_id, start, name in rows:
            changes[org_id][0].append(start)
            changes[org_id][1].append(name)
        self._changes = dict(changes)

    def name(self, org_id: int | None, base: str | None, on: date | datetime | None = None) -> str | None:
        if org_id is None:
            return base
        if self._changes is None:
            self._load()
        entry = self._changes.get(org_id)
        if not entry:
            return base
        if on is None:
            on = timezone.localdate()
        elif isinstance(on, datetime):
            on = timezone.localtime(on).date() if timezone.is_aware(on) else on.date()
        index = bisect_right(entry[0], on)
        return entry[1][index - 1] if index else base
