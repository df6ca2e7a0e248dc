"""Background jobs of exports (django-q2). Thin: plain arguments in, one service call, a small summary
out; errors a user can act on are recorded on the download, plainly worded."""

from __future__ import annotations

import logging
import uuid
from pathlib import PurePosixPath

from exports.cds.run import ExportAlreadyRunning, cds_export_run

# Recurring jobs created by `manage.py setup_schedules`. Cron times are Europe/London (TIME_ZONE).
SCHEDULES = {
    "cds_export_nightly": {"func": "exports.tasks.cds_export", "cron": "0 5 * * *"},
    "review_digest_daily": {"func": "domain.tasks.review_digest", "cron": "0 7 * * *"},
}


def import_core_run(run_id: int) -> dict:
    """An import started from the support page: its stored files read back, then imported."""
    from exports.cds_import.jobs import import_stored_run

    return import_stored_run(run_id)


def cds_export(full: bool = False, collection: str | None = None, year: int | None = None) -> dict:
    """The CDS export: partial by default (the nightly job), full when asked. A start while another
    run is going is refused and recorded as the job's result (not retried)."""
    try:
        return cds_export_run(full=full, collection=collection, year=year).as_json()
    except ExportAlreadyRunning as refused:
        logging.getLogger(__name__).warning("CDS export not started: %s", refused)
        return {"refused": str(refused)}

from django.core.exceptions import PermissionDenied
from django.utils import timezone

from domain.models import CsvDownload, DownloadKind, DownloadStatus
from domain.models.downloads import LINK_LIFETIME
from domain.services.downloads import csv_download_ready_email
from exports import storage
from exports.csv.writer import spooled_file

logger = logging.getLogger(__name__)
PROGRESS_EVERY = 5000  # rows between progress updates on the download


class UserFacingError(Exception):
    """A reason the file could not be made that the requester can understand and act on."""


def csv_download_build(download_id: int) -> int:
    """Build the file of a requested download into storage, then email its link. Returns rows."""
    download = CsvDownload.objects.select_related("user").get(pk=download_id)
    CsvDownload.objects.filter(pk=download.pk).update(status=DownloadStatus.RUNNING, error="")
    try:
        count = _build(download)
    except (UserFacingError, PermissionDenied, LookupError, ValueError) as error:
        _fail(download, str(error))
        return 0
    except Exception:
        _fail(download, "Something went wrong while preparing the file. Try again, or contact customer support.")
        raise
    csv_download_ready_email(download)
    return count


def _build(download: CsvDownload) -> int:
    from exports import requested_rows, statistics  # the rows a download's filters select

    if download.kind == DownloadKind.STATISTICS:
        binary, data_rows, name = statistics.build_file(download)
    else:
        rows, header_count, name = requested_rows.for_download(download)

        def progress(number):
            if number % PROGRESS_EVERY == 0:
                CsvDownload.objects.filter(pk=download.pk).update(rows=max(number - header_count, 0))

        binary, written = spooled_file(rows, on_row=progress)
        data_rows = written - header_count
    with binary:
        key = storage.save_file(stored_name(name), binary)
    now = timezone.now()
    download.status, download.rows, download.file_key, download.filename = (
        DownloadStatus.READY, data_rows, key, name)
    download.completed_at, download.expires_at = now, now + LINK_LIFETIME
    download.save(update_fields=["status", "rows", "file_key", "filename", "completed_at", "expires_at"])
    return download.rows


def stored_name(filename: str) -> str:
    """A random storage key keeping the file's extension: neither the download's id nor its time can
    lead anyone to it (the readable name is kept on the download for the browser)."""
    return f"csv-downloads/{uuid.uuid4().hex}{PurePosixPath(filename).suffix}"


def _fail(download: CsvDownload, message: str) -> None:
    logger.warning("CSV download %s failed: %s", download.pk, message)
    CsvDownload.objects.filter(pk=download.pk).update(status=DownloadStatus.FAILED, error=message)
