"""Benchmark: importing many lettings logs from a CDS export on PostgreSQL (issue 19).

A seeded world (seed_demo + seed_volume: general needs and supported housing, valid and completed) is
exported in full, the database emptied, and the export imported again through the log pipeline. Measures
logs imported per second and resident memory after each 10,000-record part (flat: records stream from
the parts one at a time and are written in batches of 500). Size: CDS_IMPORT_BENCH_LOGS (default
100,000). The parts are imported by CDS_IMPORT_BENCH_WORKERS processes (default 2, as `import_core
--workers 2`), so the test commits what it writes (`transaction=True`): each process has its own connection.
Figures go in tests/benchmarks/README.md.
"""

import os
import resource
import time

import pytest
from django.core.management import call_command

from domain.models import LettingsLog, Role, User
from exports.cds.run import cds_export_run
from exports.cds_import.run import import_core
from tests.benchmarks.test_cds_export import resident_mb
from tests.exports.cds_import_support import empty_the_database, write_scheme_csvs

TOTAL = int(os.environ.get("CDS_IMPORT_BENCH_LOGS", "100000"))
WORKERS = int(os.environ.get("CDS_IMPORT_BENCH_WORKERS", "2"))
TARGET_LOGS_PER_SECOND = 500
MEMORY_RISE_CEILING_MB = 150


@pytest.mark.django_db(transaction=True)
def test_import_speed_and_flat_memory(tmp_path, settings):
    settings.FILE_STORAGE_DIR, settings.S3_BUCKET = tmp_path / "export", ""
    call_command("load_reference_data", verbosity=0)
    call_command("seed_demo", verbosity=0)
    LettingsLog.objects.all().delete()
    call_command("seed_volume", "--lettings", str(TOTAL), "--seed", "3", verbosity=0)
    started = time.perf_counter()
    cds_export_run(full=True)
    exported_in = time.perf_counter() - started
    csvs = write_scheme_csvs(User.objects.filter(role=Role.SUPPORT).first(), tmp_path / "csv")
    empty_the_database()

    memory = []

    def progress(file, done, total):
        memory.append((done, resident_mb()))

    at_start = resident_mb()
    started, cpu = time.perf_counter(), time.process_time()
    report = import_core([str(tmp_path / "export"), *csvs], progress=progress, workers=WORKERS)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu

    created = report.counts["lettings"]["created"]
    rate = created / seconds
    # Flat memory: from the end of the first part on, reading more parts does not grow it (before the first
    # part the process still holds what seeding and exporting the world left).
    first_part = min(10_000, TOTAL)
    after_first_part = next(mb for done, mb in memory if done >= first_part)
    rise = max(mb for done, mb in memory if done >= first_part) - after_first_part
    print(f"\nexport of {TOTAL} logs: {exported_in:.1f} s")
    print(f"import: {created} lettings logs in {seconds:.1f} s = {rate:.0f} logs/s; resident memory "
          f"{after_first_part:.0f} MB after the first part, {max(mb for _, mb in memory):.0f} MB at most "
          f"(rise {rise:.1f} MB); skipped {report.counts['lettings']['skipped']}")
    print(f"{WORKERS} worker(s); {cpu:.1f} s of the main process's CPU; "
          f"load average {os.getloadavg()}")
    print("resident MB by records read:", [(done, round(mb)) for done, mb in memory])
    # The worker processes: each starts as a copy of this one and imports one part at a time.
    worker_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    if WORKERS > 1:
        print(f"worker processes: at most {worker_peak:.0f} MB resident, {worker_peak - at_start:.0f} MB above "
              f"this process's {at_start:.0f} MB when they started")
    assert created == TOTAL
    assert LettingsLog.objects.count() == TOTAL
    assert rate >= TARGET_LOGS_PER_SECOND
    assert rise < MEMORY_RISE_CEILING_MB
    assert WORKERS == 1 or worker_peak - at_start < MEMORY_RISE_CEILING_MB
