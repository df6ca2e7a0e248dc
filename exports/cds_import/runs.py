"""An import recorded as an ImportRun (from the command or the support page's job): status, progress and
the report kept on the row so support can follow it and read it afterwards."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from domain.models import ImportRun, ImportStatus

from .errors import ImportFailed
from .report import Report
from .run import import_core


STALE_AFTER = timedelta(hours=6)


def _refuse_if_another_is_running(run: ImportRun) -> None:
    """Two imports at once would race for the same ids; one silent for STALE_AFTER is presumed dead."""
    recent = timezone.now() - STALE_AFTER
    ImportRun.objects.filter(status=ImportStatus.RUNNING, started_at__lt=recent).update(
        status=ImportStatus.FAILED, finished_at=timezone.now(),
        error="The import stopped without finishing (its process ended). Run it again to carry on.")
    other = ImportRun.objects.filter(status=ImportStatus.RUNNING).exclude(pk=run.pk).first()
    if other:
        failure = ImportFailed(f"import {other.pk} is still running. Wait for it to finish, then try again.")
        ImportRun.objects.filter(pk=run.pk).update(status=ImportStatus.FAILED, finished_at=timezone.now(),
                                                   error=failure.describe())
        raise failure


def import_run(run: ImportRun, paths: list[str], *, workers: int = 1) -> Report:
    """Run the import for an ImportRun, saving progress between files and the report at the end.
    Raises ImportFailed (after recording it) on bad input or while another import is running."""
    _refuse_if_another_is_running(run)
    ImportRun.objects.filter(pk=run.pk).update(status=ImportStatus.RUNNING, started_at=timezone.now(), error="",
                                               records_read=0)

    def progress(file: str, done: int, total: int) -> None:
        ImportRun.objects.filter(pk=run.pk).update(current_file=file[:255], records_read=done, records_total=total)

    try:
        report = import_core(paths, dry_run=run.dry_run, progress=progress, workers=workers)
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
