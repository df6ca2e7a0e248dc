"""Reviewing logs in the console (issue 13): a log's review page (state, queries and their threads),
approving one log or many, returning a log, and showing open queries next to their questions on the
form and on check answers. Every decision is domain.access's; every change is domain.services.reviews'.

Wired into the log admins as a mixin placed before LogAdmin.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.html import format_html
from unfold.decorators import action

from admin_console.logs.forms import field_to_change
from admin_console.logs.layout import form_field_name
from admin_console.logs.review_filters import review_badge
from domain import access
from domain.forms import engine
from domain.models.reviews import WHOLE_LOG, ReviewState
from domain.services import reviews

ACTIONS_DETAIL = ["review_log", "approve_log", "return_log"]
REFUSED_SHOWN = 200  # a bulk confirmation lists at most this many logs that cannot be approved


class ReviewAdminMixin:
    """Review pages, actions and hints for a LogAdmin."""

    change_form_before_template = "admin_console/logs/review_before_form.html"
    actions = ["approve_selected"]
    review_badge = review_badge

    # --- permissions (domain.access decides) ---------------------------------------------------

    def has_review_log_permission(self, request, object_id=None):
        log = self._log(request, object_id)
        return access.can_see_queries(request.user, log) if log else access.is_console_user(request.user)

    def has_approve_log_permission(self, request, object_id=None):
        log = self._log(request, object_id)
        return access.can_review_log(request.user, log)

    def has_approve_permission(self, request):
        return access.can_review_log(request.user)

    # --- actions --------------------------------------------------------------------------------

    @action(description="Review and queries", icon="rate_review", permissions=["review_log"])
    def review_log(self, request, object_id):
        return redirect(self.url("review", object_id))

    @action(description="Approve log", icon="task_alt", permissions=["approve_log"])
    def approve_log(self, request, object_id):
        log = self.get_object_or_404(request, object_id)
        if request.method == "POST":
            try:
                reviews.review_approve(log=log, user=request.user)
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
                return redirect(self.url("review", log.pk))
            messages.success(request, f"Log {log.pk} was approved.")
            return redirect(self.url("review", log.pk))
        blocker = reviews.approval_blocker(log, request.user)
        context = {**self.admin_site.each_context(request), "opts": self.model._meta, "log": log,
                   "title": f"Approve log {log.pk}", "blocker": blocker,
                   "review_url": self.url("review", log.pk)}
        return TemplateResponse(request, "admin_console/logs/approve_log.html", context)

    @action(description="Return log", icon="assignment_return", permissions=["approve_log"])
    def return_log(self, request, object_id):
        """Returning is opening a query (on one question or the log as a whole) on the review page."""
        return redirect(self.url("review", object_id) + "#id_query_text")

    @action(description="Approve selected logs", icon="task_alt", permissions=["approve"])
    def approve_selected(self, request, queryset):
        """A confirmation first (how many, and which cannot be approved and why); the approval itself when
        that page is sent back."""
        if request.POST.get("confirm") == "yes":
            result = reviews.review_approve_many(logs=queryset, user=request.user)
            if result.approved:
                messages.success(request, f"{len(result.approved)} log(s) approved.")
            if result.refused:
                messages.warning(request, f"{len(result.refused)} log(s) could not be approved: "
                                          + "; ".join(f"log {pk}: {why}" for pk, why in result.refused[:20])
                                          + (" …" if len(result.refused) > 20 else ""))
            return None  # back to the list, with its filters
        preview = reviews.approval_preview(logs=queryset, user=request.user)
        context = {
            **self.admin_site.each_context(request), "opts": self.model._meta,
            "title": "Approve logs", "approvable": len(preview.approved),
            "refused": preview.refused[:REFUSED_SHOWN], "refused_count": len(preview.refused),
            "selected": request.POST.getlist("_selected_action"),
            "select_across": request.POST.get("select_across", "0"),
            "action_name": request.POST.get("action", "approve_selected"),
            "form_url": request.get_full_path(),
        }
        return TemplateResponse(request, "admin_console/logs/approve_selected.html", context)

    # --- the review page ----------------------------------------------------------------------

    def get_urls(self):
        view = self.admin_site.admin_view
        custom = [
            path("<path:object_id>/review/", view(self.review_view), name=self.url_name("review")),
            path("<path:object_id>/review/query/", view(self.query_open_view),
                 name=self.url_name("review_query_open")),
            path("<path:object_id>/review/query/<int:query_id>/<str:step>/",
                 view(self.query_step_view), name=self.url_name("review_query")),
        ]
        return custom + super().get_urls()

    def review_view(self, request, object_id):
        log = self.get_object_or_404(request, object_id)
        if not access.can_see_queries(request.user, log):
            raise Http404("Not found.")
        user = request.user
        asked = reviews.asked_fields(log)
        queries = [self._query_row(request, log, query, asked) for query in reviews.log_queries(log)]
        can_review = access.can_review_log(user, log)
        context = {
            **self.admin_site.each_context(request), "opts": self.model._meta, "log": log,
            "title": f"Review: log {log.pk}", "state": log.get_review_state_display(),
            "queries": queries, "can_review": can_review,
            "blocker": reviews.approval_blocker(log, user) if can_review else None,
            "questions": self._question_choices(log) if can_review else [],
            "approve_url": self.url("approve_log", log.pk), "answers_url": self.url("answers", log.pk),
            "change_url": self.url("change", log.pk), "open_url": self.url("review_query_open", log.pk),
            "history_url": self.url("history", log.pk),
        }
        return TemplateResponse(request, "admin_console/logs/review.html", context)

    def _query_row(self, request, log, query, asked):
        user = request.user
        step_url = lambda step: self.url("review_query", log.pk, query.pk, step)  # noqa: E731
        return {
            "query": query, "label": reviews.question_label(log, query.field),
            "still_asked": reviews.query_still_asked(query, asked),
            "link": self._question_link(log, query.field),
            "can_reply": query.is_open and access.can_reply_to_query(user, query),
            "can_resolve": access.can_resolve_query(user, query),
            "reply_url": step_url("reply"), "resolve_url": step_url("resolve"), "reopen_url": step_url("reopen"),
        }

    def _question_link(self, log, field: str) -> str:
        if field == WHOLE_LOG or not log.form.questions_for(field):
            return self.url("change", log.pk)
        question = log.form.questions_for(field)[0][1]
        return f"{self.url('change', log.pk)}#id_{form_field_name(question, question.columns[0])}"

    def _question_choices(self, log) -> list[tuple[str, str]]:
        """The questions this log is asked now, in form order, by their wording."""
        seen, choices = set(), [(WHOLE_LOG, "The log as a whole")]
        for _, _, question in engine.shown_questions(log.form, log):
            if question.field not in seen:
                seen.add(question.field)
                choices.append((question.field, question.label))
        return choices

    def query_open_view(self, request, object_id):
        log = self.get_object_or_404(request, object_id)
        if request.method != "POST":  # the forms are on the review page
            return redirect(self.url("review", log.pk))
        try:
            reviews.review_query_open(log=log, field=request.POST.get("field", ""), user=request.user,
                                      text=request.POST.get("text", ""))
        except PermissionDenied:
            raise Http404("Not found.")
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, f"Query opened. Log {log.pk} is returned to {self._assignee(log)}.")
        return redirect(self.url("review", log.pk))

    def query_step_view(self, request, object_id, query_id, step):
        log = self.get_object_or_404(request, object_id)
        query = reviews.log_queries(log).filter(pk=query_id).first()
        if query is None or step not in ("reply", "resolve", "reopen"):
            raise Http404("Not found.")
        if request.method != "POST":  # the forms are on the review page
            return redirect(self.url("review", log.pk))
        text = request.POST.get("text", "")
        try:
            if step == "reply":
                reviews.review_query_reply(query=query, user=request.user, text=text)
                done = "Reply added."
            elif step == "resolve":
                reviews.review_query_resolve(query=query, user=request.user, text=text)
                done = "Query resolved."
            else:
                reviews.review_query_reopen(query=query, user=request.user, text=text)
                done = "Query opened again."
        except PermissionDenied:
            raise Http404("Not found.")
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, done)
        return redirect(self.url("review", log.pk))

    @staticmethod
    def _assignee(log) -> str:
        return log.assigned_to.name if log.assigned_to_id else "its organisation"

    # --- hints on the form and on check answers ------------------------------------------------

    def open_queries(self, request, log) -> list:
        """The log's open queries with their comments, read once per request (hints and summary share them)."""
        read = request.__dict__.setdefault("_core_open_queries", {})
        key = (type(log), log.pk)
        if key not in read:
            read[key] = list(reviews.log_queries(log).filter(status="open"))
        return read[key]

    def open_query_hints(self, request, log) -> dict[str, list[str]]:
        """Open queries by field: the latest comment of each, for showing beside its question."""
        hints: dict[str, list[str]] = {}
        for query in self.open_queries(request, log):
            comments = list(query.comments.all())
            latest = comments[-1] if comments else None
            text = f"{latest.author.name if latest and latest.author else 'Reviewer'}: {latest.text}" if latest else ""
            hints.setdefault(query.field, []).append(text)
        return hints

    def get_form(self, request, obj=None, change=False, **kwargs):
        form_class = super().get_form(request, obj, change=change, **kwargs)
        if obj is not None and obj.pk:
            for field, texts in self.open_query_hints(request, obj).items():
                for _, question in obj.form.questions_for(field)[:1]:
                    name = form_field_name(question, question.columns[0])
                    if name in form_class.base_fields:
                        field_to_change(form_class, name).help_text = format_html(
                            '<span data-testid="open-query"><strong class="text-red-600">Open query</strong> {}</span>',
                            " / ".join(texts))
        return form_class

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and obj.pk:
            context["review"] = self._review_summary(request, obj)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def _review_summary(self, request, log) -> dict:
        open_count = len(self.open_queries(request, log))
        can_review = access.can_review_log(request.user, log)
        approvable = can_review and reviews.approval_blocker(log, request.user, open_count=open_count) is None
        return {
            "state": log.get_review_state_display(), "open_count": open_count, "can_review": can_review,
            "approved": log.review_state == ReviewState.APPROVED,
            "review_url": self.url("review", log.pk),
            "approve_url": self.url("approve_log", log.pk) if approvable else "",
        }

    def check_answers_view(self, request, object_id):
        response = super().check_answers_view(request, object_id)
        context = getattr(response, "context_data", None)
        if context and context.get("log") is not None:
            log = context["log"]
            hints = self.open_query_hints(request, log)
            for section in context["sections"]:
                for row in section["rows"]:
                    row["queries"] = hints.get(row.get("field", ""), [])
            context["review"] = self._review_summary(request, log)
            context["review"]["whole_log"] = hints.get(WHOLE_LOG, [])
        return response

