"""Deleting and reassigning many logs at once, from a filtered list (issue 13). Each log is checked on
its own through domain.access; what may be done is done in one transaction and the rest is reported
with the reason. Approving many logs is `domain.services.reviews.review_approve_many`."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from domain import access
from domain.models import User
from domain.services.logs import log_delete
from domain.models.history import copy_to_history


@dataclass
class ListOutcome:
    done: list[int] = field(default_factory=list)
    refused: list[tuple[int, str]] = field(default_factory=list)  # (log id, why)


def _sorted(logs: QuerySet, blocker) -> ListOutcome:
    outcome = ListOutcome()
    for log in logs.select_related("owning_organisation", "managing_organisation").order_by("pk"):
        problem = blocker(log)
        if problem:
            outcome.refused.append((log.pk, problem))
        else:
            outcome.done.append(log.pk)
    return outcome


def logs_delete_preview(*, logs: QuerySet, by: User) -> ListOutcome:
    """Which of these logs the user may delete, and why not for the others (nothing changes)."""
    return _sorted(logs, lambda log: access.bulk_deletion_blocker(by, log))


@transaction.atomic
def logs_delete_many(*, logs: QuerySet, by: User, reason: str) -> ListOutcome:
    """Delete (softly, with the reason in each log's history) every log the user may delete."""
    if not access.can_bulk_delete_logs(by):
        raise PermissionDenied("Only data coordinators and support can delete logs from a list.")
    if not (reason or "").strip():
        raise ValidationError("Say why the logs are being deleted.")
    locked = logs.model.objects.select_for_update(of=("self",)).filter(pk__in=logs.values("pk"))
    outcome = logs_delete_preview(logs=locked, by=by)
    for log in locked.filter(pk__in=outcome.done).order_by("pk"):
        log_delete(log=log, by=by, reason=reason)
    return outcome


def logs_reassign_preview(*, logs: QuerySet, by: User, to: User) -> ListOutcome:
    return _sorted(logs, lambda log: access.reassignment_blocker(by, log, to))


@transaction.atomic
def logs_reassign_many(*, logs: QuerySet, by: User, to: User) -> ListOutcome:
    """Give every log the user may change to another user of its organisation. Who a log is assigned to is
    not one of its answers, so an approved log stays approved; each log's history records the change."""
    if not access.can_reassign_logs(by):
        raise PermissionDenied("Only data coordinators and support can reassign logs.")
    locked = logs.model.objects.select_for_update(of=("self",)).filter(pk__in=logs.values("pk"))
    outcome = logs_reassign_preview(logs=locked, by=by, to=to)
    if outcome.done:
        changed = logs.model.objects.filter(pk__in=outcome.done)
        now = timezone.now()
        changed.update(assigned_to=to, updated_by=by, updated_at=now)
        copy_to_history(changed, history_type="~", user=by, reason=f"Reassigned to {to.name}"[:100], when=now)
    return outcome
