"""The CDS export runs: support follow their progress and start a partial or full export."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django_q.tasks import async_task
from unfold.decorators import action, display

from admin_console.base import ReadOnlyConsoleAdmin
from domain import access
from domain.models import Export, ExportStatus
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


@admin.register(Export)
class ExportAdmin(ReadOnlyConsoleAdmin):
    list_display = ["started_at", "collection_label", "kind", "status_badge", "records", "archive_label",
                    "finished_at"]
    list_filter = ["collection", "status", "full"]
    fields = ["collection", "year", "full", "status", "records", "archive", "base_number", "increment_number",
              "empty_export", "started_at", "finished_at", "error"]
    actions_list = ["start_partial", "start_full"]

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
        return f"{obj.get_collection_display()} {obj.year}" if obj.year else obj.get_collection_display()

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
        return f"{obj.archive}.zip" if obj.archive else "-"

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
            messages.success(request, f"The {kind} export has been queued. Its rows appear here when it starts; "
                                      "refresh the page to follow its progress.")
            return redirect(changelist)
        context = {**self.admin_site.each_context(request), "opts": self.model._meta, "title": title,
                   "explanation": explanation, "cancel_url": changelist}
        return TemplateResponse(request, "admin_console/confirm.html", context)
