"""Bulk uploads: the upload page, the history of uploads with their progress, the error report (on the
page and as CSV), and the decisions that follow an upload with errors."""

from __future__ import annotations

import logging

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import OperationalError
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import path, reverse
from unfold.decorators import action, display

from admin_console.base import ConsoleModelAdmin
from domain import access
from domain.bulk_upload import report
from domain.bulk_upload.template import blank_template_csv
from domain.models import BulkUpload, UploadStatus
from domain.models.uploads import AWAITING_DECISION
from domain.services.bulk_uploads import (
    bulk_upload_create_logs, bulk_upload_delete_logs, bulk_upload_start, bulk_upload_upload_again,
)

from .forms import BulkUploadForm

STATUS_COLOURS = {
    UploadStatus.QUEUED: "info", UploadStatus.PROCESSING: "warning", UploadStatus.LOGS_CREATED: "success",
    UploadStatus.LOGS_CREATED_WITH_ERRORS: "success", UploadStatus.LOGS_CREATED_CONFIRMED: "success",
    UploadStatus.POTENTIAL_ERRORS: "warning", UploadStatus.UPLOAD_AGAIN: "info",
}
logger = logging.getLogger(__name__)
REPORT_ROWS = 500  # the page shows the first rows of errors; the CSV has them all


