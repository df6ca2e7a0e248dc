"""Bulk upload with the look-ups on costs little: a 5,000-row lettings file whose properties lie in ten
postcodes of one area, checked and created with the postcode and address services on (a local fake
server, answering at once) and off. With the cache the upload asks each postcode once; the run with
look-ups must stay within 10% of the run without. Runs alternate (off, on) three times and the best
of each counts. The test asserts on this process's CPU time (the look-ups, their cache and the fake
server all run in it), which other jobs on a shared machine disturb far less than the wall clock;
both are printed. Figures go in tests/benchmarks/README.md."""

import io
import time
from datetime import date

import pytest
from django.core.cache import cache

from domain import collection
from domain.models import LettingsLog, ProviderType, Role, UploadStatus
from domain.services.bulk_uploads import bulk_upload_process, bulk_upload_start
from tests.bulk_upload_files import general_needs_row, template_csv
from tests.factories import make_local_authority, make_organisation, make_user
from tests.fake_lookups import fake_lookups  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db
ROWS = 5000
POSTCODES = [f"S1 {n}AB" for n in range(10)]
ALLOWED_SLOWDOWN = 1.10
ROUNDS = 3


def _file(owner, user, prefix: str, rows: int = ROWS) -> bytes:
    return template_csv(general_needs_row(owner, user, **{"13": f"{prefix}-{n}", "41": str(20 + n % 40),
                                                          "24": POSTCODES[n % 10].split()[1]})
                        for n in range(rows))


def _run(data: bytes, user) -> tuple[float, float, object]:
    started, cpu = time.perf_counter(), time.process_time()
    upload = bulk_upload_start(by=user, log_type="lettings", year=2026, fileobj=io.BytesIO(data),
                               file_name="benchmark.csv", size=len(data), queue=False)
    upload = bulk_upload_process(upload=upload)
    return time.perf_counter() - started, time.process_time() - cpu, upload


@pytest.fixture
def setup(settings, tmp_path, monkeypatch, fake_lookups):
    settings.FILE_STORAGE_DIR = tmp_path
    monkeypatch.setattr(collection, "today", lambda: date(2026, 11, 28))
    make_local_authority(code="E08000039", name="Sheffield", start_date="2025-04-01")
    for postcode in POSTCODES:
        fake_lookups.add_postcode(postcode, "E08000039", "Sheffield")
    owner = make_organisation(name="Benchmark Homes", provider_type=ProviderType.PRP, holds_own_stock=True)
    return owner, make_user(owner, Role.DATA_PROVIDER), fake_lookups


def _switch(settings, fake, on: bool) -> None:
    settings.POSTCODE_LOOKUP_URL = fake.postcode_url if on else ""
    settings.OS_PLACES_API_KEY = "test-os-places-key" if on else ""
    cache.clear()  # every run with look-ups starts cold: its calls are part of its time


def _timed(monkeypatch, module, name: str, spent: list) -> None:
    """Add the time spent in module.name to `spent` (the share of a run the look-ups themselves take)."""
    original = getattr(module, name)

    def wrapper(*args, **kwargs):
        started = time.process_time()
        try:
            return original(*args, **kwargs)
        finally:
            spent.append(time.process_time() - started)

    monkeypatch.setattr(module, name, wrapper)


def test_five_thousand_rows_with_lookups_within_ten_percent_of_without(setup, settings, monkeypatch):
    from domain.bulk_upload import processor
    from domain.services import lettings

    owner, user, fake = setup
    spent: list = []
    _timed(monkeypatch, processor, "lookups_prefetch", spent)
    _timed(monkeypatch, lettings, "log_apply_lookups", spent)
    _switch(settings, fake, on=False)
    _run(_file(owner, user, "WARM", 200), user)  # warm up imports and caches of the pipeline itself
    times = {False: [], True: []}
    walls = {False: [], True: []}
    for round_number in range(ROUNDS):
        for on in (False, True):
            _switch(settings, fake, on)
            calls_before = len(fake.calls("/postcodes/"))
            spent.clear()
            elapsed, cpu, upload = _run(_file(owner, user, f"R{round_number}{'ON' if on else 'OFF'}"), user)
            assert upload.status == UploadStatus.LOGS_CREATED
            created = LettingsLog.objects.filter(bulk_upload=upload)
            assert created.count() == ROWS
            if on:
                assert len(fake.calls("/postcodes/")) - calls_before == len(POSTCODES)  # once each
                assert set(created.values_list("la", "is_la_inferred")) == {("E08000039", True)}
            else:
                assert not created.filter(is_la_inferred=True).exists()
            times[on].append(cpu)
            walls[on].append(elapsed)
            print(f"\nlook-ups {'on ' if on else 'off'}: {ROWS:,} rows in {elapsed:.1f}s wall, {cpu:.1f}s CPU "
                  f"({ROWS / elapsed:.0f} rows a second); in the look-up code {sum(spent):.2f}s CPU")
    off, on = min(times[False]), min(times[True])
    wall_off, wall_on = min(walls[False]), min(walls[True])
    print(f"best of {ROUNDS}: CPU off {off:.1f}s, on {on:.1f}s: {100 * (on / off - 1):+.1f}%; "
          f"wall off {wall_off:.1f}s, on {wall_on:.1f}s: {100 * (wall_on / wall_off - 1):+.1f}%")
    assert on <= off * ALLOWED_SLOWDOWN
