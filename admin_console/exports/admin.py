"""The CDS export runs: support follow their progress, start a partial or full export, and download
a finished run's archives."""

from datetime import timedelta

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django_q.tasks import async_task
from unfold.decorators import action, display

from admin_console.base import ReadOnlyConsoleAdmin
from domain import access, collection
from domain.models import Export, ExportStatus
from exports import storage
from exports.cds.progress import export_progress
from exports.cds.run import export_running_since, running_message

STATUS_COLOURS = {
    ExportStatus.RUNNING.label: "info",
    ExportStatus.SUCCEEDED.label: "success",
    ExportStatus.FAILED.label: "danger",
}
KINDS = {
    "partial": ("Start a partial export", False,
                "Every record changed since the last successful export, in every collection. The archives and "
                "the master manifest go to the export storage; CDS picks them up from there."),
    "full": ("Start a full export", True,
             "Every record of every collection, under a new base number. This can take a long time. The "
             "archives and the master manifest go to the export storage; CDS picks them up from there."),
}
ARCHIVE_LINK_LIFETIME = timedelta(minutes=1)  # on S3: the presigned link the download redirects to


@admin.register(Export)
class ExportAdmin(ReadOnlyConsoleAdmin):
    list_display = ["started_at", "collection_label", "kind", "status_badge", "records", "archive_label",
                    "finished_at"]
    list_filter = ["collection", "status", "full"]
    fields = ["collection", "year_label", "full", "status", "records", "archive_label", "base_number",
              "increment_number", "empty_export", "started_at", "finished_at", "error"]
    readonly_fields = ["year_label", "archive_label"]
    actions_list = ["start_partial", "start_full"]
    list_before_template = "admin_console/exports/progress.html"

    class Media:
        js = ["admin_console/live_status.js"]  # the list follows queued and running exports by itself

    def get_queryset(self, request):
        return access.visible_cds_exports(request.user)

    def has_module_permission(self, request):
        return access.can_view_cds_exports(request.user)

    def has_view_permission(self, request, obj=None):
        return access.can_view_cds_exports(request.user)

    def has_run_export_permission(self, request):
        return access.can_run_cds_exports(request.user)

    @display(description="Collection")
    def collection_label(self, obj):
        return obj.label

    @display(description="Collection year")
    def year_label(self, obj):
        return collection.year_label(obj.year) if obj.year else "-"

    @display(description="Kind")
    def kind(self, obj):
        return "Full" if obj.full else "Partial"

    @display(description="Status", label=STATUS_COLOURS)
    def status_badge(self, obj):
        return obj.get_status_display()

    @display(description="Archive")
    def archive_label(self, obj):
        if obj.empty_export:
            return "Nothing changed"
        if not obj.archive:
            return "-"
        if obj.status != ExportStatus.SUCCEEDED:
            return f"{obj.archive}.zip"
        # Only support see this page; the download checks access again.
        return format_html('<a class="underline" href="{}">Download {}.zip</a>',
                           reverse("admin:domain_export_archive", args=[obj.pk]), obj.archive)

    def empty_list_words(self):
        """What an empty list says (templates/unfold/helpers/empty_results.html): an export that is only
        queued has no rows yet, which is not "no results"."""
        if export_progress().queued:
            return ("The export has not started yet", "Its rows appear here when a background worker starts it.")
        return None

    def changelist_view(self, request, extra_context=None):
        extra_context = {**(extra_context or {}), "progress": export_progress()}
        return super().changelist_view(request, extra_context)

    def get_urls(self):
        archive = path("<path:object_id>/archive.zip", self.admin_site.admin_view(self.archive_view),
                       name="domain_export_archive")
        return [archive, *super().get_urls()]

    def archive_view(self, request, object_id):
        """A finished run's archive, for support only: to anyone else it does not exist."""
        export = self.get_queryset(request).filter(pk=object_id).first() if object_id.isdigit() else None
        if export is None or not access.can_download_cds_archive(request.user, export):
            raise Http404("No such archive.")
        key = f"{export.archive}.zip"
        if not storage.exists(key):
            raise Http404("The archive is no longer in the export storage.")
        return storage.file_response(key, filename=key, lifetime=ARCHIVE_LINK_LIFETIME)

    @action(description="Start a partial export", icon="sync", permissions=["run_export"])
    def start_partial(self, request):
        return self._start(request, "partial")

    @action(description="Start a full export", icon="cloud_upload", permissions=["run_export"])
    def start_full(self, request):
        return self._start(request, "full")

    def _start(self, request, kind: str):
        if not self.has_run_export_permission(request):
            raise PermissionDenied
        title, full, explanation = KINDS[kind]
        changelist = reverse("admin:domain_export_changelist")
        running_since = export_running_since()
        if running_since is not None:
            # The run itself refuses a second start too (under a database lock); this says so up front.
            messages.error(request, running_message(running_since))
            return redirect(changelist)
        if request.method == "POST":
            transaction.on_commit(lambda: async_task("exports.tasks.cds_export", full=full,
                                                     task_name=f"CDS {kind} export"))
            messages.success(request, f"The {kind} export has been queued. This page follows its progress.")
            return redirect(changelist)
        context = {**self.admin_site.each_context(request), "opts": self.model._meta, "title": title,
                   "explanation": explanation, "cancel_url": changelist}
        return TemplateResponse(request, "admin_console/confirm.html", context)
