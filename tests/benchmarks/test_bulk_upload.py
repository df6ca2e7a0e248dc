"""Bulk upload throughput and memory: a 5,000-row 2026 lettings file, end to end on PostgreSQL
(reading, checking every row through the shared pipeline, creating the logs in one transaction).
Run with `make benchmark`; figures go in tests/benchmarks/README.md."""

import io
import os
import time
import tracemalloc
from datetime import date

import pytest

from domain import collection
from domain.models import LettingsLog, ProviderType, Role, UploadStatus
from domain.services.bulk_uploads import bulk_upload_process, bulk_upload_start
from tests.bulk_upload_files import general_needs_row, template_csv
from tests.factories import make_organisation, make_user

pytestmark = pytest.mark.django_db(transaction=True)
TARGET_ROWS_PER_SECOND = 800


def _file(owner, user, rows: int) -> bytes:
    return template_csv(general_needs_row(owner, user, **{"13": f"T-{n}", "41": str(20 + n % 40)})
                        for n in range(rows))


def _run(data: bytes, user):
    upload = bulk_upload_start(by=user, log_type="lettings", year=2026, fileobj=io.BytesIO(data),
                               file_name="benchmark.csv", size=len(data), queue=False)
    return bulk_upload_process(upload=upload)


@pytest.fixture
def setup(settings, tmp_path, monkeypatch):
    settings.FILE_STORAGE_DIR = tmp_path
    monkeypatch.setattr(collection, "today", lambda: date(2026, 11, 28))
    owner = make_organisation(name="Benchmark Homes", provider_type=ProviderType.PRP, holds_own_stock=True)
    return owner, make_user(owner, Role.DATA_PROVIDER)


def test_five_thousand_rows_end_to_end(setup):
    owner, user = setup
    data = _file(owner, user, 5000)
    started, cpu = time.perf_counter(), time.process_time()
    upload = _run(data, user)
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    rate = 5000 / elapsed
    print(f"\n5,000 rows ({len(data) / 1e6:.1f} MB) in {elapsed:.1f}s: {rate:.0f} rows a second "
          f"({cpu:.1f} s of this process's CPU: {5000 / cpu:.0f} rows per CPU second); "
          f"load average {os.getloadavg()}")
    assert upload.status == UploadStatus.LOGS_CREATED
    assert LettingsLog.objects.filter(bulk_upload=upload).count() == 5000
    assert rate >= TARGET_ROWS_PER_SECOND


def test_memory_is_flat_in_the_number_of_rows(setup):
    owner, user = setup
    peaks = {}
    for rows in (500, 2000):
        data = _file(owner, user, rows)
        tracemalloc.start()
        _run(data.replace(b"T-", f"R{rows}-".encode()), user)
        peaks[rows] = tracemalloc.get_traced_memory()[1] - len(data)
        tracemalloc.stop()
    print(f"\npeak memory beyond the file itself: 500 rows {peaks[500] / 1e6:.1f} MB, "
          f"2,000 rows {peaks[2000] / 1e6:.1f} MB")
    assert peaks[2000] < peaks[500] * 2
