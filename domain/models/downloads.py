"""CSV downloads: a file produced in the background for one user, kept for two days."""

from __future__ import annotations

import uuid
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone

from .organisations import Organisation

LINK_LIFETIME = timedelta(days=2)


class DownloadKind(models.TextChoices):
    LETTINGS = "lettings", "Lettings logs"
    SALES = "sales", "Sales logs"
    SCHEMES = "schemes", "Schemes"
    LOCATIONS = "locations", "Locations"
    SCHEMES_AND_LOCATIONS = "schemes-and-locations", "Schemes and locations"
    USERS = "users", "Users"
    STATISTICS = "statistics", "Statistics export"


class DownloadStatus(models.TextChoices):
    QUEUED = "queued", "Queued"
    RUNNING = "running", "Being prepared"
    READY = "ready", "Ready"
    FAILED = "failed", "Failed"


def default_expiry():
    return timezone.now() + LINK_LIFETIME


class CsvDownload(models.Model):
    """Who asked for which file with which filters, how far it has got, and where it is stored.
    The organisation is the requester's at the time: its users may open the link too.

    Links name a download by its random `token`, never by its id (which counts up) or its storage key."""

    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="csv_downloads")
    organisation = models.ForeignKey(Organisation, null=True, on_delete=models.SET_NULL, related_name="+")
    role = models.PositiveSmallIntegerField(null=True, blank=True, help_text="The requester's role at the time.")
    kind = models.CharField(max_length=32, choices=DownloadKind.choices)
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    codes = models.BooleanField("codes only", default=False)
    filters = models.JSONField(default=dict, blank=True, help_text="The list filters and search the file was made with.")
    status = models.CharField(max_length=16, choices=DownloadStatus.choices, default=DownloadStatus.QUEUED)
    total = models.PositiveIntegerField(null=True, blank=True, help_text="Rows expected when it was requested.")
    rows = models.PositiveIntegerField(default=0, help_text="Rows written so far.")
    file_key = models.CharField(max_length=255, blank=True,
                                help_text="Where the file is stored: never shown.")
    filename = models.CharField(max_length=255, blank=True)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(default=default_expiry)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "download"

    def __str__(self) -> str:
        return self.filename or f"{self.get_kind_display()} download {self.pk}"

    def is_expired(self, now=None) -> bool:
        return (now or timezone.now()) >= self.expires_at

    @property
    def is_ready(self) -> bool:
        return self.status == DownloadStatus.READY and bool(self.file_key)
