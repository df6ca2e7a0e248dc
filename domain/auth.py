"""Authentication by email, and Django's permission API answered by domain.access.

`user.has_perm("domain.change_organisation", org)` and the admin's model-level checks give the same
answers as the ModelAdmin hooks, because both ask domain.access. django-guardian's backend, listed
after this one, adds explicit per-object grants.
"""

from django.contrib.auth.backends import AllowAllUsersModelBackend

from domain import access
from domain.models import (
    LettingsLog,
    Location,
    LocationDeactivationPeriod,
    Organisation,
    OrganisationRelationship,
    SalesLog,
    Scheme,
    SchemeDeactivationPeriod,
    User,
)
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
        return access.can_add_relationships(user)
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


def _scheme_rule(user, action, obj):
    if action == "view":
        return access.can_view_scheme(user, obj) if obj else access.can_see_schemes_menu(user)
    if action == "change":
        return access.can_change_scheme(user, obj)
    if action == "add":
        return access.can_add_scheme(user)
    return False  # schemes are soft-deleted by support through a service, never deleted outright


def _location_rule(user, action, obj):
    if action == "view":
        return access.can_view_location(user, obj) if obj else access.can_see_schemes_menu(user)
    if action in ("change", "add"):
        return access.can_change_location(user, obj)
    return False


def _log_rule(user, action, obj):
    """Lettings and sales logs, as the log admin answers: deleting is the "Delete log" action with a
    reason (a soft delete), never the admin's own delete."""
    if action == "view":
        return access.can_view_log(user, obj) if obj else access.is_console_user(user)
    if action == "change":
        return access.can_change_log(user, obj)
    if action == "add":
        return access.can_add_log(user)
    return False


def _deactivation_period_rule(user, action, obj):
    """Periods belong to their scheme or location: seen with it, changed only through its
    deactivate and reactivate actions."""
    if action != "view":
        return False
    if obj is None:
        return access.can_see_schemes_menu(user)
    resource = getattr(obj, "scheme", None) or obj.location
    return _scheme_rule(user, "view", resource) if isinstance(resource, Scheme) else _location_rule(user, "view", resource)


RULES = {
    Scheme._meta.model_name: _scheme_rule,
    Location._meta.model_name: _location_rule,
    SchemeDeactivationPeriod._meta.model_name: _deactivation_period_rule,
    LocationDeactivationPeriod._meta.model_name: _deactivation_period_rule,
    Organisation._meta.model_name: _organisation_rule,
    OrganisationRelationship._meta.model_name: _relationship_rule,
    User._meta.model_name: _user_rule,
    LettingsLog._meta.model_name: _log_rule,
    SalesLog._meta.model_name: _log_rule,
}
READ_ONLY_DOMAIN_MODELS = {"localauthority", "localauthoritylink", "rentrange", "salerange"}


def axes_username(request, credentials=None) -> str:
    """The account django-axes counts failed sign-ins against: the email as the login reads it
    (trimmed, lower-case), so no spelling of one address escapes or resets its lockout."""
    raw = credentials.get("username") if credentials else None
    if raw is None and request is not None:
        raw = getattr(request, "POST", {}).get("username")
    return normalise_email(raw)


class AccessBackend(AllowAllUsersModelBackend):
    """Signs in by email (any case), lets inactive users through to the login form so it can say
    why they cannot sign in, and answers permission questions from domain.access."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        username = normalise_email(username or kwargs.get(User.USERNAME_FIELD))
        return super().authenticate(request, username=username, password=password)

    def get_user(self, user_id):
        # Every page reads the signed-in user's organisation (scope, menus, access rules) and asks whether
        # they have enrolled a second factor: both are read with the user.
        from domain.services.second_factor import ENROLLED_WHEN_READ, enrolled_expression

        user = (User._default_manager.select_related("organisation")
                .annotate(**{ENROLLED_WHEN_READ: enrolled_expression()}).filter(pk=user_id).first())
        return user if user is not None and self.user_can_authenticate(user) else None

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
