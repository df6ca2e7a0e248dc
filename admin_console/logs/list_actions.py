"""Actions on the logs selected in a filtered list (issue 13): delete and reassign, each with a
confirmation page that says how many logs it will change and which it cannot, and why. Approving
selected logs is in review.py. Decisions are domain.access's; changes domain.services.log_lists'."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.template.response import TemplateResponse
from unfold.decorators import action

from domain import access
from domain.services import log_lists

ACTIONS = ["delete_selected_logs", "reassign_selected"]
REFUSED_SHOWN = 200


class ReassignForm(forms.Form):
    to = forms.ModelChoiceField(queryset=None, label="Assign to", empty_label="Choose a user")

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to"].queryset = access.reassignment_choices(user).order_by("name")


NOT_FILTERS = {"p", "o", "all", "_changelist_filters"}  # paging and ordering do not narrow a list


class ListActionsMixin:
    def get_actions(self, request):
        actions = super().get_actions(request)
        filtered = any(value for key, value in request.GET.items() if key not in NOT_FILTERS)
        if access.bulk_delete_needs_filter(request.user) and not filtered:
            actions.pop("delete_selected_logs", None)
        return actions

    def has_bulk_delete_permission(self, request):
        return access.can_bulk_delete_logs(request.user)

    def has_reassign_permission(self, request):
        return access.can_reassign_logs(request.user)

    def _confirmation(self, request, *, title, template, outcome, **extra):
        return TemplateResponse(request, template, {
            **self.admin_site.each_context(request), "opts": self.model._meta, "title": title,
            "count": len(outcome.done), "refused": outcome.refused[:REFUSED_SHOWN],
            "refused_count": len(outcome.refused),
            "selected": request.POST.getlist("_selected_action"),
            "select_across": request.POST.get("select_across", "0"),
            "action_name": request.POST.get("action", ""), "form_url": request.get_full_path(), **extra,
        })

    def _report(self, request, outcome, verb: str) -> None:
        if outcome.done:
            messages.success(request, f"{len(outcome.done)} log(s) {verb}.")
        if outcome.refused:
            messages.warning(request, f"{len(outcome.refused)} log(s) were not {verb}: "
                             + "; ".join(f"log {pk}: {why}" for pk, why in outcome.refused[:20])
                             + (" …" if len(outcome.refused) > 20 else ""))

    @action(description="Delete selected logs", icon="delete", permissions=["bulk_delete"])
    def delete_selected_logs(self, request, queryset):
        reason = request.POST.get("reason", "")
        if request.POST.get("confirm") == "yes":
            try:
                outcome = log_lists.logs_delete_many(logs=queryset, by=request.user, reason=reason)
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                self._report(request, outcome, "deleted")
                return None
        outcome = log_lists.logs_delete_preview(logs=queryset, by=request.user)
        return self._confirmation(request, title="Delete logs", template="admin_console/logs/delete_selected.html",
                                  outcome=outcome, reason=reason)

    @action(description="Reassign selected logs", icon="person", permissions=["reassign"])
    def reassign_selected(self, request, queryset):
        form = ReassignForm(request.POST if "to" in request.POST else None, user=request.user)
        outcome = None
        if form.is_bound and form.is_valid():
            to = form.cleaned_data["to"]
            if request.POST.get("confirm") == "yes":
                outcome = log_lists.logs_reassign_many(logs=queryset, by=request.user, to=to)
                self._report(request, outcome, f"reassigned to {to.name}")
                return None
            outcome = log_lists.logs_reassign_preview(logs=queryset, by=request.user, to=to)
        return self._confirmation(
            request, title="Reassign logs", template="admin_console/logs/reassign_selected.html",
            outcome=outcome or log_lists.ListOutcome(), form=form, chosen=bool(outcome),
            selected_count=queryset.count())
