"""What every log admin shares: data entry laid out from the form catalogue, lists, check answers,
soft delete and restore. Subclasses name the model and add what is particular to their log type."""

from __future__ import annotations

import json
from functools import partial, wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.contrib.admin.utils import unquote
from django.contrib.admin.views.main import ChangeList
from django.db.models import Prefetch
from django.urls import URLPattern, path, reverse
from django.utils.html import format_html, format_html_join
from unfold.decorators import action, display

from admin_console.base import ConsoleModelAdmin
from admin_console.compact_html import compact_html
from admin_console.logs import duplicates as duplicate_views
from admin_console.logs import filters, layout
from admin_console.logs.error_summary import error_summary
from admin_console.logs.forms import (
    RelationChoiceField, answer_display, field_to_change, form_name, log_form_class,
)
from admin_console.logs.history import log_changes
from admin_console.logs.widgets import ChoiceSelect, share_options
from admin_console.pagination import CappedCountPaginator
from domain import access
from domain.selectors.data_sharing import data_sharing_banner_for
from domain.forms import engine, registry
from domain.forms.catalogue import OUTPUT
from domain.models import LocalAuthority, OrganisationNameChange
from domain.models.logs import LogStatus
from domain.selectors.logs import logs_search
from domain.selectors.lookups import remembered_lookups
from domain.services.logs import log_delete, log_evaluate, log_keep_valid, log_new, log_restore, log_save

STATUS_COLOURS = {"Not started": "info", "In progress": "warning", "Completed": "success", "Deleted": "danger",
                  "Pending": "info"}
LEFT_OUT_KEY = "core_log_left_out"


def remembering_decisions(pattern):
    """A log page asks the same access questions for its scope check, each choice list and each action
    button, and its rules read the same reference rows: each is worked out once per request
    (domain.access.decisions_remembered, domain.selectors.lookups.remembered_lookups)."""
    if not isinstance(pattern, URLPattern):
        return pattern
    view = pattern.callback

    @wraps(view)
    def remembering(request, *args, **kwargs):
        with access.decisions_remembered(), remembered_lookups():
            return view(request, *args, **kwargs)

    return URLPattern(pattern.pattern, remembering, pattern.default_args, pattern.name)


def relation_column(field: str, description: str):
    """A list column naming a related organisation or user. Not sortable: sorting a million logs by a
    name in another table reads and sorts them all; the list's filters narrow by these instead."""

    @display(description=description)
    def column(model_admin, log):
        return getattr(log, field) or "-"

    return column


class LogChangeList(ChangeList):
    """Ties in a sorted list are broken by log ID in the sort's own direction (Django's default is always
    newest first), so one index on (column, id) serves the sort both ways."""

    def _get_deterministic_ordering(self, ordering):
        ordering = super()._get_deterministic_ordering(ordering)
        if len(ordering) > 1 and ordering[-1] == "-pk" and not _descending(ordering[0]):
            ordering[-1] = "pk"
        return ordering


def _descending(item) -> bool:
    return item.startswith("-") if isinstance(item, str) else getattr(item, "descending", False)


def latest_form(log_type: str):
    return registry.all_forms(log_type)[-1]


def answer_column(field: str, description: str):
    """A list column showing an answer by its label (a needs type as "General needs", not 1)."""

    @display(description=description, ordering=field)
    def column(model_admin, log):
        value = getattr(log, field)
        if value in (None, ""):
            return "-"
        label = _answer_labels(log.form, field).get(str(value))
        return label or (value.strftime("%-d %b %Y") if hasattr(value, "strftime") else value)

    return column


def _name_on_log_date(log, organisation) -> str:
    """An organisation as a log shows it: its name on the log's date (spec §3)."""
    if organisation is None:
        return "-"
    return organisation.label_on(getattr(log, "startdate", None) or getattr(log, "saledate", None))


_ANSWER_LABELS: dict[tuple[str, int, str], dict[str, str]] = {}


