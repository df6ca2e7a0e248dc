"""Bulk uploads: receiving a file, processing it, and the uploader's decisions afterwards."""

from __future__ import annotations

from typing import BinaryIO

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from domain import access, collection
from domain.bulk_upload import processor, reader
from domain.bulk_upload.notifications import send_outcome_email
from domain.bulk_upload.template import template_for
from domain.models import BulkUpload, Organisation, UploadStatus, User
from domain.models.uploads import AWAITING_DECISION
from exports import storage


def bulk_upload_start(*, by: User, log_type: str, year: int, fileobj: BinaryIO, file_name: str, size: int,
                      organisation: Organisation | None = None, queue: bool = True) -> BulkUpload:
    """Check a file as it arrives, store it, and queue its processing (once the record is committed)."""
    if not access.can_bulk_upload(by):
        raise PermissionDenied("You cannot upload logs.")
    if not access.can_start_bulk_upload(by):
        raise ValidationError(f"{by.organisation.name} has not accepted the data sharing agreement, so logs cannot "
                              "be uploaded yet. Its data protection officer must accept it first.")
    organisation = organisation or by.organisation
    if not access.bulk_upload_organisation_choices(by).filter(pk=organisation.pk).exists():
        raise PermissionDenied("You cannot upload logs for this organisation.")
    if template_for(log_type, year) is None:
        raise ValidationError(f"Bulk upload of {log_type} logs for {year} to {year + 1} is not available yet.")
    try:
        reader.check_upload(fileobj, size)
    except reader.FileRejected as rejected:
        raise ValidationError(str(rejected), code=rejected.reason)
    upload = BulkUpload(log_type=log_type, year=year, uploaded_by=by, organisation=organisation,
                        file_name=file_name[:255])
    upload.save()
    storage.save_file(upload.file_key, fileobj)
    if queue:
        from django_q.tasks import async_task

        transaction.on_commit(lambda: async_task("domain.tasks.bulk_upload_process", upload.pk))
    return upload


def bulk_upload_years() -> list[int]:
    """The collection years a file may be uploaded for (two during the crossover)."""
    return collection.open_years()


def bulk_upload_process(*, upload: BulkUpload) -> BulkUpload:
    return processor.process(upload)


def _decidable(upload: BulkUpload, by: User) -> None:
    if not access.can_decide_bulk_upload(by, upload):
        raise PermissionDenied("Only the uploader, a coordinator or support can decide what happens to this upload.")
    if upload.status not in AWAITING_DECISION:
        raise ValidationError("A decision has already been made for this upload, or it has errors that must be "
                              "corrected in the file.")


def bulk_upload_create_logs(*, upload: BulkUpload, by: User) -> BulkUpload:
    """Create the logs of an upload with errors: invalid answers cleared, soft checks confirmed."""
    _decidable(upload, by)
    confirmed = upload.status == UploadStatus.POTENTIAL_ERRORS
    try:
        created = processor.create_logs(upload)
    except ValidationError:
        raise ValidationError("The logs could not be created because some rows still have errors on important "
                              "questions. Correct the file and upload it again.")
    upload.status = UploadStatus.LOGS_CREATED_CONFIRMED if confirmed else UploadStatus.LOGS_CREATED_WITH_ERRORS
    upload.logs_created, upload.decided_by, upload.finished_at = created, by, timezone.now()
    upload.save(update_fields=["status", "logs_created", "decided_by", "finished_at"])
    send_outcome_email(upload)
    return upload


def bulk_upload_upload_again(*, upload: BulkUpload, by: User) -> BulkUpload:
    """The uploader will correct the file and upload it again: nothing is created from this one."""
    _decidable(upload, by)
    upload.status, upload.decided_by = UploadStatus.UPLOAD_AGAIN, by
    upload.save(update_fields=["status", "decided_by"])
    return upload


@transaction.atomic
def bulk_upload_delete_logs(*, upload: BulkUpload, by: User, reason: str = "") -> int:
    """Delete (softly) every log an upload created that is not deleted yet; returns how many."""
    import domain.services.lettings  # noqa: F401  (register the log types)
    import domain.services.sales  # noqa: F401
    from domain.services.logs import log_delete

    if not access.can_delete_bulk_upload_logs(by, upload):
        raise PermissionDenied("Only a coordinator or support can delete the logs of an upload.")
    reason = reason.strip() or f"Logs of bulk upload {upload.file_name} deleted"
    deleted = 0
    logs = upload.sales_logs if upload.log_type == "sales" else upload.lettings_logs
    for log in logs.filter(discarded_at__isnull=True):
        log_delete(log=log, by=by, reason=reason)
        deleted += 1
    return deleted
