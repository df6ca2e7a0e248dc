"""Authentication by email, and Django's permission API answered by domain.access.

`user.has_perm("domain.change_organisation", org)` and the admin's model-level checks give the same
answers as the ModelAdmin hooks, because both ask domain.access. django-guardian's backend, listed
after this one, adds explicit per-object grants.
"""

from django.contrib.auth.backends import AllowAllUsersModelBackend

from domain import access
from domain.models import Organisation, OrganisationRelationship, User
from domain.models.users import normalise_email


def _organisation_rule(user, action, obj):
    if action == "view":
        return access.can_view_organisation(user, obj) if obj else access.is_console_user(user)
    if action == "change":
        return access.can_change_organisation(user, obj)
    if action == "add":
        return access.can_add_organisation(user)
    return False  # organisations are deactivated or soft-deleted, never deleted


def _relationship_rule(user, action, obj):
    if action == "view":
        return access.is_console_user(user) if obj is None else (
            access.visible_relationships(user).filter(pk=obj.pk).exists()
        )
    if obj is None:
        return access.is_support(user) or access.is_coordinator(user)
    return any(
        access.can_manage_relationships(user, org) for org in (obj.stock_owner, obj.managing_agent)
    )


def _user_rule(user, action, obj):
    if action == "view":
        return access.can_view_user(user, obj) if obj else access.is_console_user(user)
    if action == "change":
        return access.can_change_user(user, obj)
    if action == "add":
        return access.can_add_user(user)
    return False  # users are deactivated, never deleted from the console


RULES = {
    Organisation._meta.model_name: _organisation_rule,
    OrganisationRelationship._meta.model_name: _relationship_rule,
    User._meta.model_name: _user_rule,
}
READ_ONLY_DOMAIN_MODELS = {"localauthority", "localauthoritylink", "rentrange", "salerange"}


class AccessBackend(AllowAllUsersModelBackend):
    """Signs in by email (any case), lets inactive users through to the login form so it can say
    why they cannot sign in, and answers permission questions from domain.access."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        username = normalise_email(username or kwargs.get(User.USERNAME_FIELD))
        return super().authenticate(request, username=username, password=password)

    def has_perm(self, user_obj, perm, obj=None):
        if not access.is_console_user(user_obj):
            return False
        app_label, _, codename = perm.partition(".")
        action, _, model_name = codename.partition("_")
        if app_label != "domain":
            return access.can_use_operations(user_obj)
        if model_name in READ_ONLY_DOMAIN_MODELS:
            return action == "view" and access.can_view_reference_data(user_obj)
        rule = RULES.get(model_name)
        return bool(rule and rule(user_obj, action, obj))

    def has_module_perms(self, user_obj, app_label):
        if app_label == "domain":
            return access.is_console_user(user_obj)
        return access.can_use_operations(user_obj)

    def get_all_permissions(self, user_obj, obj=None):
        return set()

    def get_user_permissions(self, user_obj, obj=None):
        return set()

    def get_group_permissions(self, user_obj, obj=None):
        return set()
