"""Giving and taking back per-object grants (django-guardian's UserObjectPermission rows)."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Model, QuerySet
from guardian.models import UserObjectPermission
from guardian.shortcuts import assign_perm

from domain import access
from domain.models import User


def object_grants(obj: Model) -> QuerySet:
    """The grants a record has, by user name."""
    return (UserObjectPermission.objects
            .filter(content_type=ContentType.objects.get_for_model(obj), object_pk=str(obj.pk))
            .select_related("user", "user__organisation", "permission").order_by("user__name", "permission__codename"))


def grant_add(*, obj: Model, user: User, codename: str, by: User) -> UserObjectPermission:
    if not access.can_manage_grants(by, obj):
        raise PermissionDenied
    if codename not in dict(access.grant_choices(type(obj))):
        raise ValidationError("Choose what the user may do with this record.")
    if not access.grantable_users(by).filter(pk=user.pk).exists():
        raise ValidationError("Choose an active user who is not in customer support.")
    return assign_perm(f"{codename}_{obj._meta.model_name}", user, obj)


def grant_remove(*, grant: UserObjectPermission, by: User) -> None:
    if not access.can_manage_grants(by, grant.content_object):
        raise PermissionDenied
    grant.delete()
