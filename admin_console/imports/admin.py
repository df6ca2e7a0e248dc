"""Imports from the original service: support start one (upload the export files), follow its progress and
read its report (counts, skipped records, refused answers, relationships inferred for them to confirm)."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from unfold.decorators import action, display

from admin_console.base import ReadOnlyConsoleAdmin
from domain import access
from domain.models import ImportRun, ImportStatus
from exports.cds_import.jobs import import_start

STATUS_COLOURS = {
    ImportStatus.QUEUED.label: "info",
    ImportStatus.RUNNING.label: "info",
    ImportStatus.SUCCEEDED.label: "success",
    ImportStatus.FAILED.label: "danger",
}
MAX_FILES = 50


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".zip,.csv"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, (list, tuple)) else [data]
        files = [super(MultipleFileField, self).clean(f, initial) for f in files if f]
        if not files:
            raise forms.ValidationError("Choose the export files to import.")
        return files


class StartImportForm(forms.Form):
    files = MultipleFileField(
        label="Export files",
        help_text="The CDS archives (.zip) with their master manifests (Manifest_….csv), or one zip of the whole "
                  "export folder, and the schemes and locations CSV downloads.")
    dry_run = forms.BooleanField(label="Dry run: check and count everything, keep nothing", required=False)

    def clean_files(self):
        files = self.cleaned_data["files"]
        if len(files) > MAX_FILES:
            raise forms.ValidationError(f"Choose at most {MAX_FILES} files, or zip the export folder into one.")
        wrong = [f.name for f in files if not f.name.lower().endswith((".zip", ".csv"))]
        if wrong:
            raise forms.ValidationError(f"Only .zip and .csv files can be imported, not {', '.join(wrong)}.")
        return files


@admin.register(ImportRun)
class ImportRunAdmin(ReadOnlyConsoleAdmin):
    list_display = ["created_at", "status_badge", "kind", "progress", "summary", "finished_at"]
    list_filter = ["status", "dry_run"]
    fields = ["status", "dry_run", "files_list", "started_by", "created_at", "started_at", "finished_at",
              "progress", "current_file", "error", "counts_table", "relationships_table", "skipped_table",
              "refused_table", "status_changes_table", "notes_list"]
    readonly_fields = fields
    actions_list = ["start_import"]

    def get_queryset(self, request):
        return access.visible_import_runs(request.user)

    def has_module_permission(self, request):
        return access.can_run_imports(request.user)

    def has_view_permission(self, request, obj=None):
        return access.can_run_imports(request.user)

    def has_run_import_permission(self, request):
        return access.can_run_imports(request.user)

    @display(description="Status", label=STATUS_COLOURS)
    def status_badge(self, obj):
        return obj.get_status_display()

    @display(description="Kind")
    def kind(self, obj):
        return "Dry run" if obj.dry_run else "Import"

    @display(description="Progress")
    def progress(self, obj):
        if obj.records_total:
            return f"{obj.records_read:,} of {obj.records_total:,} records ({obj.progress_percent}%)"
        return "Waiting to start" if obj.status == ImportStatus.QUEUED else "-"

    @display(description="Imported")
    def summary(self, obj):
        counts = (obj.report or {}).get("counts") or {}
        parts = [f"{sum(c.get(o, 0) for o in ('created', 'updated'))} {kind}" for kind, c in counts.items()
                 if any(c.values())]
        return ", ".join(parts) or "-"

    @display(description="Files")
    def files_list(self, obj):
        return ", ".join(name.rsplit("/", 1)[-1] for name in obj.files) or "-"

    def _table(self, headers, rows, empty):
        from django.utils.html import format_html, format_html_join

        if not rows:
            return empty
        head = format_html_join("", '<th class="text-left pr-4">{}</th>', ((h,) for h in headers))
        body = format_html_join("", "<tr>{}</tr>", (
            (format_html_join("", '<td class="pr-4">{}</td>', ((cell,) for cell in row)),) for row in rows))
        return format_html('<table class="text-sm"><thead><tr>{}</tr></thead><tbody>{}</tbody></table>', head, body)

    @display(description="Counts")
    def counts_table(self, obj):
        counts = (obj.report or {}).get("counts") or {}
        rows = [(kind, c["created"], c["updated"], c["unchanged"], c["skipped"]) for kind, c in counts.items()
                if any(c.values())]
        return self._table(("kind", "created", "updated", "unchanged", "skipped"), rows, "Nothing imported yet.")

    @display(description="Relationships inferred (confirm them)")
    def relationships_table(self, obj):
        rows = [(r["stock_owner"], r["managing_agent"], f"log {r['first_seen']['log']}")
                for r in (obj.report or {}).get("relationships_inferred", [])]
        return self._table(("stock owner", "managing agent", "first seen on"), rows, "None.")

    @display(description="Records skipped")
    def skipped_table(self, obj):
        rows = [(s["kind"], s["file"], s["record"], s["id"], s["reason"]) for s in (obj.report or {}).get("skipped", [])]
        return self._table(("kind", "file", "record", "id", "reason"), rows, "None.")

    @display(description="Answers the current rules refuse")
    def refused_table(self, obj):
        rows = [(r["kind"], r["id"], r["field"], r["answer"] or "", "kept" if r["kept"] else "left out", r["message"])
                for r in (obj.report or {}).get("refused_answers", [])]
        return self._table(("kind", "log", "question", "answer", "", "why"), rows, "None.")

    @display(description="Logs whose status changed")
    def status_changes_table(self, obj):
        rows = [(c["kind"], c["id"], c["was"], c["now"], ", ".join(c["missing"] + c["unconfirmed_soft_checks"]))
                for c in (obj.report or {}).get("status_changes", [])]
        return self._table(("kind", "log", "was", "now", "why"), rows, "None.")

    @display(description="Notes")
    def notes_list(self, obj):
        return " ".join((obj.report or {}).get("notes", [])) or "-"

    @action(description="Start an import", icon="move_to_inbox", permissions=["run_import"])
    def start_import(self, request):
        if not self.has_run_import_permission(request):
            raise PermissionDenied
        changelist = reverse("admin:domain_importrun_changelist")
        form = StartImportForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            run = import_start(files=form.cleaned_data["files"], dry_run=form.cleaned_data["dry_run"],
                               by=request.user)
            messages.success(request, f"Import {run.pk} has been queued. Its progress shows here; refresh the page "
                                      "to follow it, and open it for the report when it has finished.")
            return redirect(changelist)
        context = {**self.admin_site.each_context(request), "opts": self.model._meta, "form": form,
                   "title": "Import from the original service", "cancel_url": changelist}
        return TemplateResponse(request, "admin_console/imports/start.html", context)
