"""The email the uploader gets at each outcome of an upload."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse

from domain.models import BulkUpload, UploadStatus


def _link(upload: BulkUpload) -> str:
    return settings.SITE_URL.rstrip("/") + reverse("admin:domain_bulkupload_change", args=[upload.pk])


def _when(upload: BulkUpload) -> str:
    stamp = upload.created_at
    return f"{stamp:%-d %B %Y} at {stamp:%H:%M}" if stamp else "today"


def _message(upload: BulkUpload) -> tuple[str, str] | None:
    kind = f"{upload.log_type} {upload.year_label}"
    status = upload.status
    if status == UploadStatus.LOGS_CREATED:
        return (f"{upload.logs_created} logs uploaded", f"All {upload.logs_created} {upload.log_type} logs in "
                f"{upload.file_name} were checked and created. They are complete.")
    if status in (UploadStatus.LOGS_CREATED_WITH_ERRORS, UploadStatus.LOGS_CREATED_CONFIRMED):
        return (f"{upload.logs_created} logs uploaded", f"{upload.logs_created} {upload.log_type} logs from "
                f"{upload.file_name} were created. Logs that still have unanswered questions are in progress: "
                "finish them in the console.")
    if status == UploadStatus.IMPORTANT_ERRORS:
        return ("Your file has errors on important questions", f"Some set-up answers in {upload.file_name} "
                f"({kind}) are wrong, so no logs were created. Correct the file using the error report and "
                "upload it again.")
    if status in (UploadStatus.BLOCKED, UploadStatus.DUPLICATES):
        reason = ("some rows repeat logs that already exist" if status == UploadStatus.DUPLICATES
                  else "some errors must be corrected before any log can be created")
        return ("Correct your file and upload it again", f"No logs were created from {upload.file_name} ({kind}): "
                f"{reason}. Correct the file using the error report and upload it again.")
    if status == UploadStatus.CRITICAL_ERRORS:
        return (f"We found {upload.critical_errors} errors in your file", f"There are problems with the {kind} "
                f"data in {upload.file_name}. Open the error report and choose either to correct the file and "
                "upload it again, or to create the logs with the invalid answers cleared and finish them in "
                "the console.")
    if status == UploadStatus.POTENTIAL_ERRORS:
        return ("Check the data in your file", f"Some answers in {upload.file_name} ({kind}) are unusual. Open "
                "the report and confirm they are correct to create the logs, or correct the file and upload it "
                "again.")
    if status in (UploadStatus.BLANK_TEMPLATE, UploadStatus.WRONG_TEMPLATE, UploadStatus.PROCESSING_ERROR):
        problems = "\n".join(f"- {line}" for line in upload.error_summary.splitlines() if line)
        return ("We could not check your file", f"{upload.file_name} ({kind}) could not be checked:\n{problems}\n\n"
                "Correct it and upload it again.")
    return None


def send_outcome_email(upload: BulkUpload) -> None:
    message = _message(upload)
    if message is None or not upload.uploaded_by.email:
        return
    subject, body = message
    body = (f"{body}\n\nFile: {upload.file_name}, uploaded {_when(upload)}.\n"
            f"Report: {_link(upload)}\n")
    send_mail(f"CORE bulk upload: {subject}", body, None, [upload.uploaded_by.email])
