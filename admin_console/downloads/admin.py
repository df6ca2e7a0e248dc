"""Downloads: the requester's list of files with their progress, the page an emailed link opens,
and the request page the lettings, sales, users and schemes lists send people to."""

from __future__ import annotations

from datetime import timedelta

from django.contrib import admin
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from unfold.decorators import display

from admin_console.base import ConsoleModelAdmin
from admin_console.downloads import requests, statistics
from domain import access
from domain.models import CsvDownload, DownloadStatus
from exports import storage

STATUS_COLOURS = {DownloadStatus.QUEUED.label: "info", DownloadStatus.RUNNING.label: "warning",
                  DownloadStatus.READY.label: "success", DownloadStatus.FAILED.label: "danger", "Expired": "info"}
FILE_LINK_LIFETIME = timedelta(seconds=60)  # an S3 presigned URL behind the button; the page lasts 2 days


@admin.register(CsvDownload)
class CsvDownloadAdmin(ConsoleModelAdmin):
    list_display = ["file", "kind", "status_badge", "progress", "created_at", "expires_at"]
    list_filter = ["kind", "status"]
    list_per_page = 20
    ordering = ["-created_at"]

    def get_queryset(self, request):
        return access.visible_csv_downloads(request.user).select_related("user")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_view_permission(self, request, obj=None):
        return access.is_console_user(request.user) and (obj is None or access.can_open_csv_download(request.user, obj))

    def change_view(self, request, object_id, form_url="", extra_context=None):
        download = self.get_object(request, object_id)  # within the user's scope, or not found
        if download is None:
            raise Http404("Not found.")
        return redirect(page_url(download))

    @display(description="File")
    def file(self, download):
        url = page_url(download)
        return format_html('<a class="underline" href="{}">{}</a>', url, str(download))

    @display(description="Status", label=STATUS_COLOURS)
    def status_badge(self, download):
        return "Expired" if download.is_expired() else download.get_status_display()

    @display(description="Progress")
    def progress(self, download):
        return progress_text(download)

    def get_urls(self):
        view = self.admin_site.admin_view
        custom = [
            path("request/", view(requests.request_view), name="domain_csvdownload_request"),
            path("statistics/", view(statistics.export_view), name="domain_csvdownload_statistics"),
            # Signed-in users only (admin_view), and a random token rather than the id in the address.
            path("<uuid:token>/get/", view(self.page_view), name="domain_csvdownload_page"),
            path("<uuid:token>/file/", view(self.file_view), name="domain_csvdownload_file"),
        ]
        return custom + super().get_urls()

    def _download(self, request, token) -> CsvDownload:
        download = CsvDownload.objects.filter(token=token).select_related("user").first()
        if download is None or not access.can_open_csv_download(request.user, download):
            raise Http404("Not found.")  # outside the user's scope a download does not exist
        return download

    def page_view(self, request, token, gone=False):
        download = self._download(request, token)
        expired = download.is_expired()
        context = {**self.admin_site.each_context(request), "download": download, "opts": self.model._meta,
                   "progress": progress_text(download), "expired": expired, "gone": gone and not expired,
                   "title": "This link has expired" if expired else f"Download {file_kind(download)[0]}",
                   "file_kind": file_kind(download),
                   "in_progress": download.status in (DownloadStatus.QUEUED, DownloadStatus.RUNNING)}
        status = 410 if expired or gone else 200
        return TemplateResponse(request, "admin_console/downloads/page.html", context, status=status)

    def file_view(self, request, token):
        download = self._download(request, token)
        if download.is_expired():
            return self.page_view(request, token)
        if not download.is_ready:
            return redirect(page_url(download))  # the page shows how far it has got
        if not storage.exists(download.file_key):
            return self.page_view(request, token, gone=True)
        return storage.file_response(download.file_key, filename=download.filename, lifetime=FILE_LINK_LIFETIME)


# What a download's file is, in words: a statistics export may be a workbook or JSON, not a CSV file.
FILE_KINDS = {"csv": ("a CSV file", "CSV"), "xlsx": ("an Excel workbook", "XLSX"), "json": ("a JSON file", "JSON")}


def file_kind(download: CsvDownload) -> tuple[str, str]:
    """The file in words and its short name (for the button)."""
    return FILE_KINDS.get((download.filters or {}).get("format") or "csv", FILE_KINDS["csv"])


def page_url(download: CsvDownload) -> str:
    return reverse("admin:domain_csvdownload_page", args=[download.token])


def progress_text(download: CsvDownload) -> str:
    if download.status == DownloadStatus.READY:
        return f"{download.rows:,} rows"
    if download.status == DownloadStatus.FAILED:
        return download.error
    if download.status == DownloadStatus.RUNNING:
        total = f" of {download.total:,}" if download.total is not None else ""
        return f"{download.rows:,}{total} rows written"
    return "Waiting to start"
