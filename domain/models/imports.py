"""Runs of the importer that moves an organisation's data in from the original service's export files."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class ImportStatus(models.TextChoices):
    QUEUED = "queued", "Queued"
    RUNNING = "running", "Running"
    SUCCEEDED = "succeeded", "Succeeded"
    FAILED = "failed", "Failed"


class ImportRun(models.Model):
    """One run of `import_core` (from the command or the support page): its files, progress and report.

    `report` is the importer's JSON report (counts per kind, skipped records, refused answers,
    inferred relationships); `error` the plain-English reason a run stopped, naming file, record and element.
    """

    status = models.CharField(max_length=10, choices=ImportStatus.choices, default=ImportStatus.QUEUED)
    dry_run = models.BooleanField("dry run", default=False, help_text="Checked and counted, nothing kept.")
    files = models.JSONField(default=list, blank=True, help_text="The files given, as stored.")
    started_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    current_file = models.CharField("file being read", max_length=255, blank=True)
    records_read = models.PositiveIntegerField(default=0)
    records_total = models.PositiveIntegerField(default=0, help_text="Records in every file (known once counted).")
    report = models.JSONField(default=dict, blank=True)
    error = models.TextField(blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = "import from the original service"
        verbose_name_plural = "imports from the original service"

    def __str__(self) -> str:
        return f"Import {self.pk} ({self.get_status_display().lower()})"

    @property
    def progress_percent(self) -> int:
        if not self.records_total:
            return 100 if self.status == ImportStatus.SUCCEEDED else 0
        return min(100, round(100 * self.records_read / self.records_total))