@admin.register(BulkUpload)
class BulkUploadAdmin(ConsoleModelAdmin):
    list_display = ["file_name", "log_type", "year_label", "uploaded_by", "organisation", "status_badge",
                    "progress", "logs_created", "setup_errors", "critical_errors", "soft_errors", "created_at"]
    list_filter = ["status", "log_type", "year"]
    search_fields = ["file_name", "uploaded_by__email", "uploaded_by__name", "organisation__name"]
    list_select_related = ["uploaded_by", "organisation"]
    fields = ["file_name", "log_type", "year", "uploaded_by", "organisation", "status_badge", "progress",
              "logs_created", "rows_with_errors", "created_at", "finished_at", "outcome", "error_report"]
    readonly_fields = fields
    actions_detail = ["create_logs", "upload_again", "download_report", "delete_logs"]

    class Media:
        js = ["admin_console/live_status.js"]  # the upload's page follows its progress by itself

    # --- scope and permissions (domain.access decides) -----------------------------------------

    def get_queryset(self, request):
        return access.visible_bulk_uploads(request.user)

    def has_view_permission(self, request, obj=None):
        return access.is_console_user(request.user) if obj is None else access.can_view_bulk_upload(request.user, obj)

    def has_add_permission(self, request):
        return access.can_start_bulk_upload(request.user)

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def _get_obj_does_not_exist_redirect(self, request, opts, object_id):
        raise Http404("Not found.")  # outside the user's scope an upload does not exist

    def _upload(self, request, object_id) -> BulkUpload:
        return self.get_object_or_404(request, object_id)

    def has_create_logs_permission(self, request, object_id=None):
        upload = self.get_object(request, object_id) if object_id else None
        return upload is not None and upload.status in AWAITING_DECISION and access.can_decide_bulk_upload(
            request.user, upload)

    def has_upload_again_permission(self, request, object_id=None):
        return self.has_create_logs_permission(request, object_id)

    def has_download_report_permission(self, request, object_id=None):
        return access.is_console_user(request.user)

    def has_delete_logs_permission(self, request, object_id=None):
        upload = self.get_object(request, object_id) if object_id else None
        return upload is not None and upload.logs_created > 0 and access.can_delete_bulk_upload_logs(
            request.user, upload)

    # --- columns -------------------------------------------------------------------------------

    @display(description="Year")
    def year_label(self, obj):
        return obj.year_label

    @display(description="Status", label={status.label: STATUS_COLOURS.get(status, "danger") for status in UploadStatus})
    def status_badge(self, obj):
        return obj.get_status_display()

    @display(description="Rows checked")
    def progress(self, obj):
        return f"{obj.rows_processed} of {obj.rows_total}" if obj.rows_total else "–"

    @display(description="What happens next")
    def outcome(self, obj):
        return render_to_string("admin_console/uploads/outcome.html", {"upload": obj})

    @display(description="Error report")
    def error_report(self, obj):
        errors = list(obj.errors.all()[:REPORT_ROWS])
        return render_to_string("admin_console/uploads/report.html", {
            "upload": obj, "errors": errors, "summary": report.summary(obj), "total": obj.errors.count(),
            "truncated": len(errors) == REPORT_ROWS,
            "csv_url": reverse("admin:domain_bulkupload_report_csv", args=[obj.pk]),
        })

    # --- the upload page -----------------------------------------------------------------------

    def add_view(self, request, form_url="", extra_context=None):
        if access.can_bulk_upload(request.user) and not access.can_start_bulk_upload(request.user):
            messages.error(request, f"{request.user.organisation.name} has not accepted the data sharing agreement, "
                                    "so logs cannot be uploaded yet. Its data protection officer must accept it first.")
            return redirect(reverse("admin:domain_bulkupload_changelist"))
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = BulkUploadForm(request.POST or None, request.FILES or None, user=request.user)
        if request.method == "POST" and form.is_valid():
            upload_file = form.cleaned_data["file"]
            try:
                upload = bulk_upload_start(
                    by=request.user, log_type=form.cleaned_data["log_type"], year=form.cleaned_data["year"],
                    fileobj=upload_file.file, file_name=upload_file.name, size=upload_file.size,
                    organisation=form.cleaned_data.get("organisation"))
            except ValidationError as error:
                form.add_error("file", error)
            except OperationalError:
                # SQLite (the development default) has one writer: a long check of another file can hold it.
                logger.warning("Bulk upload not saved: the database was busy", exc_info=True)
                form.add_error("file", "The service is busy checking another file, so this one was not saved. "
                                       "Upload it again in a minute.")
            else:
                messages.success(request, f"{upload.file_name} was uploaded. We are checking it now and will email "
                                          "you when it is done; this page shows its progress.")
                return redirect(reverse("admin:domain_bulkupload_change", args=[upload.pk]))
        context = {**self.admin_site.each_context(request), "form": form, "opts": self.model._meta,
                   "title": "Upload logs in bulk", "template_url": reverse("admin:domain_bulkupload_template")}
        return TemplateResponse(request, "admin_console/uploads/upload.html", context)

    # --- decisions -----------------------------------------------------------------------------

    @action(description="Create logs (invalid answers cleared)", icon="playlist_add_check",
            permissions=["create_logs"])
    def create_logs(self, request, object_id):
        upload = self._upload(request, object_id)
        if request.method != "POST":
            return self._confirm(request, upload, "create_logs")
        try:
            bulk_upload_create_logs(upload=upload, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, f"{upload.logs_created} logs were created from {upload.file_name}.")
        return redirect(reverse("admin:domain_bulkupload_change", args=[upload.pk]))

    @action(description="Correct the file and upload it again", icon="upload_file", permissions=["upload_again"])
    def upload_again(self, request, object_id):
        upload = self._upload(request, object_id)
        if request.method != "POST":
            return self._confirm(request, upload, "upload_again")
        bulk_upload_upload_again(upload=upload, by=request.user)
        messages.info(request, "No logs were created. Correct the file using the error report, then upload it.")
        return redirect(reverse("admin:domain_bulkupload_add"))

    @action(description="Download error report (CSV)", icon="download", permissions=["download_report"])
    def download_report(self, request, object_id):
        return redirect(reverse("admin:domain_bulkupload_report_csv", args=[object_id]))

    @action(description="Delete the logs of this upload", icon="delete", permissions=["delete_logs"])
    def delete_logs(self, request, object_id):
        upload = self._upload(request, object_id)
        if request.method != "POST":
            return self._confirm(request, upload, "delete_logs")
        count = bulk_upload_delete_logs(upload=upload, by=request.user, reason=request.POST.get("reason", ""))
        messages.success(request, f"{count} logs of {upload.file_name} were deleted.")
        return redirect(reverse("admin:domain_bulkupload_change", args=[upload.pk]))

    def _confirm(self, request, upload, what):
        context = {**self.admin_site.each_context(request), "upload": upload, "what": what, "opts": self.model._meta,
                   "title": {"create_logs": "Create the logs of this upload",
                             "upload_again": "Correct the file and upload it again",
                             "delete_logs": "Delete the logs of this upload"}[what]}
        return TemplateResponse(request, "admin_console/uploads/confirm.html", context)

    def get_urls(self):
        custom = [path("template.csv", self.admin_site.admin_view(self.template_csv), name="domain_bulkupload_template"),
                  path("<path:object_id>/report.csv", self.admin_site.admin_view(self.report_csv),
                       name="domain_bulkupload_report_csv")]
        return custom + super().get_urls()

    def template_csv(self, request):
        """The blank template of a log type and collection year, made from that year's declaration."""
        if not access.can_bulk_upload(request.user):
            raise PermissionDenied
        log_type, year = request.GET.get("log_type", ""), request.GET.get("year", "")
        if log_type not in ("lettings", "sales") or not year.isdigit():
            raise Http404("No such template.")
        try:
            content = blank_template_csv(log_type, int(year))
        except LookupError:
            raise Http404("No such template.") from None
        response = HttpResponse(content, content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="bulk-upload-{log_type}-{year}-to-{int(year) + 1}.csv"'
        return response

    def report_csv(self, request, object_id):
        upload = self._upload(request, object_id)
        response = StreamingHttpResponse(report.csv_lines(upload), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="bulk-upload-{upload.pk}-errors.csv"'
        return response
