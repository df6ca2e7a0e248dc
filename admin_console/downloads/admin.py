"""Downloads: the requester's list of files with their progress, the page an emailed link opens,
and the request page the lettings, sales, users and schemes lists send people to."""

from __future__ import annotations

from datetime import timedelta

from django.contrib import admin
from django.core.exceptions import PermissionDenied
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
FILE_LINK_LIFETIME = timedelta(seconds=60)  # the storage link behind the button; the page lasts 2 days


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
        return redirect(reverse("admin:domain_csvdownload_page", args=[object_id]))

    @display(description="File")
    def file(self, download):
        url = reverse("admin:domain_csvdownload_page", args=[download.pk])
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
            path("<int:pk>/get/", view(self.page_view), name="domain_csvdownload_page"),
            path("<int:pk>/file/", view(self.file_view), name="domain_csvdownload_file"),
        ]
        return custom + super().get_urls()

    def _download(self, request, pk) -> CsvDownload:
        download = CsvDownload.objects.filter(pk=pk).select_related("user").first()
        if download is None or not access.can_open_csv_download(request.user, download):
            raise Http404("Not found.")  # outside the user's scope a download does not exist
        return download

    def page_view(self, request, pk):
        download = self._download(request, pk)
        context = {**self.admin_site.each_context(request), "download": download, "opts": self.model._meta,
                   "progress": progress_text(download), "expired": download.is_expired(),
                   "title": "This link has expired" if download.is_expired() else "Download a CSV file",
                   "in_progress": download.status in (DownloadStatus.QUEUED, DownloadStatus.RUNNING)}
        status = 410 if download.is_expired() else 200
        return TemplateResponse(request, "admin_console/downloads/page.html", context, status=status)

    def file_view(self, request, pk):
        download = self._download(request, pk)
        if download.is_expired():
            return self.page_view(request, pk)
        if not download.is_ready or not storage.exists(download.file_key):
            raise PermissionDenied("This file is not ready yet.")
        return redirect(storage.download_url(download.file_key, FILE_LINK_LIFETIME))


def progress_text(download: CsvDownload) -> str:
    if download.status == DownloadStatus.READY:
        return f"{download.rows:,} rows"
    if download.status == DownloadStatus.FAILED:
        return download.error
    if download.status == DownloadStatus.RUNNING:
        total = f" of {download.total:,}" if download.total is not None else ""
        return f"{download.rows:,}{total} rows written"
    return "Waiting to start"
