"""Deleting a scheme (with its locations) or a location: customer support only, after a confirmation."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse

from domain import access
from domain.models import Scheme
from domain.services.schemes import deletion_blocker, resource_delete


def delete_view(model_admin, request, object_id):
    resource = model_admin.get_object_or_404(request, object_id)
    if not access.can_delete_schemes(request.user):
        raise PermissionDenied
    name = resource.service_name if isinstance(resource, Scheme) else resource.postcode or f"location {resource.pk}"
    change_url = reverse(f"admin:domain_{resource._meta.model_name}_change", args=[resource.pk])
    problem = deletion_blocker(resource)
    if problem:
        messages.error(request, f"{name} cannot be deleted. {problem}")
        return redirect(change_url)
    if request.method == "POST":
        try:
            resource_delete(resource=resource, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(change_url)
        messages.success(request, f"{name} has been deleted.")
        return redirect(reverse(f"admin:domain_{resource._meta.model_name}_changelist"))
    also = " and all its locations" if isinstance(resource, Scheme) else ""
    context = {
        **model_admin.admin_site.each_context(request), "opts": resource._meta, "title": f"Delete {name}",
        "explanation": f"{name}{also} will no longer be listed or offered on logs. The history keeps a record.",
        "button_label": "Delete", "button_variant": "danger", "cancel_url": change_url,
    }
    return TemplateResponse(request, "admin_console/confirm.html", context)
