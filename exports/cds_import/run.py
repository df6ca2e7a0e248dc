"""One import: find the files, check them, then import each in dependency order, one transaction per file.

A file that fails leaves the database as it was before that file and stops the run (later files depend on
earlier ones); the error names the file, the record and the element. Files imported before it stay
imported, and as every write is keyed by the original ids, running the same import again after fixing
the file carries on where it stopped and changes nothing already imported.
"""

from __future__ import annotations

import zipfile
from contextlib import ExitStack, nullcontext
from dataclasses import dataclass
from typing import Callable

from django.db import transaction
from django.utils import timezone

from domain.models import Export, ExportStatus, LettingsLog, SalesLog

from .errors import ImportFailed
from .lettings import LettingsImporter
from .parallel import can_share, import_parts_shared
from .part import Part
from .people import import_organisations, import_users
from .report import Report
from .schemes import SchemesImporter, csv_records
from .sources import Archive, discover
from .xml_records import count_records, records

Progress = Callable[[str, int, int], None]  # (file, records read so far, records in every file)
LOG_KINDS = ("lettings", "sales")


class _DryRunDone(Exception):
    pass


@dataclass(frozen=True)
class Task:
    """One file to import: an XML part of an archive, or a CSV."""

    kind: str
    file: str
    opener: Callable  # () -> binary file
    run: Callable[[Part], None]
    reader: Callable  # (handle, file name) -> records
    finish: Callable[[], None] | None = None  # after the last part of an archive, in its transaction


def _log_importer(archive: Archive):
    if archive.collection == "lettings":
        return lambda part: LettingsImporter(part, archive.year).run()
    from .sales import SalesImporter

    return lambda part: SalesImporter(part, archive.year).run()


def _tasks(plan) -> list[Task]:
    """The files to import, in dependency order."""
    tasks = []
    archives = plan.ordered_archives()
    by_collection = {name: [a for a in archives if a.collection == name] for name in
                     ("organisations", "users", "lettings", "sales")}

    def parts(archive, run):
        names = archive.parts()
        return [Task(archive.collection, f"{archive.path.name}/{name}", (lambda a=archive, n=name: a.open(n)), run,
                     records, (lambda a=archive: record_export(a)) if name == names[-1] else None)
                for name in names]

    for archive in by_collection["organisations"]:
        tasks += parts(archive, import_organisations)
    for archive in by_collection["users"]:
        tasks += parts(archive, import_users)
    for csv_file in sorted(plan.csvs, key=lambda c: ("schemes", "schemes-and-locations", "locations").index(c.kind)):
        tasks.append(Task(csv_file.kind, csv_file.path.name, (lambda p=csv_file.path: open(p, "rb")),
                          (lambda part, k=csv_file.kind: SchemesImporter(part).run(k)), csv_records))
    for name in ("lettings", "sales"):
        for archive in by_collection[name]:
            tasks += parts(archive, _log_importer(archive))
    return tasks


def record_export(archive: Archive) -> None:
    """The archive's export as a succeeded Export row, so this service's numbering carries on from the
    original service's (spec cds-export §2) and its next partial export starts where that one stopped."""
    at = archive.zipped_at or timezone.now()
    Export.objects.get_or_create(
        collection=archive.collection, year=archive.year, base_number=archive.base,
        increment_number=archive.increment, status=ExportStatus.SUCCEEDED,
        defaults={"started_at": at, "finished_at": at, "archive": archive.name, "records": archive.manifest_count(),
                  "full": archive.increment == 1})


def _check_counts(plan) -> dict[str, int]:
    """Records per XML part; each archive's parts must add up to its manifest.xml count."""
    counts = {}
    for archive in plan.ordered_archives():
        expected = archive.manifest_count()
        total = 0
        for name in archive.parts():
            file = f"{archive.path.name}/{name}"
            with archive.open(name) as handle:
                counts[file] = count_records(handle, file)
            total += counts[file]
        if total != expected:
            raise ImportFailed(f"manifest.xml counts {expected} records but the parts hold {total}: the archive "
                               "is incomplete. Copy it again from the export storage.", file=archive.path.name)
    return counts


def import_core(paths: list[str], *, dry_run: bool = False, progress: Progress | None = None,
                workers: int = 1) -> Report:
    """Import the original service's export files; returns the report. Raises ImportFailed on bad input
    (with `report.error` set on the report it carries as `.report`). With `workers` above one, the logs'
    parts are imported that many at a time in separate processes where that is possible (see
    exports.cds_import.parallel)."""
    report = Report(dry_run=dry_run)
    progress = progress or (lambda file, done, total: None)
    with ExitStack() as stack:
        try:
            plan = discover(paths, stack)
            counts = _check_counts(plan)
        except (ImportFailed, zipfile.BadZipFile) as error:
            failure = error if isinstance(error, ImportFailed) else ImportFailed(str(error))
            report.error = failure.as_json()
            failure.report = report
            raise failure
        tasks = _tasks(plan)
        total = sum(counts.values())
        done = 0

        def advance(n: int) -> None:
            nonlocal done
            done += n

        shared = [task for task in tasks if task.kind in LOG_KINDS] if workers > 1 and can_share(dry_run) else []
        if len(shared) < 2:
            shared = []

        def imported_alongside(file: str, records: int) -> None:
            advance(records)
            progress(file, done, total)

        try:
            # A dry run is one transaction rolled back at the end; otherwise each file commits on its own.
            with transaction.atomic() if dry_run else nullcontext():
                for task in tasks[:len(tasks) - len(shared)]:  # the log parts come last (_tasks)
                    progress(task.file, done, total)
                    part = Part(task.file, task.opener, report, task.reader, progress=advance)
                    with transaction.atomic():
                        task.run(part)
                        if task.finish:
                            task.finish()
                    report.files.append({"file": task.file, "kind": task.kind, "records": part.read})
                if shared:
                    import_parts_shared(shared, workers=workers, report=report, progress=imported_alongside)
                    with transaction.atomic():
                        for task in shared:
                            if task.finish:
                                task.finish()
                        # Each part set the id sequence from the ids it could see; now every part is in.
                        Part.reset_sequence(LettingsLog, SalesLog)
                progress("", done, total)
                if dry_run:
                    raise _DryRunDone
        except _DryRunDone:
            pass
        except ImportFailed as failure:
            report.error = failure.as_json()
            failure.report = report
            raise
    return report

