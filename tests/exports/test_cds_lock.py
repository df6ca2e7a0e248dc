"""One CDS export at a time, across processes: two runs started together on two real database
connections (threads), on PostgreSQL. The second is refused with a clear message and writes nothing."""

import threading

import pytest
from django.db import connection

from domain.models import Export, ExportStatus, RunLock
from domain.services.run_locks import LockHeld, run_lock
from exports.cds import numbering
from exports.cds.run import ExportAlreadyRunning, STALE_AFTER, cds_export_run
from tests.factories import make_organisation, make_user

pytestmark = pytest.mark.django_db(transaction=True)


def in_thread(target):
    """Run `target` on its own thread (so its own database connection); returns (thread, outcome)."""
    outcome = {}

    def body():
        try:
            outcome["result"] = target()
        except BaseException as error:  # handed back to the test
            outcome["error"] = error
        finally:
            connection.close()

    thread = threading.Thread(target=body)
    thread.start()
    return thread, outcome


def test_a_second_export_started_during_the_first_is_refused(storage, monkeypatch):
    make_user(make_organisation(name="Lock Homes"), email="someone@lock.test")
    inside, release = threading.Event(), threading.Event()
    read_marker = numbering.changed_since

    def slow_changed_since(*args, **kwargs):
        # The first run holds the lock but has not written a single Export row yet: a check of the rows
        # alone would let a second run in here.
        inside.set()
        assert release.wait(20)
        return read_marker(*args, **kwargs)

    monkeypatch.setattr(numbering, "changed_since", slow_changed_since)
    thread, first = in_thread(lambda: cds_export_run(collection="users"))
    try:
        assert inside.wait(20)
        assert not Export.objects.exists()
        with pytest.raises(ExportAlreadyRunning, match="is still running. Wait for it to finish, then try again."):
            cds_export_run(collection="users")
    finally:
        release.set()
        thread.join(30)
    assert "error" not in first, first.get("error")
    assert list(Export.objects.values_list("collection", "status")) == [("users", ExportStatus.SUCCEEDED)]
    assert RunLock.objects.get(name="cds_export").held_since is None  # freed at the end
    monkeypatch.setattr(numbering, "changed_since", read_marker)
    cds_export_run(collection="users")  # and the next run goes ahead
    assert Export.objects.filter(status=ExportStatus.SUCCEEDED).count() == 2


def test_of_two_runs_claiming_the_lock_at_the_same_moment_exactly_one_gets_it():
    both_ready, attempted = threading.Barrier(2, timeout=20), threading.Barrier(2, timeout=20)

    def claim():
        both_ready.wait()
        try:
            with run_lock("race", stale_after=STALE_AFTER):
                attempted.wait()  # keep it until the other has tried
                return "held"
        except LockHeld:
            attempted.wait()
            return "refused"

    runs = [in_thread(claim) for _ in range(2)]
    for thread, _ in runs:
        thread.join(30)
    assert sorted(outcome.get("result", outcome.get("error")) for _, outcome in runs) == ["held", "refused"]
    assert RunLock.objects.get(name="race").held_since is None


def test_a_claim_left_by_a_dead_process_is_taken_over_after_six_hours():
    from datetime import timedelta

    from django.utils import timezone

    RunLock.objects.create(name="job", held_since=timezone.now() - STALE_AFTER - timedelta(minutes=1))
    with run_lock("job", stale_after=STALE_AFTER) as since:
        assert RunLock.objects.get(name="job").held_since == since
    RunLock.objects.filter(name="job").update(held_since=timezone.now() - timedelta(hours=1))
    with pytest.raises(LockHeld):
        with run_lock("job", stale_after=STALE_AFTER):
            pass
