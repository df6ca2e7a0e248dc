"""One CDS export run: every chosen collection written to a zip, then the master manifest.

The master manifest is the commit point. Rows are marked succeeded only after it is stored; if anything
fails first, the run's rows are marked failed, no manifest names its archives, and numbering and the
"changed since" marker stay where they were, so the next run writes the same records again (and
the same archive names, overwriting any left behind).
"""

from __future__ import annotations

import csv
import tempfile
import zipfile
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from domain.models import Export, ExportStatus
from domain.services.run_locks import LockHeld, run_lock, run_lock_holder
from exports.storage import Storage, get_storage

from . import numbering, values
from .collections import CdsCollection
from .plan import collections_for
from .xml import PartWriter, write_manifest

PART_SIZE = 10_000
PROGRESS_EVERY = 1_000  # records between progress updates of the Export row
STALE_AFTER = timedelta(hours=6)
LOCK_NAME = "cds_export"
MANIFEST_HEADER = ["zip-name", "date-time zipped folder generated", "zip-file-uri"]
MANIFEST_ORDER = ("lettings", "sales", "users", "organisations")


@dataclass
class CollectionResult:
    export: Export
    zipped_at: datetime | None = None

    def as_json(self) -> dict:
        e = self.export
        return {"name": e.collection, "year": e.year, "records": e.records,
                "archive": f"{e.archive}.zip" if e.archive else None,
                "base": e.base_number, "increment": e.increment_number}


@dataclass
class RunResult:
    started_at: datetime
    manifest: str
    collections: list[CollectionResult] = field(default_factory=list)

    def as_json(self) -> dict:
        return {"collections": [c.as_json() for c in self.collections], "manifest": self.manifest,
                "started_at": self.started_at.isoformat()}


def cds_export_run(*, full: bool = False, collection: str | None = None, year: int | None = None,
                   storage: Storage | None = None, part_size: int | None = None) -> RunResult:
    """Export changed records (or everything, with `full`) of the chosen collections to storage.
    One run at a time: a second one started meanwhile raises ExportAlreadyRunning and writes nothing."""
    chosen = collections_for(collection, year)  # bad input fails before anything is recorded
    try:
        with run_lock(LOCK_NAME, stale_after=STALE_AFTER):
            _refuse_if_running()
            return _run(chosen, full=full, storage=storage or get_storage(),
                        part_size=part_size or getattr(settings, "CDS_EXPORT_PART_SIZE", PART_SIZE))
    except LockHeld as held:
        raise ExportAlreadyRunning(running_message(held.since)) from None


def _run(chosen, *, full: bool, storage: Storage, part_size: int) -> RunResult:
    started_at = timezone.now()
    result = RunResult(started_at=started_at, manifest=manifest_name(started_at))
    with tempfile.TemporaryDirectory(prefix="cds-export-") as folder:
        try:
            for item in chosen:
                result.collections.append(
                    _export_collection(item, full=full, started_at=started_at, folder=Path(folder),
                                       storage=storage, part_size=part_size))
            _write_master_manifest(result, Path(folder), storage)
        except BaseException as error:
            Export.objects.filter(started_at=started_at).update(
                status=ExportStatus.FAILED, finished_at=timezone.now(), error=_describe(error))
            raise
    Export.objects.filter(started_at=started_at).update(status=ExportStatus.SUCCEEDED)
    for item in result.collections:
        item.export.refresh_from_db()
    return result


class ExportAlreadyRunning(RuntimeError):
    pass


def running_message(since: datetime) -> str:
    return (f"A CDS export started at {timezone.localtime(since):%H:%M on %d %B %Y} is still running. "
            "Wait for it to finish, then try again.")


def export_running_since() -> datetime | None:
    """When the export now running started, or None: for pages that offer to start one."""
    return run_lock_holder(LOCK_NAME, stale_after=STALE_AFTER)


