"""Who may follow and start the CDS export, and download its archives: customer support only."""

from __future__ import annotations

from django.db.models import QuerySet

from domain.models import Export, ExportStatus

from .roles import is_support

__all__ = ["can_download_cds_archive", "can_run_cds_exports", "can_view_cds_exports", "visible_cds_exports"]


def can_view_cds_exports(user) -> bool:
    return is_support(user)


def can_run_cds_exports(user) -> bool:
    return is_support(user)


def visible_cds_exports(user) -> QuerySet:
    return Export.objects.all() if can_view_cds_exports(user) else Export.objects.none()


def can_download_cds_archive(user, export: Export) -> bool:
    """Support, for a run that finished and wrote an archive."""
    return is_support(user) and export.status == ExportStatus.SUCCEEDED and bool(export.archive)
