"""Benchmark: lettings and sales log downloads (labels and codes) on PostgreSQL, side by side with a
raw `COPY (SELECT …) TO STDOUT` of the same rows (`make benchmark`).

The logs come from `seed_demo` + `seed_volume` (valid, completed, general needs and supported housing,
spread over the demo organisations). Each download is written to a file as support downloads it (the
widest layout). Memory: the peak of Python allocations (tracemalloc) of the lettings labels download
of a tenth of the logs against all of them. Sizes: BENCHMARK_LOGS lettings logs (default 100,000) and
a fifth as many sales logs. Figures go in tests/benchmarks/README.md.
"""

import os
import time
import tracemalloc

import pytest
from django.core.management import call_command
from django.db import connection

from domain import collection
from domain.models import LettingsLog, Role, SalesLog, User
from exports.csv import downloads

pytestmark = pytest.mark.django_db
LOGS = int(os.environ.get("BENCHMARK_LOGS", "100000"))
TARGET_LOGS_PER_SECOND = 5_000
MODELS = {"lettings": LettingsLog, "sales": SalesLog}


@pytest.fixture
def support():
    call_command("load_reference_data", verbosity=0)
    call_command("seed_demo", verbosity=0)
    LettingsLog.objects.all().delete()
    SalesLog.objects.all().delete()
    call_command("seed_volume", "--lettings", str(LOGS), "--sales", str(LOGS // 5), "--seed", "1", verbosity=0)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return User.objects.filter(role=Role.SUPPORT).order_by("pk").first()


def copy_seconds(user, log_type: str, year: int, path) -> float:
    """Raw PostgreSQL: every column of the same rows, in the same order, COPY'd to a CSV file."""
    selected = downloads.log_queryset(user, log_type, year).order_by("pk")
    sql, params = selected.query.sql_with_params()
    started = time.perf_counter()
    with connection.cursor() as cursor, open(path, "wb") as out:
        with cursor.cursor.copy(f"COPY ({sql}) TO STDOUT WITH (FORMAT csv, HEADER)", params) as copy:
            for data in copy:
                out.write(data)
    return time.perf_counter() - started


def download_seconds(user, log_type: str, year: int, codes: bool, path) -> tuple[int, float, float]:
    """Rows written, wall-clock seconds and this process's CPU seconds (the machine is shared)."""
    started, cpu = time.perf_counter(), time.process_time()
    rows = downloads.write_file(user, log_type, str(path), year=year, codes=codes)
    return rows, time.perf_counter() - started, time.process_time() - cpu


def traced_peak_mb(user, limit: int | None, path) -> tuple[int, float]:
    queryset = None
    if limit:
        first = LettingsLog.objects.order_by("pk").values("pk")[:limit]
        queryset = LettingsLog.objects.filter(pk__in=first)
    tracemalloc.start()
    try:
        rows = downloads.write_file(user, "lettings", str(path), year=collection.current_year(), queryset=queryset)
        return rows, tracemalloc.get_traced_memory()[1] / 1e6
    finally:
        tracemalloc.stop()


def test_downloads_against_copy(support, tmp_path):
    year = collection.current_year()
    supported = LettingsLog.objects.filter(needstype=2).count()
    print(f"\n{LettingsLog.objects.count()} lettings logs ({supported} supported housing), "
          f"{SalesLog.objects.count()} sales logs; load average {os.getloadavg()}")
    rates = {}
    for log_type in ("lettings", "sales"):
        expected = downloads.log_queryset(support, log_type, year).count()
        copied = copy_seconds(support, log_type, year, tmp_path / "copy.csv")
        copy_mb = os.path.getsize(tmp_path / "copy.csv") / 1e6
        for codes in (False, True):
            kind = "codes" if codes else "labels"
            path = tmp_path / f"{log_type}-{kind}.csv"
            rows, seconds, cpu = download_seconds(support, log_type, year, codes, path)
            assert rows == expected
            rates[log_type, kind] = rows / seconds
            print(f"{log_type} {kind}: {rows} logs in {seconds:.1f} s = {rows / seconds:,.0f} logs/s "
                  f"({rows / cpu:,.0f} per CPU second of this process; {os.path.getsize(path) / 1e6:.0f} MB); "
                  f"COPY of the same rows {copied:.2f} s = {rows / copied:,.0f} rows/s ({copy_mb:.0f} MB): "
                  f"{seconds / copied:.1f}x the COPY; load average {os.getloadavg()}")

    everything = downloads.log_queryset(support, "lettings", year).count()
    small_rows, small_peak = traced_peak_mb(support, LOGS // 10, tmp_path / "small.csv")
    full_rows, full_peak = traced_peak_mb(support, None, tmp_path / "full.csv")
    print(f"tracemalloc peak, lettings labels: {small_peak:.1f} MB for {small_rows} logs, "
          f"{full_peak:.1f} MB for {full_rows}; load average {os.getloadavg()}")
    assert small_rows <= LOGS // 10 and full_rows == everything
    assert full_peak < 2 * small_peak, "memory should not grow with the number of logs"
    assert min(rates.values()) >= TARGET_LOGS_PER_SECOND, rates
