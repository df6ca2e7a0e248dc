"""Per-object grants (django-guardian): which a record may have, and who manages them.

A grant lets one user see (or change) one record outside their role's scope. Only the grants the
scopes read are offered (roles.granted_ids: organisations, schemes and users can be seen; an
organisation can also be changed). Support manages them; for everyone else the page does not exist.
"""

from __future__ import annotations

from django.db.models import Model, QuerySet

from .roles import is_support

# What the view scopes read, by model name: the only grants worth giving.
GRANTABLE = {
    "organisation": (("view", "See"), ("change", "See and change")),
    "scheme": (("view", "See"),),
    "user": (("view", "See"),),
}


def grant_choices(model: type[Model]) -> tuple[tuple[str, str], ...]:
    """(codename, what it lets the user do) for each grant a record of this model may have."""
    return GRANTABLE.get(model._meta.model_name, ())


def can_manage_grants(user, obj: Model | None = None) -> bool:
    return is_support(user) and (obj is None or bool(grant_choices(type(obj))))


def grantable_users(user) -> QuerySet:
    """Who support may give a grant to: any console user (support already sees everything)."""
    from domain.models import Role, User

    if not is_support(user):
        return User.objects.none()
    return User.objects.filter(is_active=True, discarded_at__isnull=True, role__isnull=False).exclude(
        role=Role.SUPPORT)
