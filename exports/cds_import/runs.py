"""An import recorded as an ImportRun (from the command or the support page's job): status, progress and
the report kept on the row so support can follow it and read it afterwards."""

from __future__ import annotations

from django.utils import timezone

from domain.models import ImportRun, ImportStatus

from .errors import ImportFailed
from .report import Report
from .run import import_core


def import_run(run: ImportRun, paths: list[str]) -> Report:
    """Run the import for an ImportRun, saving progress between files and the report at the end.
    Raises ImportFailed (after recording it) on bad input."""
    ImportRun.objects.filter(pk=run.pk).update(status=ImportStatus.RUNNING, started_at=timezone.now(), error="",
                                               records_read=0)

    def progress(file: str, done: int, total: int) -> None:
        ImportRun.objects.filter(pk=run.pk).update(current_file=file[:255], records_read=done, records_total=total)

    try:
        report = import_core(paths, dry_run=run.dry_run, progress=progress)
    except ImportFailed as failure:
        report = getattr(failure, "report", None)
        ImportRun.objects.filter(pk=run.pk).update(
            status=ImportStatus.FAILED, finished_at=timezone.now(), error=failure.describe(),
            report=report.as_json() if report else {})
        raise
    except Exception as error:
        ImportRun.objects.filter(pk=run.pk).update(
            status=ImportStatus.FAILED, finished_at=timezone.now(),
            error=f"The import stopped unexpectedly ({error.__class__.__name__}: {error}). Files imported before "
                  "the one it was reading are kept; run it again to carry on.")
        raise
    ImportRun.objects.filter(pk=run.pk).update(status=ImportStatus.SUCCEEDED, finished_at=timezone.now(),
                                               report=report.as_json(), current_file="")
    run.refresh_from_db()
    return report
