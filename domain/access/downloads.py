"""Downloads: who may download what, open a download link, and export statistics (spec
csv-downloads §1 and §3)."""

from __future__ import annotations

from django.db.models import QuerySet

from .lettings import visible_lettings_logs, visible_sales_logs
from .roles import *  # noqa: F403
from .users import visible_users

LOG_TYPES = ("lettings", "sales")


def downloadable_logs(user, log_type: str) -> QuerySet:
    """The logs a user may download: exactly those they see (never pending or deleted ones)."""
    if log_type == "lettings":
        return visible_lettings_logs(user)
    if log_type == "sales":
        return visible_sales_logs(user)
    raise LookupError(f"{log_type.capitalize()} logs cannot be downloaded yet.")


def can_download_logs(user) -> bool:
    return is_console_user(user)


def downloads_support_columns(user) -> bool:
    """Whether the user's log downloads have the support layout (every column, the support-only ones
    included): support only; anyone else downloads the non-support set."""
    return is_support(user)


def can_download_codes(user) -> bool:
    """The codes-only log file is for support; statisticians choose codes in their own export."""
    return is_support(user)


def downloadable_users(user) -> QuerySet:
    """Support: every user; a data coordinator: their own organisation's users; nobody else."""
    if is_support(user):
        return visible_users(user)
    if is_coordinator(user):
        return visible_users(user).filter(organisation_id=user.organisation_id)
    return visible_users(user).none()


def can_download_users(user) -> bool:
    return is_support(user) or is_coordinator(user)


def visible_csv_downloads(user) -> QuerySet:
    """Downloads a user may open: their own, their organisation's, or (support) everyone's."""
    from domain.models import CsvDownload

    downloads = CsvDownload.objects.all()
    if not is_console_user(user):
        return downloads.none()
    if is_support(user):
        return downloads
    return downloads.filter(organisation_id=user.organisation_id) | downloads.filter(user_id=user.pk)


def can_open_csv_download(user, download) -> bool:
    return visible_csv_downloads(user).filter(pk=download.pk).exists()


def can_export_statistics(user) -> bool:
    """The statistics export (every organisation's logs, pseudonymised by default)."""
    return is_statistician(user) or is_support(user)
