"""Users: who may see, invite, change and deactivate whom."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from domain.models import Organisation, Role, User
from .roles import *  # noqa: F403

USER_SELF_FIELDS = ("name", "email", "phone", "phone_extension")
# Active or not is changed only through the deactivate and reactivate pages (user_deactivate and
# user_reactivate do the bookkeeping: emails, pending email changes), never a checkbox on the form.
USER_COORDINATOR_FIELDS = USER_SELF_FIELDS + ("role", "is_dpo", "is_key_contact")
USER_SUPPORT_FIELDS = USER_COORDINATOR_FIELDS + ("organisation",)

# --- users -------------------------------------------------------------------------------------


def visible_users(user) -> QuerySet[User]:
    live = User.objects.filter(discarded_at__isnull=True)
    if not is_console_user(user):
        return live.none()
    if sees_everything(user):
        return live
    return live.filter(
        Q(organisation_id=user.organisation_id) | Q(pk=user.pk) | Q(pk__in=granted_ids(user, "view", User))
    )


def can_view_user(user, target: User) -> bool:
    return visible_users(user).filter(pk=target.pk).exists()


def changeable_users(user) -> QuerySet[User]:
    """Users whose details this user may edit: support anyone; a coordinator their organisation's
    active users and themself; anyone else only themself."""
    live = User.objects.filter(discarded_at__isnull=True)
    if is_support(user):
        return live
    if is_coordinator(user):
        return live.filter(Q(organisation_id=user.organisation_id, is_active=True) | Q(pk=user.pk))
    if is_console_user(user):
        return live.filter(pk=user.pk)
    return live.none()


def can_change_user(user, target: User | None = None) -> bool:
    if target is None:
        return is_console_user(user) and not is_statistician(user)
    return changeable_users(user).filter(pk=target.pk).exists()


def can_add_user(user) -> bool:
    return is_support(user) or is_coordinator(user)


def user_editable_fields(user, target: User | None) -> tuple[str, ...]:
    if target is None:
        # Inviting: the organisation choice is limited by user_organisation_choices.
        return USER_SUPPORT_FIELDS if can_add_user(user) else ()
    if not can_change_user(user, target):
        return ()
    if is_support(user):
        # Moving a user to another organisation has its own page (what happens to their logs).
        fields = USER_COORDINATOR_FIELDS
    elif is_coordinator(user):
        fields = USER_COORDINATOR_FIELDS
    else:
        fields = USER_SELF_FIELDS
    return fields


def grantable_roles(user) -> list[int]:
    """Roles this user may give: support any; a coordinator provider or coordinator."""
    if is_support(user):
        return [role.value for role in Role]
    if is_coordinator(user):
        return [Role.DATA_PROVIDER, Role.DATA_COORDINATOR]
    return []


def user_organisation_choices(user) -> QuerySet[Organisation]:
    """Organisations a user may be added to: support any active, unmerged one; a coordinator their own."""
    live = Organisation.objects.filter(discarded_at__isnull=True, active=True, merge_date__isnull=True)
    if is_support(user):
        return live
    if is_coordinator(user):
        return live.filter(pk=user.organisation_id)
    return live.none()


def can_change_user_status(user, target: User) -> bool:
    """Deactivate or reactivate: support anyone but themself; a coordinator their organisation's
    users but themself, while the organisation is active."""
    if target.pk == user.pk or target.discarded_at:
        return False
    if is_support(user):
        return True
    return (
        is_coordinator(user)
        and target.organisation_id == user.organisation_id
        and target.organisation.active
    )


# --- the user lifecycle (spec §6.3, §6.4) ---------------------------------------------------------


def can_manage_user_lifecycle(user) -> bool:
    """Whether the user may resend invitations, move users to another organisation and delete users at
    all: support only. Each action also checks its target (below)."""
    return is_support(user)


def can_resend_invitation(user, target: User) -> bool:
    """Support resend the invitation of an active user who has never signed in."""
    return (can_manage_user_lifecycle(user) and target.is_active and not target.discarded_at
            and target.last_login is None)


def can_move_user(user, target: User) -> bool:
    """Support move users (not themselves) to another organisation."""
    return can_manage_user_lifecycle(user) and target.pk != user.pk and not target.discarded_at


def can_delete_user(user, target: User) -> bool:
    """Support soft-delete users (the conditions are in user_deletion_refusal)."""
    return can_manage_user_lifecycle(user) and target.pk != user.pk and not target.discarded_at


def user_move_destinations(user, target: User) -> QuerySet[Organisation]:
    """Active organisations a user may be moved to: any but their own."""
    if not can_move_user(user, target):
        return Organisation.objects.none()
    return (Organisation.objects.filter(discarded_at__isnull=True, active=True)
            .exclude(pk=target.organisation_id))
