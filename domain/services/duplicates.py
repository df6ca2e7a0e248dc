"""Duplicate logs (lettings rules spec §1.10, sales rules spec §6.3): logs of one owning organisation with
the same answers to the questions that identify a letting or a sale are kept together in a duplicate set
(`duplicate_set_id`) until someone resolves the set, by deleting all but one log, or by changing a log so
that it is no longer the same.

Sets are recomputed for a log every time it is saved (the log pipeline calls `duplicates_refresh`).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max, Q

from domain import access
from domain.models import User
from domain.models.logs import VISIBLE_STATUSES, LogBase


@dataclass(frozen=True)
class DuplicateRule:
    matched: tuple[str, ...]  # answers that must be equal (blank equals blank)
    labels: dict[str, str]  # how to name them when asking someone to change one
    answered: Q  # what a log needs before it can be anybody's duplicate
    thing: str  # "letting" or "sale"


RULES = {
    # The 2026 lettings form has no `sex1`, `chcharge` or `is_carehome`: those the model lacks are left out.
    "lettings": DuplicateRule(
        matched=("owning_organisation_id", "tenancycode", "startdate", "age1_known", "age1", "sex1", "sexrab1",
                 "ecstat1", "tcharge", "household_charge", "chcharge", "postcode_full", "address_line1", "uprn"),
        labels={"tenancycode": "tenant code", "startdate": "tenancy start date", "age1": "lead tenant's age",
                "sexrab1": "lead tenant's sex", "ecstat1": "lead tenant's working situation",
                "tcharge": "total charge", "postcode_full": "postcode", "address_line1": "address", "uprn": "UPRN"},
        answered=(Q(startdate__isnull=False, ecstat1__isnull=False, needstype__isnull=False) & ~Q(sexrab1="")
                  & (Q(age1__isnull=False) | Q(age1_known=1)) & (Q(tcharge__isnull=False) | Q(household_charge=1))),
        thing="letting",
    ),
    "sales": DuplicateRule(
        matched=("owning_organisation_id", "purchid", "saledate", "age1_known", "age1", "sexrab1", "ecstat1",
                 "postcode_full", "uprn", "address_line1"),
        labels={"purchid": "purchaser code", "saledate": "sale completion date", "age1": "buyer 1's age",
                "sexrab1": "buyer 1's sex", "ecstat1": "buyer 1's working situation", "postcode_full": "postcode",
                "address_line1": "address", "uprn": "UPRN"},
        # 2026 sales need no working situation to match (it is not always asked).
        answered=(Q(saledate__isnull=False) & ~Q(sexrab1="")
                  & ((~Q(postcode_full="") & ~Q(address_line1="")) | ~Q(uprn=""))
                  & (Q(age1__isnull=False) | Q(age1_known__in=[1, 2]))),
        thing="sale",
    ),
}


def rule_for(model) -> DuplicateRule:
    return RULES[model.LOG_TYPE]


def matched_fields(model) -> list[str]:
    columns = {field.attname for field in model._meta.concrete_fields}
    return [name for name in rule_for(model).matched if name in columns]


def duplicate_candidates(log: LogBase):
    """The other logs this log is a duplicate of (none if it lacks the identifying answers)."""
    model, answered = type(log), rule_for(type(log)).answered
    live = model.objects.filter(status__in=VISIBLE_STATUSES, discarded_at__isnull=True)
    if not log.pk or log.discarded_at or not live.filter(answered, pk=log.pk).exists():
        return model.objects.none()
    same = {name: getattr(log, name) for name in matched_fields(model)}
    return live.filter(answered, **same).exclude(pk=log.pk).order_by("pk")


def duplicate_set_tidy(model, set_id: int | None) -> None:
    """A set left with a single log is no set."""
    if set_id is None:
        return
    remaining = model.objects.filter(duplicate_set_id=set_id)
    if remaining.count() == 1:
        remaining.update(duplicate_set_id=None)


@transaction.atomic
def duplicates_refresh(*, log: LogBase, written: bool = False) -> int | None:
    """Put the log in the right duplicate set (or none) after a save; returns its set id. `written`: the
    whole row was just written from `log`, so the set id it holds is the stored one."""
    model = type(log)
    old = (log.duplicate_set_id if written
           else model.objects.filter(pk=log.pk).values_list("duplicate_set_id", flat=True).first())
    candidates = list(duplicate_candidates(log).values_list("pk", "duplicate_set_id"))
    if not candidates:
        if old is not None or not written:
            model.objects.filter(pk=log.pk).update(duplicate_set_id=None)
        duplicate_set_tidy(model, old)
        log.duplicate_set_id = None
        return None
    members = {pk for pk, _ in candidates}
    in_old_set = set(model.objects.filter(duplicate_set_id=old).exclude(pk=log.pk).values_list("pk", flat=True)) if old else set()
    new = old
    if old is None or in_old_set != members:
        new = next((set_id for _, set_id in candidates if set_id), None)
        if new is None:
            new = (model.objects.aggregate(top=Max("duplicate_set_id"))["top"] or 0) + 1
        model.objects.filter(pk__in=members | {log.pk}).update(duplicate_set_id=new)
        if old != new:
            duplicate_set_tidy(model, old)
    log.duplicate_set_id = new
    return new


def duplicate_set(model, *, set_id: int, by: User):
    """The logs of one set that the user may see (none if the user may not resolve duplicates)."""
    return access.duplicate_logs(by, model).filter(duplicate_set_id=set_id).order_by("pk")


@transaction.atomic
def duplicate_set_keep(*, set_id: int, keep: LogBase, by: User) -> list[int]:
    """Resolve a set by keeping one log and deleting the others, with the reason in their history."""
    from domain.services.logs import log_delete

    logs = list(duplicate_set(type(keep), set_id=set_id, by=by))
    if keep.pk not in {log.pk for log in logs}:
        raise ValidationError("Choose one of the logs in this set to keep.")
    if not all(access.can_resolve_duplicates(by, log) for log in logs):
        raise PermissionDenied("You cannot resolve these duplicate logs.")
    deleted = []
    for log in logs:
        if log.pk == keep.pk:
            continue
        log._change_reason = f"Deleted as a duplicate of log {keep.pk}"
        log_delete(log=log, by=by, reason=f"Duplicate of log {keep.pk}")
        deleted.append(log.pk)
    keep.duplicate_set_id = None
    keep.updated_by = by
    keep._change_reason = f"Kept as the only log of duplicate set {set_id}; deleted logs {', '.join(map(str, deleted))}"
    keep.save(update_fields=["duplicate_set_id", "updated_by", "updated_at"])
    return deleted


@transaction.atomic
def duplicate_log_not_duplicate(*, log: LogBase, by: User) -> None:
    """Take a log out of its set once it has been changed so that it is no longer the same as the others."""
    if not access.can_resolve_duplicates(by, log):
        raise PermissionDenied("You cannot resolve these duplicate logs.")
    others = list(duplicate_candidates(log).values_list("pk", flat=True))
    if others:
        rule = rule_for(type(log))
        names = ", ".join(rule.labels[name] for name in matched_fields(type(log)) if name in rule.labels)
        raise ValidationError(
            f"Log {log.pk} still has the same answers as log {', '.join(map(str, others))}. Change at least one "
            f"of these answers first: {names}. Or, if it is the same {rule.thing}, delete the logs you do not need.")
    old = log.duplicate_set_id
    log.duplicate_set_id = None
    log.updated_by = by
    log._change_reason = f"Marked as not a duplicate (was in duplicate set {old})"
    log.save(update_fields=["duplicate_set_id", "updated_by", "updated_at"])
    duplicate_set_tidy(type(log), old)
