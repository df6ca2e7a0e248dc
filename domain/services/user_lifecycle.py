"""A user's life after the invitation (spec §6.3, §6.4): sign-ins counted, invitations resent, moves to
another organisation with their logs, and soft deletion."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from domain import access, collection
from domain.models import (
    BulkUpload, DataProtectionConfirmation, LettingsLog, Organisation, OrganisationRelationship, Role, SalesLog,
    UploadStatus, User,
)
from domain.models.logs import LogStatus, VISIBLE_STATUSES
from domain.services.mail import send_email


def user_record_sign_in(*, user: User) -> None:
    """Count a successful sign-in (the export's sign_in_count)."""
    User.objects.filter(pk=user.pk).update(sign_in_count=F("sign_in_count") + 1)


def user_resend_invitation(*, user: User, by: User) -> None:
    """Send the invitation again to an active user who has never signed in."""
    from domain.services.users import user_send_invitation

    if not access.can_resend_invitation(by, user):
        raise PermissionDenied("Only customer support can resend an invitation, to a user who has not signed in.")
    user_send_invitation(user=user, reminder=True)


# --- deletion --------------------------------------------------------------------------------------


def user_deletion_refusal(user: User) -> str | None:
    """Why the user cannot be deleted yet, or None (spec §6.3)."""
    if user.is_active:
        return f"{user.name} is active. Deactivate them before deleting them."
    editable = collection.editable_start()
    open_logs = LettingsLog.objects.filter(assigned_to=user, discarded_at__isnull=True).filter(
        Q(startdate__gte=editable) | Q(startdate__isnull=True))
    if open_logs.exists():
        return (f"{user.name} has lettings logs from a collection year that is still open for editing. "
                "Assign those logs to someone else before deleting them.")
    if DataProtectionConfirmation.objects.filter(organisation_id=user.organisation_id, confirmed=True,
                                                 data_protection_officer=user).exists():
        return (f"{user.name} accepted {user.organisation.name}'s data sharing agreement as its data protection "
                "officer, so their record is kept.")
    return None


@transaction.atomic
def user_delete(*, user: User, by: User) -> User:
    """Soft-delete a deactivated user: they disappear from every list and their page is not found."""
    if not access.can_delete_user(by, user):
        raise PermissionDenied("Only customer support can delete users.")
    refusal = user_deletion_refusal(user)
    if refusal:
        raise ValidationError(refusal)
    user.discarded_at = timezone.now()
    user.save(update_fields=["discarded_at", "updated_at"])
    return user


# --- moving to another organisation ----------------------------------------------------------------

REASSIGN_ALL = "reassign_all"
REASSIGN_STOCK_OWNER = "reassign_stock_owner"
REASSIGN_MANAGING_AGENT = "reassign_managing_agent"
UNASSIGN = "unassign"
LOG_REASSIGNMENT_CHOICES = [
    (REASSIGN_ALL, "Yes, change the stock owner and the managing agent"),
    (REASSIGN_STOCK_OWNER, "Yes, change the stock owner but keep the managing agent the same"),
    (REASSIGN_MANAGING_AGENT, "Yes, change the managing agent but keep the stock owner the same"),
    (UNASSIGN, "No, unassign the logs"),
]
REASSIGNMENT_OUTCOMES = {
    REASSIGN_ALL: "moved with you to {to}: it is now their stock owner and managing agent",
    REASSIGN_STOCK_OWNER: "now have {to} as their stock owner, with the same managing agent",
    REASSIGN_MANAGING_AGENT: "now have {to} as their managing agent, with the same stock owner",
    UNASSIGN: "stayed with {from_} and are no longer assigned to you",
}


def assigned_logs(user: User) -> list:
    """The user's assigned logs that lists show (lettings and sales), as querysets."""
    return [model.objects.filter(assigned_to=user, discarded_at__isnull=True, status__in=VISIBLE_STATUSES)
            for model in (LettingsLog, SalesLog)]


def assigned_log_count(user: User) -> int:
    return sum(logs.count() for logs in assigned_logs(user))


@dataclass(frozen=True)
class MovePlan:
    user: User
    organisation: Organisation
    log_reassignment: str | None
    log_count: int


def user_move_check(*, user: User, organisation: Organisation | None, log_reassignment: str | None,
                    by: User) -> MovePlan:
    """What a move would do, or ValidationError by field (organisation, log_reassignment)."""
    if not access.can_move_user(by, user):
        raise PermissionDenied("Only customer support can move users to another organisation.")
    if organisation is None or not access.user_move_destinations(by, user).filter(pk=organisation.pk).exists():
        raise ValidationError({"organisation": "Choose an active organisation other than the user's own."})
    if user.role in (Role.SUPPORT, Role.STATISTICIAN) and organisation.name != settings.SUPPORT_ORGANISATION_NAME:
        raise ValidationError({"organisation": (
            f"{user.name} is a {Role(user.role).label.lower()} user, who must stay in "
            f"{settings.SUPPORT_ORGANISATION_NAME}. Change their role first.")})
    count = assigned_log_count(user)
    if count == 0:
        return MovePlan(user, organisation, None, 0)
    if log_reassignment not in dict(LOG_REASSIGNMENT_CHOICES):
        raise ValidationError({"log_reassignment": "Choose what happens to the logs assigned to this user."})
    if log_reassignment == REASSIGN_STOCK_OWNER:
        managers = _organisations_on_logs(user, "managing_organisation_id") - {organisation.pk}
        agents = set(OrganisationRelationship.objects.filter(stock_owner=organisation)
                     .values_list("managing_agent_id", flat=True))
        missing = managers - agents
        if missing:
            raise ValidationError({"log_reassignment": (
                f"{_names(missing)} {'is' if len(missing) == 1 else 'are'} not a managing agent of "
                f"{organisation.name}. Add {'it' if len(missing) == 1 else 'them'} as a managing agent first, "
                "or choose another option.")})
    if log_reassignment == REASSIGN_MANAGING_AGENT:
        owners = _organisations_on_logs(user, "owning_organisation_id") - {organisation.pk}
        stock_owners = set(OrganisationRelationship.objects.filter(managing_agent=organisation)
                           .values_list("stock_owner_id", flat=True))
        missing = owners - stock_owners
        if missing:
            raise ValidationError({"log_reassignment": (
                f"{_names(missing)} {'is' if len(missing) == 1 else 'are'} not a stock owner of "
                f"{organisation.name}. Add {'it' if len(missing) == 1 else 'them'} as a stock owner first, "
                "or choose another option.")})
    return MovePlan(user, organisation, log_reassignment, count)


def _organisations_on_logs(user, column) -> set[int]:
    ids = set()
    for logs in assigned_logs(user):
        ids |= set(logs.exclude(**{column: None}).values_list(column, flat=True).distinct())
    return ids


def _names(ids) -> str:
    return ", ".join(Organisation.objects.filter(pk__in=ids).order_by("name").values_list("name", flat=True))


def unassigned_placeholder(organisation: Organisation) -> User:
    """The organisation's inactive "Unassigned" user, created the first time it is needed."""
    placeholder = User.objects.filter(organisation=organisation, is_unassigned_placeholder=True).first()
    if placeholder is None:
        placeholder = User(email=f"unassigned.org{organisation.pk}@placeholder.invalid", name="Unassigned",
                           organisation=organisation, role=None, is_active=False, is_unassigned_placeholder=True)
        placeholder.set_unusable_password()
        placeholder.save()
    return placeholder


@transaction.atomic
def user_move(*, user: User, organisation: Organisation, log_reassignment: str | None, by: User) -> MovePlan:
    """Move the user to another organisation in one transaction, doing to their assigned logs what support
    chose; pending bulk uploads with logs assigned to them are cancelled; the user is emailed."""
    user = User.objects.select_for_update().get(pk=user.pk)
    plan = user_move_check(user=user, organisation=organisation, log_reassignment=log_reassignment, by=by)
    old = user.organisation
    updates = {
        REASSIGN_ALL: {"owning_organisation": organisation, "managing_organisation": organisation},
        REASSIGN_STOCK_OWNER: {"owning_organisation": organisation},
        REASSIGN_MANAGING_AGENT: {"managing_organisation": organisation},
    }.get(plan.log_reassignment)
    if plan.log_reassignment == UNASSIGN:
        updates = {"assigned_to": unassigned_placeholder(old)}
    if updates:
        for logs in assigned_logs(user):
            _update_with_history(list(logs), updates, by)
    pending = set()
    for model in (LettingsLog, SalesLog):
        pending |= set(model.objects.filter(assigned_to=user, status=LogStatus.PENDING)
                       .exclude(bulk_upload=None).values_list("bulk_upload_id", flat=True))
    BulkUpload.objects.filter(pk__in=pending).update(status=UploadStatus.CANCELLED_BY_MOVED_USER)
    user.organisation = organisation
    user.full_clean()
    user.save()
    transaction.on_commit(lambda: _email_moved(plan, old))
    return plan


def _update_with_history(logs, updates: dict, by: User) -> None:
    """Change a few columns of many logs, each change in the log's history with who made it."""
    from simple_history.utils import bulk_update_with_history

    if not logs:
        return
    now = timezone.now()
    for log in logs:
        for field, value in updates.items():
            setattr(log, field, value)
        log.updated_at = now
        log._history_user = by
    model = type(logs[0])
    bulk_update_with_history(logs, model, [*updates.keys(), "updated_at"], batch_size=2000,
                             default_user=by, default_change_reason="User moved to another organisation")


def _email_moved(plan: MovePlan, old: Organisation) -> None:
    if plan.log_count:
        outcome = REASSIGNMENT_OUTCOMES[plan.log_reassignment].format(to=plan.organisation.name, from_=old.name)
        logs_text = f"The {plan.log_count} log{'s' if plan.log_count != 1 else ''} assigned to you {outcome}."
    else:
        logs_text = "You had no logs assigned to you."
    send_email(
        to=plan.user.email, template="user_moved_organisation",
        subject="You have moved to another organisation on CORE",
        body=(f"Hello {plan.user.name},\n\nYou have been moved from {old.name} ({old.code}) to "
              f"{plan.organisation.name} ({plan.organisation.code}) on CORE.\n\n{logs_text}"),
        personalisation={"from_organisation": f"{old.name} ({old.code})",
                         "to_organisation": f"{plan.organisation.name} ({plan.organisation.code})",
                         "reassigned_logs_text": logs_text},
    )
