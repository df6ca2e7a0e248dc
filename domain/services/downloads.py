"""Asking for a CSV download, and telling the requester when it is ready (spec csv-downloads §3)."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django_q.tasks import async_task

from domain import access
from domain.models import CsvDownload, DownloadKind
from domain.models.downloads import LINK_LIFETIME

LOG_KINDS = (DownloadKind.LETTINGS, DownloadKind.SALES)
SCHEME_KINDS = (DownloadKind.SCHEMES, DownloadKind.LOCATIONS, DownloadKind.SCHEMES_AND_LOCATIONS)


def may_request(user, kind: str, codes: bool = False) -> bool:
    """Whether the user may ask for this kind of download (codes: the codes-only log file)."""
    if kind in LOG_KINDS:
        allowed = access.can_download_logs(user) and (not codes or access.can_download_codes(user))
    elif kind in SCHEME_KINDS:
        allowed = access.can_see_schemes_menu(user)
    elif kind == DownloadKind.USERS:
        allowed = access.can_download_users(user)
    elif kind == DownloadKind.STATISTICS:
        allowed = access.can_export_statistics(user)
    else:
        allowed = False
    return allowed


def _require_allowed(user, kind: str, codes: bool) -> None:
    if not may_request(user, kind, codes):
        raise PermissionDenied("You cannot download this. Ask your data coordinator or customer support.")


def csv_download_request(*, user, kind: str, year: int | None = None, codes: bool = False,
                         filters: dict | None = None, total: int | None = None) -> CsvDownload:
    """Record the request and queue the job that builds the file (once this transaction commits)."""
    _require_allowed(user, kind, codes)
    download = CsvDownload.objects.create(
        user=user, organisation_id=user.organisation_id, role=user.role, kind=kind, year=year, codes=codes,
        filters=filters or {}, total=total,
    )
    transaction.on_commit(lambda: async_task("exports.tasks.csv_download_build", download.pk,
                                             task_name=f"CSV download {download.pk}"))
    return download


def csv_download_page_url(download: CsvDownload) -> str:
    return settings.SITE_URL.rstrip("/") + reverse("admin:domain_csvdownload_page", args=[download.token])


def csv_download_ready_email(download: CsvDownload) -> None:
    """Tell the requester where to get the file, and for how long the link works."""
    days = LINK_LIFETIME.days
    body = (
        f"Hello {download.user.name},\n\n"
        f"Your {download.get_kind_display().lower()} download is ready ({download.rows} rows).\n\n"
        f"Download it here: {csv_download_page_url(download)}\n\n"
        f"The link works for {days} days. After that, download the data again to get a new link.\n"
    )
    send_mail(f"Your CORE download is ready: {download.filename}", body, None, [download.user.email])
