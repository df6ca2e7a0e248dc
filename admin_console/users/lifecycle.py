"""Support's user pages beyond the form: resend an invitation, move a user to another organisation
(choosing what happens to their logs, then confirming), and delete a deactivated user."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse

from domain import access
from domain.services.user_lifecycle import (
    LOG_REASSIGNMENT_CHOICES, REASSIGNMENT_OUTCOMES, assigned_log_count, user_delete, user_deletion_refusal,
    user_move, user_move_check, user_resend_invitation,
)


class MoveForm(forms.Form):
    organisation = forms.ModelChoiceField(queryset=None, label="New organisation",
                                          error_messages={"required": "Choose the organisation to move them to."})
    log_reassignment = forms.ChoiceField(
        choices=LOG_REASSIGNMENT_CHOICES, widget=forms.RadioSelect, required=False,
        label="Should the logs assigned to them move to the new organisation?")

    def __init__(self, *args, by, target, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = access.user_move_destinations(by, target).order_by("name")
        if not assigned_log_count(target):
            del self.fields["log_reassignment"]


def _user_url(user):
    return reverse("admin:domain_user_change", args=[user.pk])


def _context(model_admin, request, **extra):
    return {**model_admin.admin_site.each_context(request), "opts": model_admin.model._meta, **extra}


def move_view(model_admin, request, target):
    """GET: the choice; POST: checked, then a confirmation page; POST with confirm: the move."""
    if not access.can_move_user(request.user, target):
        raise PermissionDenied
    form = MoveForm(request.POST or None, by=request.user, target=target)
    log_count = assigned_log_count(target)
    if request.method == "POST" and form.is_valid():
        try:
            plan = user_move_check(user=target, organisation=form.cleaned_data["organisation"],
                                   log_reassignment=form.cleaned_data.get("log_reassignment"), by=request.user)
        except ValidationError as error:
            for field, errors in error.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            if request.POST.get("confirm") == "yes":
                user_move(user=target, organisation=plan.organisation, log_reassignment=plan.log_reassignment,
                          by=request.user)
                messages.success(request, f"{target.name} was moved to {plan.organisation.name}.")
                return redirect(_user_url(target))
            outcome = (REASSIGNMENT_OUTCOMES[plan.log_reassignment].format(
                to=plan.organisation.name, from_=target.organisation.name).replace("with you ", "")
                if plan.log_count else "")
            return TemplateResponse(request, "admin_console/users/move_confirm.html", _context(
                model_admin, request, title=f"Move {target.name} to {plan.organisation.name}?", target=target,
                plan=plan, outcome=outcome, form=form, cancel_url=_user_url(target)))
    return TemplateResponse(request, "admin_console/users/move.html", _context(
        model_admin, request, title=f"Move {target.name} to another organisation", target=target, form=form,
        log_count=log_count, cancel_url=_user_url(target)))


def resend_invitation_view(model_admin, request, target):
    if not access.can_resend_invitation(request.user, target):
        messages.error(request, f"{target.name} has already signed in or is not active: there is no invitation "
                                "to resend.")
        return redirect(_user_url(target))
    if request.method != "POST":
        return TemplateResponse(request, "admin_console/confirm.html", _context(
            model_admin, request, title=f"Resend the invitation to {target.name}?",
            explanation=f"{target.email} will be sent a new link to choose a password. It works for 24 hours.",
            button_label="Resend invitation", cancel_url=_user_url(target)))
    user_resend_invitation(user=target, by=request.user)
    messages.success(request, f"Invitation sent to {target.email}.")
    return redirect(_user_url(target))


def delete_view(model_admin, request, target):
    if not access.can_delete_user(request.user, target):
        raise PermissionDenied
    refusal = user_deletion_refusal(target)
    if refusal:
        messages.error(request, refusal)
        return redirect(_user_url(target))
    if request.method != "POST":
        return TemplateResponse(request, "admin_console/confirm.html", _context(
            model_admin, request, title=f"Delete {target.name}?",
            explanation=(f"{target.name} ({target.email}) will be removed from every list and their page will no "
                         "longer open. Their logs keep them as the person who created them. This cannot be undone "
                         "from the console."),
            button_label="Delete user", button_variant="danger", cancel_url=_user_url(target)))
    try:
        user_delete(user=target, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(_user_url(target))
    messages.success(request, f"{target.name} was deleted.")
    return redirect(reverse("admin:domain_user_changelist"))
