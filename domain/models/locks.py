"""Named locks on long jobs: a row per job, so that the lock works on PostgreSQL and SQLite alike."""

from __future__ import annotations

from django.db import models


class RunLock(models.Model):
    """Held by one run of a job from its start to its end (see domain.services.run_locks)."""

    name = models.CharField(max_length=50, primary_key=True)
    held_since = models.DateTimeField(null=True, blank=True,
                                      help_text="When the run holding it started; empty when free.")

    class Meta:
        verbose_name = "run lock"

    def __str__(self) -> str:
        return f"{self.name} ({'held' if self.held_since else 'free'})"
