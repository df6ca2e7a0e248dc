"""Base and increment numbers, and the "changed since" marker (spec cds-export §2, §3).

Only succeeded rows count: a failed run neither uses up a number nor moves the marker.
"""

from __future__ import annotations

from datetime import datetime

from django.db.models import Max, Q

from domain.models import Export, ExportStatus


def next_numbers(collection: str, year: int | None, *, full: bool, run_started_at: datetime) -> tuple[int, int]:
    data_rows = Export.objects.succeeded().of(collection, year).filter(empty_export=False)
    base = data_rows.aggregate(n=Max("base_number"))["n"] or 1
    increment = data_rows.filter(base_number=base).aggregate(n=Max("increment_number"))["n"] or 1
    if full:
        # As upstream: a full export starts a new base whenever the table holds any row at all,
        # including rows written earlier in this same run.
        if Export.objects.filter(Q(status=ExportStatus.SUCCEEDED) | Q(started_at=run_started_at)).exists():
            base += 1
        increment = 1
    else:
        increment += 1
    if not data_rows.exists():
        return base, 1
    return base, increment


def changed_since(collection: str, year: int | None) -> datetime | None:
    """The start of the latest succeeded export of the collection (empty or not), if any."""
    latest = Export.objects.succeeded().of(collection, year).order_by("-started_at").first()
    return latest.started_at if latest else None
