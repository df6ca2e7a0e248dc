"""Bulk uploads of the official CSV templates, and the errors found in them."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models

from domain import collection

from .organisations import Organisation


class UploadStatus(models.TextChoices):
    QUEUED = "queued", "Waiting to be checked"
    PROCESSING = "processing", "Checking the file"
    BLANK_TEMPLATE = "blank_template", "Blank template"
    WRONG_TEMPLATE = "wrong_template", "Wrong template used"
    PROCESSING_ERROR = "processing_error", "Error processing the file"
    IMPORTANT_ERRORS = "important_errors", "Errors on important questions in the file"
    CRITICAL_ERRORS = "critical_errors", "Errors in the file"
    BLOCKED = "blocked", "Errors to correct in the file"
    DUPLICATES = "duplicates", "Logs already exist"
    POTENTIAL_ERRORS = "potential_errors", "Confirmation needed"
    LOGS_CREATED = "logs_created", "Logs uploaded with no errors"
    LOGS_CREATED_WITH_ERRORS = "logs_created_with_errors", "Logs uploaded with invalid answers cleared"
    LOGS_CREATED_CONFIRMED = "logs_created_confirmed", "Logs uploaded with answers confirmed"
    UPLOAD_AGAIN = "upload_again", "Fixing the file to upload again"
    CANCELLED_BY_MOVED_USER = "cancelled_by_moved_user", "Cancelled: the user moved to another organisation"


# Outcomes after which the uploader (or a coordinator) decides what happens next.
AWAITING_DECISION = (UploadStatus.CRITICAL_ERRORS, UploadStatus.POTENTIAL_ERRORS)
FINISHED_WITH_LOGS = (UploadStatus.LOGS_CREATED, UploadStatus.LOGS_CREATED_WITH_ERRORS,
                      UploadStatus.LOGS_CREATED_CONFIRMED)


class ErrorCategory(models.TextChoices):
    SETUP = "setup", "Important (set-up) question"
    SOFT = "soft_validation", "Confirmation needed"
    NOT_ANSWERED = "not_answered", "Not answered"
    CRITICAL = "", "Invalid answer"


class BulkUpload(models.Model):
    """One file of logs sent in the official template, and what became of it."""

    log_type = models.CharField(max_length=16, choices=[("lettings", "Lettings"), ("sales", "Sales")])
    year = models.PositiveSmallIntegerField("collection year")
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="bulk_uploads")
    file_name = models.CharField(max_length=255)
    file_key = models.CharField("stored file", max_length=100, unique=True, default="", editable=False)
    status = models.CharField(max_length=32, choices=UploadStatus.choices, default=UploadStatus.QUEUED,
                              db_index=True)
    rows_total = models.PositiveIntegerField(default=0)
    rows_processed = models.PositiveIntegerField(default=0)
    logs_created = models.PositiveIntegerField(default=0)
    rows_with_errors = models.PositiveIntegerField(default=0)
    setup_errors = models.PositiveIntegerField(default=0)
    critical_errors = models.PositiveIntegerField(default=0)
    soft_errors = models.PositiveIntegerField("confirmations needed", default=0)
    error_summary = models.TextField(blank=True)  # file-level problems, one per line
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.file_name} ({self.get_log_type_display().lower()} {self.year_label})"

    def save(self, *args, **kwargs):
        if not self.file_key:
            self.file_key = f"bulk-uploads/{uuid.uuid4()}.csv"
        super().save(*args, **kwargs)

    @property
    def year_label(self) -> str:
        return collection.year_label(self.year)

    @property
    def is_running(self) -> bool:
        return self.status in (UploadStatus.QUEUED, UploadStatus.PROCESSING)


class BulkUploadError(models.Model):
    """One problem with one cell of an uploaded file."""

    bulk_upload = models.ForeignKey(BulkUpload, on_delete=models.CASCADE, related_name="errors")
    row = models.PositiveIntegerField(null=True, blank=True)
    field_number = models.PositiveSmallIntegerField(null=True, blank=True)
    cell = models.CharField(max_length=16, blank=True)
    question = models.CharField(max_length=255, blank=True)
    message = models.TextField()
    category = models.CharField(max_length=16, choices=ErrorCategory.choices, blank=True, default="")
    tenant_code = models.CharField(max_length=64, blank=True)
    property_ref = models.CharField(max_length=64, blank=True)
    purchaser_code = models.CharField(max_length=64, blank=True)  # sales

    class Meta:
        ordering = ["row", "field_number", "id"]
        indexes = [models.Index(fields=["bulk_upload", "row"], name="bulk_error_upload_row_idx")]

    def __str__(self) -> str:
        return f"Row {self.row}, field {self.field_number}: {self.message}"
