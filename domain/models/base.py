"""Shared model bases."""

from django.db import models


class TimestampedModel(models.Model):
    """Records when a row was created and last changed."""

    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


def squish(value: str | None) -> str:
    """Trim and collapse runs of whitespace, as names are stored."""
    return " ".join((value or "").split())