def _answer_labels(form, field: str) -> dict[str, str]:
    """A field's answer labels by code in a year's form, worked out once (a list page shows 20 logs, and
    finding a field's questions walks the whole form). Several pages may ask the field with their own
    answers (the type of a shared or discounted sale): the first page's label for a code wins."""
    key = (form.log_type, form.year, field)
    if key not in _ANSWER_LABELS:
        labels: dict[str, str] = {}
        for _, question in form.questions_for(field):
            for option in question.options:
                if option.label:
                    labels.setdefault(str(option.code), option.label)
        _ANSWER_LABELS[key] = labels
    return _ANSWER_LABELS[key]


def messages_once(errors: dict[str, list[str]], refused) -> dict[str, list[str]]:
    """Each message on one question: the first answer it names that the save left out (the one to change,
    a rent rather than the needs type, period or local authority it also reads), else the first it names."""
    fields_of: dict[str, list[str]] = {}
    for field, messages in errors.items():
        for message in messages:
            fields_of.setdefault(message, []).append(field)
    placed: dict[str, list[str]] = {}
    for message, fields in fields_of.items():
        placed.setdefault(next((f for f in fields if f in refused), fields[0]), []).append(message)
    return placed


class LogAdmin(ConsoleModelAdmin):
    """Subclasses set `log_type` and build `fieldsets` and `conditional_fields` once from
    `latest_form(log_type)` (unfold reads conditional_fields from the class)."""

    log_type = ""
    add_link_label = "Create a new log"
    search_fields = ["id"]  # the search itself is log_search_q; this turns the box on
    list_display_links = ["log_id"]
    list_select_related = ["owning_organisation", "managing_organisation", "assigned_to"]
    list_per_page = 20
    paginator = CappedCountPaginator
    ordering = ["-id"]
    readonly_fields = ["status_summary"]
    change_form_before_template = "admin_console/logs/conditions.html"
    change_form_template = "admin_console/logs/change_form.html"  # the questions drawn in Python
    list_before_template = "admin_console/logs/list_before.html"
    change_list_template = "admin_console/logs/change_list.html"  # the rows written in Python
    actions_detail = ["check_answers", "delete_log", "restore_log"]
    actions_list = ["review_duplicates"]
    radio_fields = {}
    compressed_fields = False  # each question above its answers, at full width (and a lighter page)
    related = ("owning_organisation", "managing_organisation", "assigned_to")

    def url(self, name: str, *args) -> str:
        opts = self.model._meta
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_{name}", args=args)

    def url_name(self, name: str) -> str:
        opts = self.model._meta
        return f"{opts.app_label}_{opts.model_name}_{name}"

    # --- scope and permissions (domain.access decides) -----------------------------------------

    related_for_rules: tuple[str, ...] = ()

    def get_changelist(self, request, **kwargs):
        return LogChangeList

    def get_queryset(self, request):
        url_name = request.resolver_match.url_name or ""
        include_deleted = filters.wants_deleted(request) or url_name.endswith(
            ("_change", "_restore_log", "_history", "_simple_history", "_answers"))
        logs = access.visible_logs(request.user, self.model, include_deleted=include_deleted).select_related(
            *self.related)
        if url_name.endswith("_changelist"):  # each row names its organisations as on the log's date
            names = OrganisationNameChange.objects.filter(discarded_at__isnull=True)
            logs = logs.prefetch_related(Prefetch("owning_organisation__name_changes", queryset=names),
                                         Prefetch("managing_organisation__name_changes", queryset=names))
        if url_name.endswith(("_change", "_answers")):
            # The rules read the assignee's organisation and the owners of the scheme and the location's scheme.
            logs = logs.select_related("assigned_to__organisation", *self.related_for_rules)
        return logs

    def get_search_results(self, request, queryset, search_term):
        return logs_search(queryset, search_term), False

    def has_view_permission(self, request, obj=None):
        if obj is None:
            return access.is_console_user(request.user)
        return access.can_view_log(request.user, obj)

    def has_add_permission(self, request):
        # "Create a new log" waits for the data sharing agreement (spec §5).
        return access.can_start_new_logs(request.user)

    def changelist_view(self, request, extra_context=None):
        extra_context = {**(extra_context or {}),
                         "data_sharing_banner": data_sharing_banner_for(request.user)}
        return super().changelist_view(request, extra_context)

    def has_change_permission(self, request, obj=None):
        return access.can_change_log(request.user, obj)

    # --- history: a readable diff of answers (admin_console/logs/history.py) -----------------------

    object_history_list_template = "admin_console/logs/history_list.html"

    def set_history_delta_changes(self, request, historical_records, foreign_keys_are_objs=True):
        pass  # the page compares versions by question instead (render_history_view)

    def render_history_view(self, request, template, context, **kwargs):
        page = context.get("page_obj")
        if page is not None:
            context["log_changes"] = log_changes(page.object_list)
        return super().render_history_view(request, template, context, **kwargs)

    def has_delete_permission(self, request, obj=None):
        return False  # logs are soft-deleted with a reason, through the "Delete log" action

    def has_delete_log_permission(self, request, object_id=None):
        log = self._log(request, object_id)
        return access.can_delete_log(request.user, log) if log else access.can_delete_log(request.user)

    def has_restore_log_permission(self, request, object_id=None):
        log = self._log(request, object_id)
        return access.can_restore_log(request.user, log)

    def has_check_answers_permission(self, request, object_id=None):
        return access.is_console_user(request.user)

    def _log(self, request, object_id):
        """The log as the action buttons' permissions see it: read once per request, apart from the copy
        a form may be changing."""
        if not object_id:
            return None
        read = request.__dict__.setdefault("_core_action_logs", {})
        key = (self.model, str(object_id))
        if key not in read:
            read[key] = self.get_object(request, object_id)
        return read[key]

    def get_object(self, request, object_id, from_field=None):
        # A page asks for its log several times (the scope check, the view, each action's permission): it
        # is read once per request. A GET shares that copy; a save gives each caller its own, as the form
        # changes the copy it is given and the permission checks must see the log as saved. Other POSTs
        # (actions that change the log, then read it again) read it afresh.
        saving = (request.resolver_match.url_name or "").endswith("_change") if request.resolver_match else False
        if request.method != "GET" and not saving:
            return super().get_object(request, object_id, from_field)
        read = request.__dict__.setdefault("_core_logs", {})
        key = (self.model, str(object_id), from_field)
        if key not in read:
            read[key] = super().get_object(request, object_id, from_field)
            access.read_in_scope(request.user, read[key])  # get_queryset is the user's visible logs
        log = read[key]
        return log if request.method == "GET" or log is None else log.copy()

    def evaluated(self, log):
        """The log's evaluation, made once per page: the form's soft check hints and the sections panel
        both read it."""
        outcome = log.__dict__.get("_console_outcome")
        if outcome is None:
            outcome = log._console_outcome = log_evaluate(log)
        return outcome

    # --- the form, from the catalogue ------------------------------------------------------------

    def get_readonly_fields(self, request, obj=None):
        readonly = list(self.readonly_fields) + layout.output_columns(self._catalogue(obj))
        if obj is not None and not self.has_change_permission(request, obj):
            readonly += [name for _, options in self.get_fieldsets(request, obj) for name in options["fields"]]
        if not access.can_choose_log_assignee(request.user):
            readonly.append("assigned_to")
        return list(dict.fromkeys(readonly))

    def get_fieldsets(self, request, obj=None):
        return layout.fieldsets(self._catalogue(obj), obj)

    def _catalogue(self, obj):
        return obj.form if obj is not None else latest_form(self.log_type)

    def get_form(self, request, obj=None, change=False, **kwargs):
        catalogue = self._catalogue(obj)
        kwargs["form"] = log_form_class(self.model, catalogue, log_keep_valid)
        # The catalogue's form decides the fields (the admin would list the fieldsets' names, which
        # include read-only displays); named, so the admin can also leave them all out for a view-only user.
        kwargs["fields"] = list(kwargs["form"]._meta.fields)
        form_class = super().get_form(request, obj, change=change, **kwargs)
        self._limit_choices(request, obj, form_class, catalogue)
        form_class.created_by = request.user  # a new log is the user's before it is evaluated
        return form_class

    def relation_choices(self, request, obj) -> dict:
        """The queryset each relation question may choose from, decided by domain.access."""
        user = request.user
        owner = obj.owning_organisation if obj else None
        return {
            "owning_organisation": access.owning_organisation_choices(user),
            "managing_organisation": access.managing_organisation_choices(user, owner),
            "assigned_to": access.assignable_users(user, obj and obj.owning_organisation_id,
                                                   obj and obj.managing_organisation_id),
        }

    def _limit_choices(self, request, obj, form_class, catalogue):
        fields = form_class.base_fields
        for name, queryset in self.relation_choices(request, obj).items():
            if name in fields:
                current = getattr(obj, f"{name}_id", None) if obj else None
                model = queryset.model
                field = field_to_change(form_class, name)
                field.queryset = (queryset | model.objects.filter(pk=current)).distinct() if current else queryset
                field.current = getattr(obj, name) if current else None
        prevloc_listed = "prevloc" in fields and not catalogue.questions_for("prevloc")[0][1].options
        if "la" in fields or prevloc_listed:  # one read serves both lists
            every = list(LocalAuthority.objects.valid_on(f"{catalogue.year}-04-01").order_by("name")
                         .values_list("code", "name"))
            if "la" in fields:
                field_to_change(form_class, "la").choices = (
                    [("", "Select an option")] + [(c, n) for c, n in every if c.startswith("E")])
            if prevloc_listed:
                field_to_change(form_class, "prevloc").choices = [("", "Select an option")] + every
                if "la" in fields:  # the English ones, already on the page: sent once
                    share_options(fields["la"], "id_prevloc", "E")

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        # Relations are plain choice lists, limited per request by domain.access (see
        # _limit_choices), without the admin's add/change/view buttons beside them.
        if db_field.is_relation:
            return db_field.formfield(required=False, widget=ChoiceSelect, form_class=RelationChoiceField)
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        new = log_new(self.model, by=request.user)
        for name in ("owning_organisation", "managing_organisation", "assigned_to"):
            value = getattr(new, f"{name}_id")
            if value:
                initial.setdefault(name, value)
        return initial

    def change_view(self, request, object_id, form_url="", extra_context=None):
        # Someone who may see the log but not change it (a statistician, support on a deleted log, anyone
        # on a log of a closed year) reads it on the read-only review page; a POST from them is refused
        # by the admin before anything is bound.
        if request.method == "GET":
            log = self.get_object(request, unquote(object_id))
            if log is not None and self.has_view_permission(request, log) and not self.has_change_permission(request, log):
                return self.review_response(request, log)
        # A log is started from the list, not by "Save and add another" (Django's wording).
        extra_context = {**(extra_context or {}), "show_save_and_add_another": False}
        return super().change_view(request, object_id, form_url, extra_context)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        form = context["adminform"].form
        log = form.instance
        catalogue = self._catalogue(obj)
        context["core_conditions"] = json.dumps(layout.server_conditions(catalogue, log))
        context["core_tab_conditions"] = json.dumps(layout.tab_conditions(
            self.get_fieldsets(request, obj), self.conditional_fields))
        # Read the session only when a save left something out, so an ordinary GET does not write it back.
        left_out = (request.session.pop(LEFT_OUT_KEY) if request.method == "GET" and obj and LEFT_OUT_KEY in request.session
                    else None)
        if left_out and left_out.get("log") == obj.pk:
            form.show_left_out(left_out["errors"], left_out["entered"])
        outcome = getattr(form, "outcome", None)
        if outcome is not None:
            log._console_outcome = outcome
        outcome = self.evaluated(log)
        for check in outcome.soft_checks:
            name = check.get("confirm_field")
            if name in form.fields:
                form.fields[name].help_text = check["message"]
        context["error_summary"] = error_summary(form)
        response = super().render_change_form(request, context, add, change, form_url, obj)
        response.add_post_render_callback(compact_html)
        return response

    def save_model(self, request, obj, form, change):
        # The form has just evaluated the log, leaving out refused answers: the save does not repeat it.
        request.core_outcome = log_save(log=obj, by=request.user, outcome=form.outcome)
        refused = getattr(form.outcome, "refused", [])
        # Everything typed that was not saved is shown again, the answers the rule named and the others it
        # refused with them (the other charges beside a refused rent).
        typed = [form_name(name) for name in (*form.left_out, *refused)]
        request.core_left_out = {
            "log": obj.pk, "errors": messages_once(form.left_out, refused),
            "entered": {name: form.data.get(name, "") for name in dict.fromkeys(typed) if name in form.data},
            "refused": list(refused),
        }

    def response_change(self, request, obj):
        if self._message_outcome(request, obj):
            return redirect(self.url("change", obj.pk))
        return super().response_change(request, obj)

    def response_add(self, request, obj, post_url_continue=None):
        if self._message_outcome(request, obj):
            return redirect(self.url("change", obj.pk))
        return super().response_add(request, obj, post_url_continue)

    def _message_outcome(self, request, obj) -> bool:
        """Say what was not saved and which soft checks wait for a confirmation; True if something was
        left out (the person then goes back to the log to put it right)."""
        left_out = getattr(request, "core_left_out", None)
        if left_out and left_out["errors"]:
            request.session[LEFT_OUT_KEY] = left_out
            messages.error(request, f"Log {obj.pk} was saved, but not the answers marked below, because they "
                                    "break a rule. Correct them and save again.")
        outcome = getattr(request, "core_outcome", None) or log_evaluate(obj)
        refused = set(left_out["errors"]) | set(left_out.get("refused", ())) if left_out else set()
        for check in outcome.unconfirmed_soft_checks:
            if refused & set(check["fields"]):
                continue  # about a saved answer the person is changing (a stale "confirm £130" beside "£2,000.01")
            messages.warning(request, f"Please confirm: {check['message']}")
        self.message_after_save(request, obj)
        return bool(left_out and left_out["errors"])

    def message_after_save(self, request, obj) -> None:
        if obj.duplicate_set_id and access.can_resolve_duplicates(request.user, obj):
            messages.warning(request, format_html(
                'This log has the same answers as another log. <a class="underline" href="{}">Review the '
                "duplicate logs</a>.", self.url("duplicates", obj.duplicate_set_id)))

    def has_review_duplicates_permission(self, request):
        return access.can_resolve_duplicates(request.user)

    @action(description="Duplicate logs", icon="content_copy", permissions=["review_duplicates"])
    def review_duplicates(self, request):
        return redirect(self.url("duplicates_list"))

    # --- list columns ----------------------------------------------------------------------------

    # Not sortable: sorting a million logs by a name in another table reads and sorts them all; the
    # list's filters narrow by these instead.
    @display(description="Organisation")
    def organisations(self, log):
        """The owning organisation, and the managing one below it when another manages the letting (one
        column, so that the list fits a 1440-pixel screen)."""
        owner = _name_on_log_date(log, log.owning_organisation)
        if log.managing_organisation_id in (None, log.owning_organisation_id):
            return owner
        return format_html('{}<br><span class="text-xs">Managed by {}</span>', owner,
                           _name_on_log_date(log, log.managing_organisation))

    assigned = relation_column("assigned_to", "Assigned to")

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
        outcome = self.evaluated(log)
        url = self.url("answers", log.pk)
        rows = format_html_join(
            "", '<li><a class="underline" href="{}#{}">{}</a>: <strong>{}</strong></li>',
            ((url, sub.id, sub.label, engine.SUBSECTION_STATUS_LABELS[outcome.subsections[sub.id]])
             for sub in outcome.form.subsections if sub.id in outcome.subsections),
        )
        return format_html("<p>Log status: <strong>{}</strong></p><ul>{}</ul>",
                           LogStatus(log.status).label, rows)

    # --- actions and views -----------------------------------------------------------------------

    @action(description="Check answers", icon="fact_check", permissions=["check_answers"])
    def check_answers(self, request, object_id):
        return redirect(self.url("answers", object_id))

    @action(description="Delete log", icon="delete", permissions=["delete_log"])
    def delete_log(self, request, object_id):
        log = self.get_object_or_404(request, object_id)
        if request.method == "POST":
            try:
                log_delete(log=log, by=request.user, reason=request.POST.get("reason", ""))
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            except PermissionDenied:
                raise
            else:
                messages.success(request, f"Log {log.pk} was deleted.")
                return redirect(self.url("changelist"))
        context = {**self.admin_site.each_context(request), "log": log, "opts": self.model._meta,
                   "title": f"Delete log {log.pk}"}
        return TemplateResponse(request, "admin_console/logs/delete.html", context)

    @action(description="Restore log", icon="restore_from_trash", permissions=["restore_log"])
    def restore_log(self, request, object_id):
        # A link opens the confirmation page; only its form (a POST with the CSRF token) restores.
        log = self.get_object_or_404(request, object_id)
        if request.method == "POST":
            log_restore(log=log, by=request.user)
            messages.success(request, f"Log {log.pk} was restored.")
            return redirect(self.url("change", log.pk))
        context = {**self.admin_site.each_context(request), "log": log, "opts": self.model._meta,
                   "title": f"Restore log {log.pk}", "cancel_url": self.url("change", log.pk)}
        return TemplateResponse(request, "admin_console/logs/restore.html", context)

    def get_urls(self):
        view = self.admin_site.admin_view
        custom = [
            path("duplicates/", view(partial(duplicate_views.duplicates_view, self)),
                 name=self.url_name("duplicates_list")),
            path("duplicates/<int:set_id>/", view(partial(duplicate_views.duplicate_set_view, self)),
                 name=self.url_name("duplicates")),
            path("<path:object_id>/answers/", view(self.check_answers_view), name=self.url_name("answers")),
        ]
        return [remembering_decisions(pattern) for pattern in custom + super().get_urls()]

    def check_answers_view(self, request, object_id):
        log = self.get_object_or_404(request, object_id)
        if not self.has_view_permission(request, log):
            raise PermissionDenied
        return self.review_response(request, log)

    def review_response(self, request, log):
        """Every answer of the log by its label, subsection by subsection: "check your answers" for those
        who may change the log, and the read-only page (saying why) for those who may only view it."""
        outcome = log_evaluate(log)
        change_url = self.url("change", log.pk)
        gate = engine.gate_open(outcome.form, log)
        sections = []
        for subsection in outcome.form.subsections:
            if subsection.id not in outcome.subsections:
                continue  # not in this log's task list
            rows, seen = [], set()
            for page, question in subsection.questions:
                if question.field in seen or not engine.question_routed(subsection, page, question, log, gate):
                    continue
                seen.add(question.field)
                anchor = layout.form_field_name(question, question.columns[0])
                rows.append({"field": question.field, "label": question.label,
                             "answer": answer_display(question, log),
                             # a value the service works out (a total) is changed through its parts
                             "link": "" if question.type == OUTPUT else f"{change_url}#id_{anchor}",
                             "missing": not engine.is_answered(question, log) and not engine.is_optional(question, log)})
            sections.append({"id": subsection.id, "label": subsection.label, "rows": rows,
                             "status": engine.SUBSECTION_STATUS_LABELS[outcome.subsections[subsection.id]]})
        can_change = self.has_change_permission(request, log)
        context = {**self.admin_site.each_context(request), "log": log, "sections": sections, "opts": self.model._meta,
                   "title": f"Check your answers: log {log.pk}" if can_change else f"Log {log.pk}",
                   "outcome": outcome, "can_change": can_change, "change_url": change_url,
                   "read_only_reason": access.log_read_only_reason(request.user, log),
                   "restore_url": self.url("restore_log", log.pk) if access.can_restore_log(request.user, log) else "",
                   "history_url": self.url("history", log.pk)}
        return TemplateResponse(request, "admin_console/logs/check_answers.html", context)
