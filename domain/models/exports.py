"""CDS exports: one row per collection (and year, for logs) per nightly or manual run.

A run is committed when its master manifest is written: only then are its rows marked succeeded.
Numbering (base and increment) and the "changed since" marker read succeeded rows only, so a run that
fails part-way changes neither and the next run covers the same records again.
"""

from __future__ import annotations

from django.db import models

from domain.collection import year_label


class ExportCollection(models.TextChoices):
    LETTINGS = "lettings", "Lettings logs"
    SALES = "sales", "Sales logs"
    USERS = "users", "Users"
    ORGANISATIONS = "organisations", "Organisations"


class ExportStatus(models.TextChoices):
    RUNNING = "running", "Running"
    SUCCEEDED = "succeeded", "Succeeded"
    FAILED = "failed", "Failed"


class ExportQuerySet(models.QuerySet):
    def succeeded(self):
        return self.filter(status=ExportStatus.SUCCEEDED)

    def of(self, collection: str, year: int | None):
        return self.filter(collection=collection, year=year)


class Export(models.Model):
    collection = models.CharField(max_length=20, choices=ExportCollection.choices)
    year = models.PositiveSmallIntegerField(null=True, blank=True, help_text="Collection start year (logs only).")
    started_at = models.DateTimeField(help_text="When the whole run started: the same for every row of a run.")
    finished_at = models.DateTimeField(null=True, blank=True)
    full = models.BooleanField("full export", default=False)
    base_number = models.PositiveIntegerField(default=1)
    increment_number = models.PositiveIntegerField(default=1)
    empty_export = models.BooleanField(default=False, help_text="Nothing had changed, so no archive was written.")
    records = models.PositiveIntegerField("records written", default=0)
    archive = models.CharField("archive name", max_length=100, blank=True)
    status = models.CharField(max_length=10, choices=ExportStatus.choices, default=ExportStatus.RUNNING)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ExportQuerySet.as_manager()

    class Meta:
        ordering = ["-started_at", "-id"]
        verbose_name = "CDS export"
        indexes = [models.Index(fields=["collection", "year", "status", "started_at"], name="export_lookup_idx")]

    @property
    def label(self) -> str:
        """The collection as the console names it: "Lettings logs 2026 to 2027"."""
        name = self.get_collection_display()
        return f"{name} {year_label(self.year)}" if self.year else name

    def __str__(self) -> str:
        label = f"{self.collection} {self.year}" if self.year else self.collection
        return f"{label} export of {self.started_at:%Y-%m-%d %H:%M}"
