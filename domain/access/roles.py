"""Who a user is: the roles, and explicit per-object grants."""

from __future__ import annotations

from enum import StrEnum

from django.db.models import Model, QuerySet
from guardian.shortcuts import get_objects_for_user

from domain.models import Role

# --- who the user is ---------------------------------------------------------------------------


def is_console_user(user) -> bool:
    """An active, signed-in user with a role: the only people the console lets in."""
    return bool(
        user
        and user.is_authenticated
        and user.is_active
        and getattr(user, "role", None)
        and not getattr(user, "discarded_at", None)
    )


def is_support(user) -> bool:
    return is_console_user(user) and user.role == Role.SUPPORT


def is_statistician(user) -> bool:
    return is_console_user(user) and user.role == Role.STATISTICIAN


def is_coordinator(user) -> bool:
    return is_console_user(user) and user.role == Role.DATA_COORDINATOR


def sees_everything(user) -> bool:
    """Support and statisticians see every organisation's data; only support may change it."""
    return is_support(user) or is_statistician(user)


def granted_ids(user, codename: str, model: type[Model]) -> QuerySet:
    """Primary keys of objects explicitly granted to the user through django-guardian."""
    perm = f"{model._meta.app_label}.{codename}_{model._meta.model_name}"
    return get_objects_for_user(
        user, perm, klass=model, accept_global_perms=False, with_superuser=False
    ).values("pk")



# --- signing in and the home page --------------------------------------------------------------


def must_use_second_factor(user) -> bool:
    """Whether the user must pass a second factor at every sign-in even before enrolling one: support,
    who administer every organisation (anyone else is asked once they have enrolled)."""
    return is_support(user)


class HomePage(StrEnum):
    SUPPORT = "support"  # every organisation's logs by status, failed jobs, the last CDS export
    STATISTICIAN = "statistician"  # every organisation's logs by status, the statistics export
    COORDINATOR = "coordinator"  # their organisation's figures, logs by provider
    PROVIDER = "provider"  # their own figures


def home_page(user) -> HomePage | None:
    """Which home page (dashboard) the user gets, by role; None for someone the console does not let in."""
    if not is_console_user(user):
        return None
    if is_support(user):
        return HomePage.SUPPORT
    if is_statistician(user):
        return HomePage.STATISTICIAN
    if is_coordinator(user):
        return HomePage.COORDINATOR
    return HomePage.PROVIDER


# --- reference data and operations -------------------------------------------------------------


def can_view_reference_data(user) -> bool:
    return sees_everything(user)


def can_use_operations(user) -> bool:
    """Background jobs, login lockouts, history of other apps: support only."""
    return is_support(user)


def can_manage_notifications(user) -> bool:
    """Service notifications (banners) are written by support only."""
    return is_support(user)
