"""Lettings logs: data entry laid out from the form catalogue, lists, check answers, soft delete."""

from __future__ import annotations

import copy
import json

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from unfold.decorators import action, display
from unfold.widgets import UnfoldAdminSelectWidget

from admin_console.base import ConsoleModelAdmin
from admin_console.downloads.links import DownloadLinkMixin
from admin_console.logs import filters, layout
from admin_console.logs.forms import answer_display, log_form_class
from admin_console.pagination import CappedCountPaginator
from domain import access
from domain.forms import engine, registry
from domain.models import LettingsLog, LocalAuthority, Location
from domain.models.logs import LogStatus
from domain.services.lettings import (
    lettings_log_delete, lettings_log_evaluate, lettings_log_new, lettings_log_restore, lettings_log_save,
)

STATUS_COLOURS = {"Not started": "info", "In progress": "warning", "Completed": "success", "Deleted": "danger",
                  "Pending": "info"}
LATEST_FORM = registry.all_forms("lettings")[-1]


@admin.register(LettingsLog)
class LettingsLogAdmin(DownloadLinkMixin, ConsoleModelAdmin):
    list_display = ["log_id", "tenancycode", "propcode", "startdate", "needstype", "owning_organisation",
                    "managing_organisation", "assigned_to", "status_badge"]
    list_display_links = ["log_id"]
    list_select_related = ["owning_organisation", "managing_organisation", "assigned_to"]
    list_filter = [filters.CollectionYearFilter, filters.StatusFilter, "needstype",
                   filters.OwningOrganisationFilter, filters.ManagingOrganisationFilter,
                   filters.AssignedToFilter, filters.CreatedByMeFilter]
    search_fields = ["tenancycode"]  # the search itself is log_search_q; this turns the box on
    search_help_text = "Search by log ID, tenant code, property reference or postcode"
    list_per_page = 20
    paginator = CappedCountPaginator
    ordering = ["-id"]
    fieldsets = layout.fieldsets(LATEST_FORM)
    conditional_fields = layout.conditional_fields(LATEST_FORM)
    readonly_fields = ["status_summary", "tcharge_display"]
    change_form_before_template = "admin_console/logs/conditions.html"
    download_kind = "lettings"
    actions_detail = ["check_answers", "delete_log", "restore_log"]
    radio_fields = {}

    # --- scope and permissions (domain.access decides) -----------------------------------------

    def get_queryset(self, request):
        include_deleted = filters.wants_deleted(request) or request.resolver_match.url_name.endswith(
            ("_change", "_restore_log", "_history"))
        return access.visible_lettings_logs(request.user, include_deleted=include_deleted).select_related(
            "owning_organisation", "managing_organisation", "assigned_to", "scheme", "location")

    def get_search_results(self, request, queryset, search_term):
        if not search_term.strip():
            return queryset, False
        return queryset.filter(filters.log_search_q(search_term)), False

    def has_view_permission(self, request, obj=None):
        if obj is None:
            return access.is_console_user(request.user)
        return access.can_view_lettings_log(request.user, obj)

    def has_add_permission(self, request):
        return access.can_add_lettings_log(request.user)

    def has_change_permission(self, request, obj=None):
        return access.can_change_lettings_log(request.user, obj)

    def has_delete_permission(self, request, obj=None):
        return False  # logs are soft-deleted with a reason, through the "Delete log" action

    def has_delete_log_permission(self, request, object_id=None):
        log = self._log(request, object_id)
        return access.can_delete_lettings_log(request.user, log) if log else access.can_delete_lettings_log(request.user)

    def has_restore_log_permission(self, request, object_id=None):
        log = self._log(request, object_id)
        return access.can_restore_lettings_log(request.user, log)

    def has_check_answers_permission(self, request, object_id=None):
        return access.is_console_user(request.user)

    def _log(self, request, object_id):
        return self.get_object(request, object_id) if object_id else None

    # --- the form, from the catalogue ------------------------------------------------------------

    def get_readonly_fields(self, request, obj=None):
        readonly = list(self.readonly_fields)
        if obj is not None and not self.has_change_permission(request, obj):
            readonly += [name for _, options in self.get_fieldsets(request, obj) for name in options["fields"]]
        if not (access.is_support(request.user) or access.is_coordinator(request.user)):
            readonly.append("assigned_to")
        return list(dict.fromkeys(readonly))

    def get_fieldsets(self, request, obj=None):
        return layout.fieldsets(self._catalogue(obj))

    def _catalogue(self, obj):
        return obj.form if obj is not None else LATEST_FORM

    def get_form(self, request, obj=None, change=False, **kwargs):
        catalogue = self._catalogue(obj)
        kwargs["form"] = log_form_class(LettingsLog, catalogue, lettings_log_evaluate)
        kwargs["fields"] = None
        form_class = super().get_form(request, obj, change=change, **kwargs)
        # The admin's form class shares field objects with the cached class: copy before limiting.
        form_class.base_fields = copy.deepcopy(form_class.base_fields)
        self._limit_choices(request, obj, form_class.base_fields, catalogue)
        return form_class

    def _limit_choices(self, request, obj, fields, catalogue):
        user = request.user
        owner = obj.owning_organisation if obj else None
        choices = {
            "owning_organisation": access.owning_organisation_choices(user),
            "managing_organisation": access.managing_organisation_choices(user, owner),
            "assigned_to": access.assignable_users(user, obj and obj.owning_organisation_id,
                                                   obj and obj.managing_organisation_id),
            "scheme": access.scheme_choices(user, obj and obj.owning_organisation_id),
            "location": Location.objects.filter(pk__in=[l.pk for l in obj.usable_locations()]) if obj and obj.scheme_id
            else Location.objects.none(),
        }
        for name, queryset in choices.items():
            if name in fields:
                current = getattr(obj, f"{name}_id", None) if obj else None
                model = queryset.model
                fields[name].queryset = (queryset | model.objects.filter(pk=current)).distinct() if current else queryset
        if "la" in fields:
            english = LocalAuthority.objects.valid_on(f"{catalogue.year}-04-01").filter(code__startswith="E").order_by("name")
            fields["la"].choices = [("", "Select an option")] + [(la.code, la.name) for la in english]
        if "prevloc" in fields and not catalogue.question("prevloc").options:
            every = LocalAuthority.objects.valid_on(f"{catalogue.year}-04-01").order_by("name")
            fields["prevloc"].choices = [("", "Select an option")] + [(la.code, la.name) for la in every]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        # Relations are plain choice lists, limited per request by domain.access (see
        # _limit_choices), without the admin's add/change/view buttons beside them.
        if db_field.is_relation:
            return db_field.formfield(required=False, widget=UnfoldAdminSelectWidget)
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        new = lettings_log_new(by=request.user)
        for name in ("owning_organisation", "managing_organisation", "assigned_to"):
            value = getattr(new, f"{name}_id")
            if value:
                initial.setdefault(name, value)
        return initial

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        log = context["adminform"].form.instance
        catalogue = self._catalogue(obj)
        context["core_conditions"] = json.dumps(layout.server_conditions(catalogue, log))
        return super().render_change_form(request, context, add, change, form_url, obj)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
            if not (access.is_support(request.user) or access.is_coordinator(request.user)):
                obj.assigned_to = request.user
        lettings_log_save(log=obj, by=request.user)

    def response_change(self, request, obj):
        self._message_outcome(request, obj)
        return super().response_change(request, obj)

    def response_add(self, request, obj, post_url_continue=None):
        self._message_outcome(request, obj)
        return super().response_add(request, obj, post_url_continue)

    def _message_outcome(self, request, obj):
        outcome = lettings_log_evaluate(obj)
        for check in outcome.unconfirmed_soft_checks:
            messages.warning(request, f"Please confirm: {check['message']}")

    # --- list columns ----------------------------------------------------------------------------

    @display(description="Log ID", ordering="id")
    def log_id(self, log):
        return f"Log {log.pk}"

    @display(description="Status", label=STATUS_COLOURS)
    def status_badge(self, log):
        return LogStatus(log.status).label

    @display(description="Sections")
    def status_summary(self, log):
        if not log or not log.pk:
            return "Answer the setup questions and save to see each section's progress."
        outcome = lettings_log_evaluate(log)
        url = reverse("admin:domain_lettingslog_answers", args=[log.pk])
        rows = format_html_join(
            "", '<li><a class="underline" href="{}#{}">{}</a>: <strong>{}</strong></li>',
            ((url, sub.id, sub.label, engine.SUBSECTION_STATUS_LABELS[outcome.subsections[sub.id]])
             for sub in outcome.form.subsections),
        )
        return format_html("<p>Log status: <strong>{}</strong></p><ul>{}</ul>",
                           LogStatus(log.status).label, rows)

    @display(description="Total charge")
    def tcharge_display(self, log):
        return f"£{log.tcharge}" if log and log.tcharge is not None else "-"

    # --- actions and views -----------------------------------------------------------------------

    @action(description="Check answers", icon="fact_check", permissions=["check_answers"])
    def check_answers(self, request, object_id):
        return redirect(reverse("admin:domain_lettingslog_answers", args=[object_id]))

    @action(description="Delete log", icon="delete", permissions=["delete_log"])
    def delete_log(self, request, object_id):
        log = self.get_object_or_404(request, object_id)
        if request.method == "POST":
            try:
                lettings_log_delete(log=log, by=request.user, reason=request.POST.get("reason", ""))
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            except PermissionDenied:
                raise
            else:
                messages.success(request, f"Log {log.pk} was deleted.")
                return redirect(reverse("admin:domain_lettingslog_changelist"))
        context = {**self.admin_site.each_context(request), "log": log, "opts": self.model._meta,
                   "title": f"Delete log {log.pk}"}
        return TemplateResponse(request, "admin_console/logs/delete.html", context)

    @action(description="Restore log", icon="restore_from_trash", permissions=["restore_log"])
    def restore_log(self, request, object_id):
        log = self.get_object_or_404(request, object_id)
        lettings_log_restore(log=log, by=request.user)
        messages.success(request, f"Log {log.pk} was restored.")
        return redirect(reverse("admin:domain_lettingslog_change", args=[log.pk]))

    def get_urls(self):
        custom = [path("<path:object_id>/answers/", self.admin_site.admin_view(self.check_answers_view),
                       name="domain_lettingslog_answers")]
        return custom + super().get_urls()

    def check_answers_view(self, request, object_id):
        log = self.get_object_or_404(request, object_id)
        if not self.has_view_permission(request, log):
            raise PermissionDenied
        outcome = lettings_log_evaluate(log)
        change_url = reverse("admin:domain_lettingslog_change", args=[log.pk])
        gate = engine.gate_open(outcome.form, log)
        sections = []
        for subsection in outcome.form.subsections:
            rows, seen = [], set()
            for page, question in subsection.questions:
                if question.field in seen or not engine.question_routed(subsection, page, question, log, gate):
                    continue
                seen.add(question.field)
                anchor = layout.form_field_name(question, question.columns[0])
                rows.append({"label": question.label, "answer": answer_display(question, log),
                             "link": f"{change_url}#id_{anchor}",
                             "missing": not engine.is_answered(question, log) and not engine.is_optional(question, log)})
            sections.append({"id": subsection.id, "label": subsection.label, "rows": rows,
                             "status": engine.SUBSECTION_STATUS_LABELS[outcome.subsections[subsection.id]]})
        context = {**self.admin_site.each_context(request), "log": log, "sections": sections, "opts": self.model._meta,
                   "title": f"Check your answers: log {log.pk}", "outcome": outcome,
                   "can_change": self.has_change_permission(request, log), "change_url": change_url}
        return TemplateResponse(request, "admin_console/logs/check_answers.html", context)
