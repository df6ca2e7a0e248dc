"""Creating, checking, saving and deleting lettings logs.

Every way answers arrive (the admin form, bulk upload, check_answers) goes through
`lettings_log_evaluate`: routing, derived values, rules and status in one pass, from the catalogue.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from domain import access
from domain.forms import engine
from domain.forms.catalogue import Form
from domain.forms.conditions import remembered
from domain.models import LettingsLog, User
from domain.models.logs import STATUS_BY_NAME, LogStatus
from domain.postcodes import normalise_postcode
from domain.validations import lettings as lettings_rules
from domain.validations.answers import answer_errors
from domain.validations.rules import Findings, run_rules


@dataclass
class Outcome:
    form: Form
    status: str
    subsections: dict[str, str]
    shown: list[str]
    missing: list[str]
    errors: dict[str, list[str]] = field(default_factory=dict)
    soft_checks: list[dict] = field(default_factory=list)
    cleared: list[str] = field(default_factory=list)

    @property
    def unconfirmed_soft_checks(self) -> list[dict]:
        return [check for check in self.soft_checks if not check["confirmed"]]


def _derive_for(form: Form):
    if form.year >= 2026:
        from domain.forms.y2026.lettings.derived import derive

        return derive
    raise LookupError(f"No derived values are defined for {form}.")


def _prepare_answers(log: LettingsLog) -> None:
    was = log.loaded_values
    if log.scheme_id != was.get("scheme_id") and log.location_id == was.get("location_id"):
        log.location = None
        usable = log.usable_locations()
        if len(usable) == 1:
            log.location = usable[0]
    if log.scheme_id and log.owning_organisation_id and log.scheme.owning_organisation_id != log.owning_organisation_id:
        log.scheme, log.location = None, None
    for name in ("postcode_full", "ppostcode_full"):
        entered = getattr(log, name, "") or ""
        setattr(log, name, normalise_postcode(entered) or entered.strip().upper())


def lettings_log_evaluate(log: LettingsLog) -> Outcome:
    """Apply routing and derived values to the log (in memory) and check it against every rule."""
    form = log.form
    _prepare_answers(log)
    cleared = engine.clear_hidden_answers(form, log)
    _derive_for(form)(log, log.loaded_values)
    with remembered():  # routing, rules and status all read the log as it now is
        shown = {column for _, _, question in engine.shown_questions(form, log) for column in question.columns}
        findings = Findings(errors=answer_errors(form, log, shown))
        run_rules(lettings_rules.rules_for(form.year), log, findings)
        evaluation = engine.evaluate(form, log, has_errors=bool(findings.errors))
    status = evaluation.status
    if status == engine.COMPLETED and any(not check["confirmed"] for check in findings.soft_checks):
        status = engine.IN_PROGRESS
    return Outcome(
        form=form,
        status=status,
        subsections=evaluation.subsections,
        shown=evaluation.shown,
        missing=evaluation.missing,
        errors=findings.errors,
        soft_checks=findings.soft_checks,
        cleared=cleared,
    )


def apply_status(log: LettingsLog, outcome: Outcome) -> None:
    computed = STATUS_BY_NAME[outcome.status]
    if log.discarded_at:
        log.status = LogStatus.DELETED
    elif log.status == LogStatus.PENDING:
        log.status_cache = computed
    else:
        log.status = computed
        log.status_cache = computed


@transaction.atomic
def lettings_log_save(*, log: LettingsLog, by: User | None, outcome: Outcome | None = None) -> Outcome:
    """Save a log whose answers are valid; a hard error anywhere raises ValidationError with every error.
    `outcome` is the log's evaluation when the caller has just made it (bulk upload), so it is not
    repeated."""
    if by is not None:
        if log.pk and not access.can_change_lettings_log(by, log):
            raise PermissionDenied("You cannot change this log.")
        log.updated_by = by
    outcome = outcome or lettings_log_evaluate(log)
    if outcome.errors:
        raise ValidationError(outcome.errors)
    apply_status(log, outcome)
    log.save()
    log.reset_loaded_values()
    return outcome


def lettings_logs_insert(*, evaluated: list[tuple[LettingsLog, Outcome]], by: User | None) -> None:
    """Insert new logs that have just been evaluated without errors (a bulk upload's batch), with their
    history rows, in a few statements rather than two per log."""
    from simple_history.utils import bulk_create_with_history

    for log, outcome in evaluated:
        if outcome.errors:
            raise ValidationError(outcome.errors)
        apply_status(log, outcome)
    bulk_create_with_history([log for log, _ in evaluated], LettingsLog, batch_size=500, default_user=by)


def lettings_log_new(*, by: User) -> LettingsLog:
    """A new log with the defaults a user's organisation gives it (not yet saved)."""
    log = LettingsLog(created_by=by, updated_by=by)
    if not access.is_support(by):
        organisation = by.organisation
        log.owning_organisation = organisation if organisation.holds_own_stock else None
        log.managing_organisation = organisation
        log.assigned_to = by
    return log


@transaction.atomic
def lettings_log_delete(*, log: LettingsLog, by: User, reason: str) -> LettingsLog:
    if not access.can_delete_lettings_log(by, log):
        raise PermissionDenied("You cannot delete this log.")
    if not reason.strip():
        raise ValidationError("Say why the log is being deleted.")
    log.discarded_at = timezone.now()
    log.deletion_reason = reason.strip()
    log.status = LogStatus.DELETED
    log.duplicate_set_id = None
    log.updated_by = by
    log.save(update_fields=["discarded_at", "deletion_reason", "status", "duplicate_set_id", "updated_by",
                            "updated_at"])
    return log


@transaction.atomic
def lettings_log_restore(*, log: LettingsLog, by: User) -> LettingsLog:
    if not access.can_restore_lettings_log(by, log):
        raise PermissionDenied("Only customer support can restore a deleted log.")
    log.discarded_at = None
    log.deletion_reason = ""
    log.status = log.status_cache
    log.updated_by = by
    log.save(update_fields=["discarded_at", "deletion_reason", "status", "updated_by", "updated_at"])
    return log
