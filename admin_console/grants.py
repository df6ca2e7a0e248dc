"""The page where support gives one user access to one record outside their role's scope, and takes
it back: find the user by name or email, choose "See" or "See and change", and remove a grant after
a second look. Replaces django-guardian's own screens. domain.access decides who may use it (support
only; for everyone else, and for records that take no grants, the page does not exist) and which
grants a record may have; domain/services/grants.py writes them."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse

from domain import access
from domain.services.grants import grant_add, grant_remove, object_grants

SEARCH_LIMIT = 20


class ObjectGrantsMixin:
    """Adds `<object_pk>/permissions/` to a ModelAdmin (put after ScopedObjectUrlsMixin)."""

    def get_urls(self):
        info = self.model._meta.app_label, self.model._meta.model_name
        grants = path("<path:object_pk>/permissions/", self.admin_site.admin_view(self.grants_view),
                      name="%s_%s_permissions" % info)
        return [grants, *super().get_urls()] if access.grant_choices(self.model) else super().get_urls()

    def grants_url(self, obj) -> str:
        opts = self.model._meta
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_permissions", args=[obj.pk])

    def grants_view(self, request, object_pk):
        obj = self.get_object(request, unquote(object_pk))
        if obj is None or not access.can_manage_grants(request.user, obj):
            raise Http404("Not found.")
        grants = object_grants(obj)
        url = self.grants_url(obj)
        if request.method == "POST":
            try:
                if "remove" in request.POST:
                    grant = grants.filter(pk=_number(request.POST["remove"])).first()
                    if grant is None:
                        raise ValidationError("That access has already been removed.")
                    grant_remove(grant=grant, by=request.user)
                    messages.success(request, f"{grant.user.name} no longer has {_what(grant)} access.")
                else:
                    user = access.grantable_users(request.user).filter(pk=_number(request.POST.get("user"))).first()
                    if user is None:
                        raise ValidationError("Choose a user to give access to.")
                    codename = request.POST.get("access", "")
                    grant = grant_add(obj=obj, user=user, codename=codename, by=request.user)
                    messages.success(request, f"{user.name} now has {_what(grant)} access to {obj}.")
            except (ValidationError, PermissionDenied) as error:
                messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
            return redirect(url)
        if "remove" in request.GET:
            grant = grants.filter(pk=_number(request.GET["remove"])).first()
            if grant is None:
                raise Http404("No such access.")
            return TemplateResponse(request, "admin_console/confirm.html", {
                **self.admin_site.each_context(request), "opts": self.model._meta,
                "title": f"Remove {grant.user.name}'s access to {obj}?",
                "explanation": (f"{grant.user.name} ({grant.user.email}) will no longer {_verb(grant)} {obj} "
                                "unless their role lets them."),
                "hidden": {"remove": grant.pk}, "button_label": "Remove access", "button_variant": "danger",
                "cancel_url": url})
        term = request.GET.get("q", "").strip()
        found = []
        if term:
            found = (access.grantable_users(request.user)
                     .filter(Q(name__icontains=term) | Q(email__icontains=term))
                     .select_related("organisation").order_by("name")[:SEARCH_LIMIT])
        opts = self.model._meta
        context = {
            **self.admin_site.each_context(request), "opts": opts, "original": obj,
            "title": f"Access to {obj} for other users",
            "change_url": reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk]),
            "grants": [{"grant": grant, "what": _what(grant).capitalize(), "remove_url": f"{url}?remove={grant.pk}"}
                       for grant in grants],
            "term": term, "found": found, "choices": access.grant_choices(self.model),
        }
        return TemplateResponse(request, "admin_console/grants.html", context)


def _number(value) -> int | None:
    value = str(value or "").strip()
    return int(value) if value.isdigit() else None


def _what(grant) -> str:
    codename = grant.permission.codename.split("_", 1)[0]
    labels = dict(access.grant_choices(grant.content_type.model_class()))
    return labels.get(codename, codename).lower()


def _verb(grant) -> str:
    return "be able to see and change" if grant.permission.codename.startswith("change") else "be able to see"
