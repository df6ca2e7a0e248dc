"""Duplicate lettings logs (rules spec §1.10): logs of one owning organisation with the same answers to the
questions that identify a letting are kept together in a duplicate set (`duplicate_set_id`) until someone
resolves the set, by deleting all but one log, or by changing a log so that it is no longer the same.

Sets are recomputed for a log every time it is saved (`lettings_log_save` calls `duplicates_refresh`).
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max, Q

from domain import access
from domain.models import LettingsLog, User
from domain.models.logs import VISIBLE_STATUSES

# Answers that must be equal (blank equals blank) for two logs to be duplicates. The 2026 form has no
# `sex1`, `chcharge` or `is_carehome`; those of them the log model lacks are left out.
MATCHED = ("owning_organisation_id", "tenancycode", "startdate", "age1_known", "age1", "sex1", "sexrab1", "ecstat1",
           "tcharge", "household_charge", "chcharge", "postcode_full", "address_line1", "uprn")
MATCHED_LABELS = {"tenancycode": "tenant code", "startdate": "tenancy start date", "age1": "lead tenant's age",
                  "sexrab1": "lead tenant's sex", "ecstat1": "lead tenant's working situation",
                  "tcharge": "total charge", "postcode_full": "postcode", "address_line1": "address",
                  "uprn": "UPRN"}


def _columns() -> set[str]:
    return {field.attname for field in LettingsLog._meta.concrete_fields}


def matched_fields() -> list[str]:
    columns = _columns()
    return [name for name in MATCHED if name in columns]


def _answered() -> Q:
    """The answers a log needs before it can be anybody's duplicate."""
    return (
        Q(startdate__isnull=False, ecstat1__isnull=False, needstype__isnull=False) & ~Q(sexrab1="")
        & (Q(age1__isnull=False) | Q(age1_known=1))
        & (Q(tcharge__isnull=False) | Q(household_charge=1))
    )


def duplicate_candidates(log: LettingsLog):
    """The other logs this log is a duplicate of (none if it lacks the identifying answers)."""
    live = LettingsLog.objects.filter(status__in=VISIBLE_STATUSES, discarded_at__isnull=True)
    if not log.pk or log.discarded_at or not live.filter(_answered(), pk=log.pk).exists():
        return LettingsLog.objects.none()
    same = {name: getattr(log, name) for name in matched_fields()}
    return live.filter(_answered(), **same).exclude(pk=log.pk).order_by("pk")


def duplicate_set_tidy(set_id: int | None) -> None:
    """A set left with a single log is no set."""
    if set_id is None:
        return
    remaining = LettingsLog.objects.filter(duplicate_set_id=set_id)
    if remaining.count() == 1:
        remaining.update(duplicate_set_id=None)


@transaction.atomic
def duplicates_refresh(*, log: LettingsLog) -> int | None:
    """Put the log in the right duplicate set (or none) after a save; returns its set id."""
    old = LettingsLog.objects.filter(pk=log.pk).values_list("duplicate_set_id", flat=True).first()
    candidates = list(duplicate_candidates(log).values_list("pk", "duplicate_set_id"))
    if not candidates:
        LettingsLog.objects.filter(pk=log.pk).update(duplicate_set_id=None)
        duplicate_set_tidy(old)
        log.duplicate_set_id = None
        return None
    members = {pk for pk, _ in candidates}
    in_old_set = set(LettingsLog.objects.filter(duplicate_set_id=old).exclude(pk=log.pk).values_list("pk", flat=True)) if old else set()
    new = old
    if old is None or in_old_set != members:
        new = next((set_id for _, set_id in candidates if set_id), None)
        if new is None:
            new = (LettingsLog.objects.aggregate(top=Max("duplicate_set_id"))["top"] or 0) + 1
        LettingsLog.objects.filter(pk__in=members | {log.pk}).update(duplicate_set_id=new)
        if old != new:
            duplicate_set_tidy(old)
    log.duplicate_set_id = new
    return new


def duplicate_set(*, set_id: int, by: User):
    """The logs of one set that the user may see (none if the user may not resolve duplicates)."""
    return access.duplicate_lettings_logs(by).filter(duplicate_set_id=set_id).order_by("pk")


@transaction.atomic
def duplicate_set_keep(*, set_id: int, keep: LettingsLog, by: User) -> list[int]:
    """Resolve a set by keeping one log and deleting the others, with the reason in their history."""
    from domain.services.lettings import lettings_log_delete

    logs = list(duplicate_set(set_id=set_id, by=by))
    if keep.pk not in {log.pk for log in logs}:
        raise ValidationError("Choose one of the logs in this set to keep.")
    if not all(access.can_resolve_duplicates(by, log) for log in logs):
        raise PermissionDenied("You cannot resolve these duplicate logs.")
    deleted = []
    for log in logs:
        if log.pk == keep.pk:
            continue
        log._change_reason = f"Deleted as a duplicate of log {keep.pk}"
        lettings_log_delete(log=log, by=by, reason=f"Duplicate of log {keep.pk}")
        deleted.append(log.pk)
    keep.duplicate_set_id = None
    keep.updated_by = by
    keep._change_reason = f"Kept as the only log of duplicate set {set_id}; deleted logs {', '.join(map(str, deleted))}"
    keep.save(update_fields=["duplicate_set_id", "updated_by", "updated_at"])
    return deleted


@transaction.atomic
def duplicate_log_not_duplicate(*, log: LettingsLog, by: User) -> None:
    """Take a log out of its set once it has been changed so that it is no longer the same as the others."""
    if not access.can_resolve_duplicates(by, log):
        raise PermissionDenied("You cannot resolve these duplicate logs.")
    others = list(duplicate_candidates(log).values_list("pk", flat=True))
    if others:
        names = ", ".join(MATCHED_LABELS[name] for name in matched_fields() if name in MATCHED_LABELS)
        raise ValidationError(
            f"Log {log.pk} still has the same answers as log {', '.join(map(str, others))}. Change at least one "
            f"of these answers first: {names}. Or, if it is the same letting, delete the logs you do not need.")
    old = log.duplicate_set_id
    log.duplicate_set_id = None
    log.updated_by = by
    log._change_reason = f"Marked as not a duplicate (was in duplicate set {old})"
    log.save(update_fields=["duplicate_set_id", "updated_by", "updated_at"])
    duplicate_set_tidy(old)
