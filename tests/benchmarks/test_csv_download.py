"""Benchmark: a 100,000-log lettings labels download on PostgreSQL (make benchmark).

Logs are made fast with bulk_create from one valid template. The download is timed on its own,
then run again under tracemalloc for 10,000 and 100,000 logs: streaming from a database iterator
into a file keeps the peak the same whatever the number of logs.
"""

import os
import resource
import time
import tracemalloc

import pytest
from django.db import connection

from domain.models import LettingsLog, Role
from exports.csv import downloads
from tests.factories import make_lettings_log, make_organisation, make_user

pytestmark = pytest.mark.django_db
LOGS = int(os.environ.get("BENCHMARK_LOGS", "100000"))
BATCH = 5000


@pytest.fixture
def many_logs(django_db_blocker):
    org = make_organisation(name="Benchmark Housing")
    provider = make_user(org, Role.DATA_PROVIDER, email="bench@provider.test")
    support = make_user(role=Role.SUPPORT, email="bench@support.test")
    template = make_lettings_log(org, provider, tenancycode="BENCH")
    for start in range(1, LOGS, BATCH):
        batch = []
        for n in range(start, min(start + BATCH, LOGS)):
            template.pk = None
            template.tenancycode = f"BENCH-{n}"
            batch.append(LettingsLog(**{f.attname: getattr(template, f.attname)
                                        for f in LettingsLog._meta.concrete_fields if f.attname != "id"}))
        LettingsLog.objects.bulk_create(batch, batch_size=BATCH)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE domain_lettingslog")
    assert LettingsLog.objects.count() == LOGS
    return support


def _peak_bytes(user, path, limit):
    queryset = LettingsLog.objects.order_by("pk")[:limit] if limit else None
    if queryset is not None:
        queryset = LettingsLog.objects.filter(pk__in=queryset.values("pk"))
    tracemalloc.start()
    rows = downloads.write_file(user, "lettings", path, year=2026, queryset=queryset)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return rows, peak


def test_labels_download_of_100000_logs(many_logs, tmp_path):
    support = many_logs
    path = str(tmp_path / "lettings.csv")
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    rows = downloads.write_file(support, "lettings", path, year=2026)
    seconds = time.perf_counter() - started
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    assert rows == LOGS
    size_mb = os.path.getsize(path) / 1e6

    small_rows, small_peak = _peak_bytes(support, str(tmp_path / "small.csv"), LOGS // 10)
    full_rows, full_peak = _peak_bytes(support, str(tmp_path / "full.csv"), None)
    assert (small_rows, full_rows) == (LOGS // 10, LOGS)
    print(f"\n{LOGS} logs, labels, support (232 columns): {seconds:.1f} s, {LOGS / seconds:,.0f} logs/s, "
          f"file {size_mb:.0f} MB, max RSS growth {(rss_after - rss_before) / 1024:.0f} MB; "
          f"tracemalloc peak {small_peak / 1e6:.1f} MB for {small_rows} logs, {full_peak / 1e6:.1f} MB for {full_rows}")
    assert full_peak < 2 * small_peak, "memory should not grow with the number of logs"
