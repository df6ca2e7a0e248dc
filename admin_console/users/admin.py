"""Users: coordinators manage their organisation's users; support manage everyone's."""

from typing import Callable, NamedTuple

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from unfold.decorators import action, display

from admin_console.base import ConsoleModelAdmin
from admin_console.downloads.links import DownloadLinkMixin
from admin_console.users import lifecycle
from admin_console.users.forms import UserForm, UserInviteForm
from domain import access
from domain.models import Role, User, UserStatus
from domain.services.data_sharing import data_sharing_agreement_request
from domain.selectors.users import users_search
from domain.services.user_email import user_email_change_request
from domain.services.users import user_deactivate, user_invite, user_reactivate

STATUS_COLOURS = {
    UserStatus.ACTIVE.label: "success",
    UserStatus.UNCONFIRMED.label: "warning",
    UserStatus.DEACTIVATED.label: "info",
    UserStatus.DELETED.label: "danger",
}


class OrganisationFilter(admin.RelatedFieldListFilter):
    """Only offered to those who see more than one organisation."""

    def field_choices(self, field, request, model_admin):
        return [(o.pk, o.name) for o in access.visible_organisations(request.user).only("pk", "name")]


@admin.register(User)
class UserAdmin(DownloadLinkMixin, ConsoleModelAdmin):
    form = UserForm
    add_form = UserInviteForm
    list_display = ["name", "email", "organisation", "role", "responsibilities", "last_login", "sign_in_count",
                    "status_badge"]
    search_fields = ["name", "email"]
    list_filter = ["role", "is_active", "is_dpo", "is_key_contact", ("organisation", OrganisationFilter)]
    list_select_related = ["organisation"]
    ordering = ["organisation__name", "-role", "name"]
    list_per_page = 20
    fieldsets = [
        ("Personal details", {"fields": ["name", "email", "pending_email_change", "phone", "phone_extension"]}),
        ("Organisation and role", {"fields": ["organisation", "role", "is_dpo", "is_key_contact"]}),
        ("Status", {"fields": ["is_active", "last_login", "sign_in_count"]}),
    ]
    add_fieldsets = [
        ("Personal details", {"fields": ["name", "email", "phone", "phone_extension"]}),
        ("Organisation and role", {"fields": ["organisation", "role", "is_dpo", "is_key_contact"]}),
    ]
    actions_detail = ["deactivate", "reactivate", "resend_invitation", "move_organisation", "delete_user"]
    download_kind = "users"

    def get_queryset(self, request):
        return access.visible_users(request.user).select_related("organisation")

    def get_form(self, request, obj=None, **kwargs):
        if obj is None:
            kwargs["form"] = self.add_form
        return super().get_form(request, obj, **kwargs)

    def get_fieldsets(self, request, obj=None):
        if obj is None:
            return self.add_fieldsets
        if obj.pending_email:
            return self.fieldsets
        # The pending change is shown only while there is one.
        return [
            (title, {**options, "fields": [f for f in options["fields"] if f != "pending_email_change"]})
            for title, options in self.fieldsets
        ]

    def _declared_form_fields(self, request, obj):
        fieldsets = self.add_fieldsets if obj is None else self.fieldsets
        return [field for _, options in fieldsets for field in options["fields"]]

    def editable_fields(self, request, obj=None):
        return access.user_editable_fields(request.user, obj)

    def get_readonly_fields(self, request, obj=None):
        return (*super().get_readonly_fields(request, obj), "last_login", "sign_in_count", "pending_email_change")

    def get_search_results(self, request, queryset, search_term):
        return users_search(queryset, search_term), False  # the same search as the list's download

    def get_list_filter(self, request):
        if access.sees_everything(request.user):
            return self.list_filter
        return [f for f in self.list_filter if not isinstance(f, tuple)]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "organisation":
            kwargs["queryset"] = access.user_organisation_choices(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        if db_field.name == "role":
            allowed = set(access.grantable_roles(request.user))
            kwargs["choices"] = [("", "No role (data protection officer only)")] + [
                (role.value, role.label) for role in Role if role.value in allowed
            ]
        return super().formfield_for_choice_field(db_field, request, **kwargs)

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        initial.setdefault("organisation", request.user.organisation_id)
        initial.setdefault("role", Role.DATA_PROVIDER)
        return initial

    def has_view_permission(self, request, obj=None):
        if obj is None:
            return access.is_console_user(request.user)
        return access.can_view_user(request.user, obj)

    def has_change_permission(self, request, obj=None):
        return access.can_change_user(request.user, obj)

    def has_add_permission(self, request):
        return access.can_add_user(request.user)

    def has_delete_permission(self, request, obj=None):
        return False  # deactivate instead: logs keep who created and completed them

    def save_model(self, request, obj, form, change):
        if change:
            if obj.role is not None and "role" in form.changed_data:
                if obj.role not in access.grantable_roles(request.user):
                    raise PermissionDenied("You cannot give this role.")
            # A new address only takes effect once confirmed from the link sent to it.
            new_email, obj.email = obj.email, form.initial["email"]
            obj.save()
            if "is_dpo" in form.changed_data and obj.is_dpo:
                transaction.on_commit(lambda: data_sharing_agreement_request(user=obj))
            if "email" in form.changed_data:
                self._request_email_change(request, obj, new_email)
        else:
            user_invite(user=obj, by=request.user)

    def _request_email_change(self, request, user, new_email):
        try:
            requested = user_email_change_request(user=user, new_email=new_email, by=request.user)
        except ValidationError as error:
            # The form checked the address; this is someone taking it between that check and now.
            messages.error(request, f"The email address was not changed. {' '.join(error.messages)}")
            return
        if requested:
            messages.info(
                request,
                f"We have sent a link to {new_email} to confirm it, and told {user.email}. The email address "
                f"changes when the link is followed (within 24 hours); until then {user.name} signs in with {user.email}.",
            )

    def response_add(self, request, obj, post_url_continue=None):
        messages.info(request, f"Invitation sent to {obj.email}.")
        return super().response_add(request, obj, post_url_continue)

    @display(description="Email change waiting for confirmation")
    def pending_email_change(self, user):
        asked = timezone.localtime(user.pending_email_requested_at).strftime("%-d %B %Y at %H:%M")
        return (
            f"{user.pending_email}: a confirmation link was sent to it on {asked}. The address changes when the "
            f"link is followed; until then {user.name} signs in with {user.email}."
        )

    @display(description="Responsibilities")
    def responsibilities(self, user):
        tags = [label for flag, label in ((user.is_dpo, "Data protection officer"), (user.is_key_contact, "Key contact")) if flag]
        return ", ".join(tags) or "-"

    @display(description="Status", label=STATUS_COLOURS)
    def status_badge(self, user):
        return UserStatus(user.status).label

    def has_change_status_permission(self, request, object_id=None):
        if object_id is None:
            return access.can_add_user(request.user)
        target = self.get_object(request, object_id)
        return target is not None and access.can_change_user_status(request.user, target)

    def has_support_lifecycle_permission(self, request, object_id=None):
        return access.can_manage_user_lifecycle(request.user)

    @action(description="Resend invitation", icon="forward_to_inbox", permissions=["support_lifecycle"])
    def resend_invitation(self, request, object_id):
        return lifecycle.resend_invitation_view(self, request, self.get_object_or_404(request, object_id))

    @action(description="Move to another organisation", icon="move_up", permissions=["support_lifecycle"])
    def move_organisation(self, request, object_id):
        return lifecycle.move_view(self, request, self.get_object_or_404(request, object_id))

    @action(description="Delete user", icon="delete", permissions=["support_lifecycle"])
    def delete_user(self, request, object_id):
        return lifecycle.delete_view(self, request, self.get_object_or_404(request, object_id))

    @action(description="Deactivate user", icon="person_off", permissions=["change_status"])
    def deactivate(self, request, object_id):
        return self._change_status(request, object_id, STATUS_CHANGES["deactivate"])

    @action(description="Reactivate user", icon="person_check", permissions=["change_status"])
    def reactivate(self, request, object_id):
        return self._change_status(request, object_id, STATUS_CHANGES["reactivate"])

    def _change_status(self, request, object_id, change):
        """GET shows what will happen; only a POST (with its CSRF token) changes anything."""
        target = self.get_object_or_404(request, object_id)
        change_url = reverse("admin:domain_user_change", args=[target.pk])
        if request.method != "POST":
            context = {
                **self.admin_site.each_context(request), "opts": self.model._meta,
                "title": f"{change.title} {target.name}?", "explanation": change.explanation.format(user=target),
                "button_label": change.title, "button_variant": change.variant, "cancel_url": change_url,
            }
            return TemplateResponse(request, "admin_console/confirm.html", context)
        try:
            change.service(user=target, by=request.user)
        except (ValidationError, PermissionDenied) as error:
            messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
        else:
            messages.success(request, f"{target.name} was {change.done}.")
        return redirect(change_url)


class StatusChange(NamedTuple):
    title: str
    explanation: str
    done: str
    variant: str
    service: Callable


STATUS_CHANGES = {
    "deactivate": StatusChange(
        "Deactivate", "{user.name} ({user.email}) will no longer be able to sign in. Their logs keep them as "
        "the person who created or completed them. You can reactivate them later.",
        "deactivated", "danger", user_deactivate,
    ),
    "reactivate": StatusChange(
        "Reactivate", "{user.name} ({user.email}) will be sent an invitation to choose a new password, "
        "and can sign in again once they have.",
        "reactivated and sent an invitation", "primary", user_reactivate,
    ),
}
