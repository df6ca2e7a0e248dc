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
from domain.models import LettingsLog, User
from domain.models.logs import STATUS_BY_NAME, LogStatus
from domain.postcodes import normalise_postcode
from domain.validations import lettings as lettings_rules
from domain.validations.answers import answer_errors
from domain.validations.rules import SOFT, Findings, run_rules

# Leaving out a rent or charge also leaves out what was worked out from it; leaving out a postcode or a
# previous local authority also leaves out the answer that says it is known (rules spec §4.9).
LEFT_OUT_WITH = {
    **{charge: ("tcharge", "wrent", "wscharge", "wpschrge", "wsupchrg", "wtcharge")
       for charge in ("brent", "scharge", "pscharge", "supcharg")},
    "tshortfall": ("wtshortfall",),
    "postcode_full": ("postcode_known",),
    "ppostcode_full": ("ppcodenk",),
    "prevloc": ("previous_la_known",),
}


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
    refusals: list[tuple[str, ...]] = field(default_factory=list)
    # Answers a save left out because of a hard error, with the errors (see lettings_log_keep_valid).
    left_out: dict[str, list[str]] = field(default_factory=dict)

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


def _changed(log: LettingsLog, name: str) -> bool:
    was = log.loaded_values
    return was.get(name) != getattr(log, name, None)


def _reask_changed_soft_checks(log: LettingsLog, rules) -> list[str]:
    """A soft check confirmed earlier is asked again when an answer it reads has changed since the log was
    loaded (unless the confirmation itself was given in this same change)."""
    reopened = []
    for rule in rules:
        name = rule.confirm_field
        if rule.kind != SOFT or getattr(log, name, None) is None or _changed(log, name):
            continue
        try:
            fires = rule.applies(log) and not rule.passes(log)
        except (TypeError, ValueError, ArithmeticError, AttributeError, KeyError):
            fires = False
        if fires and any(_changed(log, field) for field in rule.fields):
            setattr(log, name, None)
            reopened.append(name)
    return reopened


def _restore_confirmations(form: Form, log: LettingsLog, confirmations: dict, cleared: list[str]) -> list[str]:
    """Clearing runs before derived values are worked out, so a soft check whose trigger reads one (the
    letting type of a new log, for the rent range) looks hidden then; put back a confirmation that was
    cleared only for that reason."""
    shown = {question.field for _, _, question in engine.shown_questions(form, log)}
    for name, value in confirmations.items():
        if name in cleared and value is not None and name in shown:
            setattr(log, name, value)
            cleared = [column for column in cleared if column != name]
    return cleared


def lettings_log_evaluate(log: LettingsLog) -> Outcome:
    """Apply routing and derived values to the log (in memory) and check it against every rule."""
    form = log.form
    rules = lettings_rules.rules_for(form.year)
    _prepare_answers(log)
    # Answers are checked against the questions asked before routing tidies up, so an answer no
    # version of its question accepts is reported rather than silently dropped.
    asked = {column for _, _, question in engine.shown_questions(form, log) for column in question.columns}
    findings = Findings(errors=answer_errors(form, log, asked))
    findings.refusals += [(name,) for name in findings.errors]
    confirmations = {rule.confirm_field: getattr(log, rule.confirm_field, None) for rule in rules if rule.kind == SOFT}
    cleared = engine.clear_hidden_answers(form, log)
    _derive_for(form)(log, log.loaded_values)
    cleared = _restore_confirmations(form, log, confirmations, cleared)
    cleared += [name for name in _reask_changed_soft_checks(log, rules) if name not in cleared]
    run_rules(rules, log, findings)
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
        refusals=findings.refusals,
    )


def _setup_columns(form: Form) -> set[str]:
    return {column for _, question in form.subsections[0].questions for column in question.columns}


def _leave_out(log: LettingsLog, name: str) -> None:
    """Put back the saved answer if this save changed it, or blank it if the saved answer is the problem."""
    if _changed(log, name) and log.pk:
        setattr(log, name, log.loaded_values.get(name))
    else:
        current = getattr(log, name, None)
        setattr(log, name, "" if isinstance(current, str) else None)


def lettings_log_keep_valid(log: LettingsLog) -> Outcome:
    """Evaluate the log, leaving out the answers that break a hard rule so the rest can be saved.

    For each failed rule the answers it refuses are left out (those this save changed if any, else all of
    them), never setup answers: a rule on setup answers alone still blocks the save. Done at most twice,
    as leaving an answer out can break another rule. The outcome's `left_out` holds the first errors by
    field (to show the person what was not saved and why); its `errors` what still blocks the save."""
    outcome = lettings_log_evaluate(log)
    first_errors = outcome.errors
    setup = _setup_columns(outcome.form)
    left_out: set[str] = set()
    for _ in range(2):
        if not outcome.errors:
            break
        names: set[str] = set()
        for refused in outcome.refusals:
            candidates = [name for name in refused if name not in setup]
            names |= set([name for name in candidates if _changed(log, name)] or candidates)
        if not names:
            break
        for name in names:
            for column in (name, *LEFT_OUT_WITH.get(name, ())):
                _leave_out(log, column)
        left_out |= names
        outcome = lettings_log_evaluate(log)
    if left_out and not outcome.errors:
        outcome.left_out = first_errors
    return outcome


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
def lettings_log_save(*, log: LettingsLog, by: User | None, keep_valid: bool = False) -> Outcome:
    """Save a log and put it in its duplicate set.

    By default every answer must be valid: a hard error anywhere raises ValidationError with every error.
    With `keep_valid`, answers that break a rule are left out and the rest is saved; the outcome's
    `left_out` says which and why. Errors on the setup answers still raise ValidationError."""
    from domain.services.duplicates import duplicates_refresh

    if by is not None:
        if log.pk and not access.can_change_lettings_log(by, log):
            raise PermissionDenied("You cannot change this log.")
        log.updated_by = by
    outcome = lettings_log_keep_valid(log) if keep_valid else lettings_log_evaluate(log)
    if outcome.errors:
        raise ValidationError(outcome.errors)
    apply_status(log, outcome)
    log.save()
    log.reset_loaded_values()
    duplicates_refresh(log=log)
    log.reset_loaded_values()
    return outcome


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
    from domain.services.duplicates import duplicate_set_tidy

    old_set = log.duplicate_set_id
    log.duplicate_set_id = None
    log.updated_by = by
    log.save(update_fields=["discarded_at", "deletion_reason", "status", "duplicate_set_id", "updated_by",
                            "updated_at"])
    duplicate_set_tidy(old_set)
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
    from domain.services.duplicates import duplicates_refresh

    duplicates_refresh(log=log)
    return log
