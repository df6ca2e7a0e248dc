"""Deactivate and reactivate pages for schemes and locations: a date, then (for a deactivation) a
confirmation step listing what it affects. The rules and the writes are in
domain.services.scheme_availability; these views only show them."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse

from admin_console.schemes.forms import AvailabilityForm
from domain import access
from domain.collection import today
from domain.services.scheme_availability import (
    deactivation_errors,
    deactivation_impact,
    is_deactivated_or_deactivating,
    outcome_message,
    reactivation_errors,
    resource_deactivate,
    resource_name,
    resource_reactivate,
)

DEACTIVATE, REACTIVATE = "deactivate", "reactivate"


def availability_actions_not_applicable(resource) -> set[str]:
    """The availability button that does not apply: a scheme or location with an open deactivation
    (already or soon deactivated) offers Reactivate only, any other Deactivate only; a deleted one neither."""
    if resource.discarded_at:
        return {DEACTIVATE, REACTIVATE}
    return {DEACTIVATE} if is_deactivated_or_deactivating(resource, today()) else {REACTIVATE}


def availability_view(model_admin, request, object_id, verb: str):
    resource = model_admin.get_object_or_404(request, object_id)
    scheme = getattr(resource, "scheme", resource)
    if not access.can_change_scheme_availability(request.user, scheme):
        raise PermissionDenied
    change_url = reverse(f"admin:domain_{resource._meta.model_name}_change", args=[resource.pk])
    form = AvailabilityForm(request.POST or None, verb=verb)
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": resource._meta,
        "resource": resource,
        "name": resource_name(resource),
        "verb": verb,
        "title": f"{verb.capitalize()} {resource_name(resource)}",
        "change_url": change_url,
        "form": form,
    }
    if request.method == "POST" and form.is_valid():
        day = form.cleaned_data["day"]
        rules = deactivation_errors if verb == DEACTIVATE else reactivation_errors
        errors = rules(resource, day)
        for message in errors:
            form.add_error("day" if form.cleaned_data.get("when") == form.OTHER else "when", message)
        if not errors:
            if verb == DEACTIVATE and not request.POST.get("confirm"):
                context.update(confirm=True, day=day, impact=deactivation_impact(resource, day))
                return TemplateResponse(request, "schemes/availability.html", context)
            return _apply(request, resource, day, verb, change_url)
    return TemplateResponse(request, "schemes/availability.html", context)


def _apply(request, resource, day, verb, change_url):
    try:
        if verb == DEACTIVATE:
            resource_deactivate(resource=resource, day=day, by=request.user)
        else:
            resource_reactivate(resource=resource, day=day, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, outcome_message(resource, day, verb))
    return redirect(change_url)
