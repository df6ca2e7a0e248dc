"""One run at a time of a long job (the CDS export): a lock row, claimed in a short transaction that
locks it (SELECT ... FOR UPDATE on PostgreSQL; on SQLite every transaction takes the database's write
lock when it begins), then held, committed, for the whole run.

The claim is committed at once so that other processes see it while the run goes on; the row is freed
when the run ends, however it ends. A process that dies leaves it claimed: a claim older than
`stale_after` is presumed dead and may be taken over.
"""

from __future__ import annotations

from contextlib import contextmanager
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from domain.models import RunLock


class LockHeld(RuntimeError):
    """Another run holds the lock; `since` is when it started."""

    def __init__(self, name: str, since: datetime):
        super().__init__(f"{name} has been running since {since.isoformat()}")
        self.name, self.since = name, since


def run_lock_holder(name: str, *, stale_after: timedelta) -> datetime | None:
    """When the run holding the named lock started, or None if it is free (or its holder presumed dead)."""
    since = RunLock.objects.filter(name=name).values_list("held_since", flat=True).first()
    return since if since and since > timezone.now() - stale_after else None


@contextmanager
def run_lock(name: str, *, stale_after: timedelta):
    """Hold the named lock while the body runs. Raises LockHeld, before the body starts, when another
    run holds it. Call it outside any transaction, so that the claim is seen by others straight away."""
    RunLock.objects.get_or_create(name=name)
    with transaction.atomic():
        lock = RunLock.objects.select_for_update().get(name=name)
        now = timezone.now()
        if lock.held_since and lock.held_since > now - stale_after:
            raise LockHeld(name, lock.held_since)
        lock.held_since = now
        lock.save(update_fields=["held_since"])
    try:
        yield now
    finally:
        # Only this run's claim is freed: a run presumed dead that wakes up must not free its successor's.
        RunLock.objects.filter(name=name, held_since=now).update(held_since=None)
