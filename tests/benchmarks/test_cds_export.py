"""Benchmark: a full CDS export of many lettings logs on PostgreSQL (`make benchmark`).

Measures logs written per second and how far the process's resident memory rises during the export,
at two sizes, to show memory stays flat as the number of logs grows, and times beside it a raw
PostgreSQL `COPY (SELECT …) TO STDOUT` of the columns the export reads, for the same logs in the same
order. Sizes: CDS_BENCH_LOGS (default 200,000) and a tenth of it. Figures go in tests/benchmarks/README.md.
"""

import os
import threading
import time
import tracemalloc
from datetime import date
from unittest import mock

import pytest
from django.db import connection

from domain.models import LettingsLog, Role
from exports.cds.lettings import LettingsCollection
from exports.cds.run import cds_export_run
from tests.factories import make_organisation, make_user
from tests.lettings_answers import general_needs_answers
from tests.clock import on

TOTAL = int(os.environ.get("CDS_BENCH_LOGS", "200000"))
BATCH = 5_000
TARGET_LOGS_PER_SECOND = 4_000  # issue 15: keep at least 4,000 records a second
MEMORY_CEILING_MB = 300


def resident_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS in /proc/self/status")


class PeakMemory:
    """Samples resident memory every 20 ms while the block runs."""

    def __enter__(self):
        self.start = self.peak = resident_mb()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()
        return self

    def _sample(self):
        while not self._stop.wait(0.02):
            self.peak = max(self.peak, resident_mb())

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, resident_mb())

    @property
    def rise(self) -> float:
        return self.peak - self.start


def add_logs(count, owner, user):
    """Copies of one valid completed log, inserted in batches."""
    template = LettingsLog(**general_needs_answers(owner, user), status=2)
    values = {f.attname: getattr(template, f.attname) for f in LettingsLog._meta.concrete_fields if f.attname != "id"}
    for start in range(0, count, BATCH):
        LettingsLog.objects.bulk_create([LettingsLog(**values) for _ in range(min(BATCH, count - start))])


def copy_seconds(path) -> tuple[int, float]:
    """Raw PostgreSQL: the columns the export reads, of the same logs in the same order, COPY'd to a file."""
    collection = LettingsCollection(2026)
    rows = collection.queryset().order_by("created_at", "id").values(*collection.columns())
    sql, params = rows.query.sql_with_params()
    started = time.perf_counter()
    count = 0
    with connection.cursor() as cursor, open(path, "wb") as out:
        with cursor.cursor.copy(f"COPY ({sql}) TO STDOUT WITH (FORMAT csv)", params) as copy:
            for data in copy:
                out.write(data)
                count += bytes(data).count(b"\n")
    return count, time.perf_counter() - started


def full_export():
    (item,) = cds_export_run(full=True, collection="lettings", year=2026).collections
    return item.export.records


def timed_full_export():
    """Logs per second, and the rise of resident memory (which memory freed earlier can hide)."""
    started = time.perf_counter()
    with PeakMemory() as memory:
        records = full_export()
    return records, records / (time.perf_counter() - started), memory


def traced_full_export():
    """Peak of Python allocations during an export, in MB (tracemalloc: exact, but slower)."""
    tracemalloc.start()
    try:
        records = full_export()
        return records, tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()


@pytest.mark.django_db
def test_full_lettings_export_speed_and_flat_memory(tmp_path, settings):
    settings.FILE_STORAGE_DIR, settings.S3_BUCKET = tmp_path, ""
    owner = make_organisation(name="Benchmark Homes")
    user = make_user(owner, Role.DATA_PROVIDER, email="bench@homes.test")
    small = TOTAL // 10
    with on(date(2026, 11, 28)):
        add_logs(small, owner, user)
        small_records, small_peak = traced_full_export()
        add_logs(TOTAL - small, owner, user)
        records, rate, memory = timed_full_export()
        copied, copy_time = copy_seconds(tmp_path / "copy.csv")
        _, peak = traced_full_export()

    print(f"\n{small_records} logs: Python peak {small_peak:.1f} MB")
    print(f"{records} logs: {rate:.0f} logs/s, Python peak {peak:.1f} MB, resident rise {memory.rise:.1f} MB, "
          f"peak resident {memory.peak:.0f} MB; load average {os.getloadavg()}")
    print(f"COPY of the same {copied} rows (the columns the export reads): {copy_time:.2f} s = "
          f"{copied / copy_time:,.0f} rows/s; the export takes {copied / copy_time / rate:.1f}x as long")
    assert copied == records
    assert (small_records, records) == (small, TOTAL)
    assert rate >= TARGET_LOGS_PER_SECOND
    assert peak < MEMORY_CEILING_MB and memory.rise < MEMORY_CEILING_MB
    assert peak < small_peak * 1.5 + 5  # ten times the logs, about the same memory