def _refuse_if_running() -> None:
    """Under the lock, rows marked running belong to a run whose process ended (or to one that ran
    before the lock existed): one silent for STALE_AFTER is presumed dead, a more recent one is waited for."""
    recent = timezone.now() - STALE_AFTER
    Export.objects.filter(status=ExportStatus.RUNNING, started_at__lt=recent).update(
        status=ExportStatus.FAILED, finished_at=timezone.now(),
        error="The export stopped without finishing (its process ended). Nothing from it was published.")
    running = Export.objects.filter(status=ExportStatus.RUNNING, started_at__gte=recent).first()
    if running:
        raise ExportAlreadyRunning(running_message(running.started_at))


def _describe(error: BaseException) -> str:
    return f"The export stopped: {error.__class__.__name__}: {error}. Nothing from this run was published; " \
           "the next run exports the same records again."


def manifest_name(started_at: datetime) -> str:
    today = timezone.localdate(started_at)
    runs_today = (Export.objects.succeeded().filter(created_at__date=today)
                  .values("started_at").distinct().count())
    return f"Manifest_{today:%Y_%m_%d}_{runs_today + 1:04d}.csv"


def _export_collection(item: CdsCollection, *, full: bool, started_at: datetime, folder: Path,
                       storage: Storage, part_size: int) -> CollectionResult:
    since = None if full else numbering.changed_since(item.name, item.year)
    base, increment = numbering.next_numbers(item.name, item.year, full=full, run_started_at=started_at)
    archive = item.archive_name(base, increment)
    export = Export.objects.create(collection=item.name, year=item.year, started_at=started_at, full=full,
                                   base_number=base, increment_number=increment)
    zip_path = folder / f"{archive}.zip"
    count = _write_zip(item, item.rows(since, started_at), zip_path, archive, part_size, export)
    if count:
        storage.save(f"{archive}.zip", zip_path)
        zipped_at = timezone.now()
    else:
        zipped_at = None
    zip_path.unlink(missing_ok=True)
    export.records, export.empty_export = count, count == 0
    export.archive = archive if count else ""
    export.finished_at = timezone.now()
    export.save(update_fields=["records", "empty_export", "archive", "finished_at"])
    return CollectionResult(export=export, zipped_at=zipped_at)


def _write_zip(item: CdsCollection, rows, zip_path: Path, archive: str, part_size: int, export: Export) -> int:
    """Parts of at most `part_size` records, then manifest.xml; returns the records written."""
    ctx = item.context()
    count = 0
    with zipfile.ZipFile(zip_path, "w", compression=zipfile.ZIP_DEFLATED) as bundle:
        part_number, writer = 0, None
        try:
            for row in rows:
                if writer is None or writer.count >= part_size:
                    if writer is not None:
                        _close_part(writer, bundle)
                    part_number += 1
                    writer = PartWriter(zip_path.parent / f"{archive}_pt{part_number:03d}.xml").__enter__()
                writer.write(*item.record(row, ctx))
                count += 1
                if count % PROGRESS_EVERY == 0:
                    Export.objects.filter(pk=export.pk).update(records=count)
        except BaseException as error:
            if writer is not None:
                writer.__exit__(type(error), error, error.__traceback__)
                Path(writer.path).unlink(missing_ok=True)
            raise
        if writer is not None:
            _close_part(writer, bundle)
        if count:
            manifest = zip_path.parent / "manifest.xml"
            write_manifest(manifest, count)
            bundle.write(manifest, "manifest.xml")
            manifest.unlink()
    return count


def _close_part(writer: PartWriter, bundle: zipfile.ZipFile) -> None:
    writer.__exit__(None, None, None)
    path = Path(writer.path)
    bundle.write(path, path.name)
    path.unlink()


def _write_master_manifest(result: RunResult, folder: Path, storage: Storage) -> None:
    written = [c for c in result.collections if c.export.archive]
    written.sort(key=lambda c: MANIFEST_ORDER.index(c.export.collection))  # stable: years keep their order
    path = folder / result.manifest
    with open(path, "w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle, lineterminator="\n")
        out.writerow(MANIFEST_HEADER)
        for c in written:
            out.writerow([c.export.archive, values.manifest_time(c.zipped_at), f"{c.export.archive}.zip"])
    storage.save(result.manifest, path)
