"""Checking, saving and deleting logs of any type: one pipeline, from the form catalogue.

Every way answers arrive (the admin form, bulk upload, import, check_answers) goes through
`log_evaluate`, which is two steps: `log_apply` changes the log (routing clears answers to questions no
longer asked, derived values are worked out, changed soft checks are asked again) and `log_check` reads
it (rules and status) without changing it. A save evaluates the log once: the admin form and bulk upload
hand the evaluation they made to `log_save`. What differs by log type is the log's `kind`
(domain/services/log_kind.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from operator import attrgetter

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from simple_history.utils import get_change_reason_from_object

from domain import access
from domain.forms import engine
from domain.forms.catalogue import Form
from domain.forms.conditions import forget, remembered
from domain.models import User
from domain.models.history import copy_to_history
from domain.models.inserts import insert_new
from domain.models.logs import STATUS_BY_NAME, LogBase, LogStatus
from domain.services.reviews import review_follow_save, review_lock_for_save
from domain.validations.answers import answer_errors
from domain.validations.rules import SOFT, Findings, run_rules


# Columns a save sets whatever it changes: not a change in themselves.
BOOKKEEPING_COLUMNS = frozenset({"updated_by_id", "updated_at"})


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
    # Answers a save left out because of a hard error, with the errors (see log_keep_valid).
    left_out: dict[str, list[str]] = field(default_factory=dict)
    refused: list[str] = field(default_factory=list)  # the answers that save left out (not saved)

    @property
    def unconfirmed_soft_checks(self) -> list[dict]:
        return [check for check in self.soft_checks if not check["confirmed"]]


def _changed(log: LogBase, name: str) -> bool:
    was = log.loaded_values
    return was.get(name) != getattr(log, name, None)


def _reask_changed_soft_checks(log: LogBase, rules) -> list[str]:
    """A soft check confirmed earlier is asked again when an answer it reads has changed since the log was
    loaded (unless the confirmation itself was given in this same change)."""
    reopened = []
    for rule in rules:
        name = rule.confirm_field
        if rule.kind != SOFT or getattr(log, name, None) is None or _changed(log, name):
            continue
        try:
            fires = rule.applies(log) and not rule.passes(log)
        except (TypeError, ValueError, ArithmeticError):
            fires = False
        if fires and any(_changed(log, field) for field in rule.fields):
            setattr(log, name, None)
            forget()
            reopened.append(name)
    return reopened


def _restore_confirmations(form: Form, log: LogBase, confirmations: dict, cleared: list[str]) -> list[str]:
    """Clearing runs before derived values are worked out, so a soft check whose trigger reads one (the
    letting type of a new log, for the rent range) looks hidden then; put back a confirmation that was
    cleared only for that reason."""
    candidates = [name for name, value in confirmations.items() if name in cleared and value is not None]
    if not candidates:
        return cleared
    shown = {question.field for _, _, question in engine.shown_questions(form, log)}
    for name in candidates:
        if name in shown:
            setattr(log, name, confirmations[name])
            forget()
            cleared = [column for column in cleared if column != name]
    return cleared


@dataclass
class Applied:
    """What applying routing and derived values to a log found on the way, for the check that follows."""

    form: Form
    rules: list
    answer_findings: Findings  # answers no version of their question accepts (checked before routing)
    cleared: list[str]


def log_apply(log: LogBase) -> Applied:
    """Apply routing and derived values to the log (in memory): answers are tidied, answers to questions no
    longer asked are cleared, derived values are worked out and changed soft checks are asked again."""
    kind = log.kind
    form = log.form
    rules = kind.rules_for(form.year)
    kind.prepare(log)
    # Routing is worked out once for the log as it stands and shared by everything that reads it; whatever
    # changes the log forgets it (clearing, a refused answer blanked, derived values that change something).
    with remembered():
        # Answers are checked against the questions asked before routing tidies up, so an answer no
        # version of its question accepts is reported rather than silently dropped.
        asked = {column for _, _, question in engine.shown_questions(form, log) for column in question.columns}
        findings = Findings(errors=answer_errors(form, log, asked))
        for name, messages in getattr(log, "lookup_errors", {}).items():  # a UPRN the address service does not know
            findings.errors.setdefault(name, []).extend(m for m in messages if m not in findings.errors[name])
        findings.refusals += [(name,) for name in findings.errors]
        confirmations = {rule.confirm_field: getattr(log, rule.confirm_field, None)
                         for rule in rules if rule.kind == SOFT}
        cleared = engine.clear_hidden_answers(form, log)
        # Nothing is worked out from an answer no question accepts (a rent of 1e308 has no total): derived
        # values see it as unanswered, and it is back as given for the rules and the outcome.
        unusable = {name: getattr(log, name) for name in findings.errors if hasattr(log, name)}
        before = dict(log.__dict__)
        for name in unusable:
            engine.blank_answer(log, name)
        kind.derive_for(form)(log, log.loaded_values)
        _put_back(log, unusable)
        if log.__dict__ != before:
            forget()
        cleared = _restore_confirmations(form, log, confirmations, cleared)
        cleared += [name for name in _reask_changed_soft_checks(log, rules) if name not in cleared]
    return Applied(form=form, rules=rules, answer_findings=findings, cleared=cleared)


def log_check(log: LogBase, applied: Applied) -> Outcome:
    """Check the log as it stands against every rule and work out its status; the log is not changed."""
    found = applied.answer_findings
    findings = Findings(errors={name: list(messages) for name, messages in found.errors.items()},
                        refusals=list(found.refusals))
    with remembered():
        run_rules(applied.rules, log, findings)
        evaluation = engine.evaluate(applied.form, log, has_errors=bool(findings.errors))
    status = evaluation.status
    if status == engine.COMPLETED and any(not check["confirmed"] for check in findings.soft_checks):
        status = engine.IN_PROGRESS
    return Outcome(
        form=applied.form,
        status=status,
        subsections=evaluation.subsections,
        shown=evaluation.shown,
        missing=evaluation.missing,
        errors=findings.errors,
        soft_checks=findings.soft_checks,
        cleared=applied.cleared,
        refusals=findings.refusals,
    )


def log_evaluate(log: LogBase) -> Outcome:
    """Apply routing and derived values to the log (in memory), then check it against every rule. The
    check reads the routing the apply step left, unless the log changed since it was worked out."""
    with remembered():
        return log_check(log, log_apply(log))


def _setup_columns(form: Form) -> set[str]:
    return {column for _, question in form.subsections[0].questions for column in question.columns}


def _row_values(log: LogBase) -> dict:
    names, read = _row_reader(type(log))
    return dict(zip(names, read(log)))


@cache
def _row_reader(model) -> tuple:
    """The model's column names and one getter of all of them (read twice per evaluation, 230 columns)."""
    names = [f.attname for f in model._meta.concrete_fields]
    return names, attrgetter(*names)


def _changed_columns(log: LogBase) -> list[str]:
    """The columns whose value differs from the row as it was loaded (all of them for a new log)."""
    if not log.loaded_values:
        return list(_row_values(log))
    return [name for name, value in _row_values(log).items()
            if name not in BOOKKEEPING_COLUMNS and log.loaded_values.get(name) != value]


def _put_back(log: LogBase, values: dict) -> None:
    for name, value in values.items():
        setattr(log, name, value)


def _leave_out(log: LogBase, name: str) -> None:
    """Put back the saved answer if this save changed it, or blank it if the saved answer is the problem."""
    if _changed(log, name) and log.pk:
        setattr(log, name, log.loaded_values.get(name))
    else:
        engine.blank_answer(log, name)


def log_keep_valid(log: LogBase, *, keep: frozenset[str] = frozenset(), passes: int = 2) -> Outcome:
    """Evaluate the log, leaving out the answers that break a hard rule so the rest can be saved: the one
    way every entry route (admin form, bulk upload, import) leaves out invalid answers.

    For each failed rule the answers it refuses are left out (those this save changed if any, else all of
    them), never setup answers nor those in `keep`: a rule on those alone still blocks the save. Done at
    most `passes` times, as leaving an answer out can break another rule. The outcome's `left_out` holds the first errors by
    field (to show the person what was not saved and why); its `errors` what still blocks the save.

    A refused answer changes nothing else: evaluating it may already have cleared answers, re-asked soft
    checks or worked out values from it, so each retry starts again from the answers as they were given,
    with every refused one left out."""
    left_out_with = log.kind.left_out_with
    given = _row_values(log)
    outcome = log_evaluate(log)
    first_errors = outcome.errors
    setup = _setup_columns(outcome.form) | keep
    left_out: set[str] = set()
    for _ in range(passes):
        if not outcome.errors:
            break
        names: set[str] = set()
        for refused in outcome.refusals:
            candidates = [name for name in refused if name not in setup]
            names |= set([name for name in candidates
                          if given.get(name, getattr(log, name, None)) != log.loaded_values.get(name)] or candidates)
        if not names - left_out:
            break
        left_out |= names
        _put_back(log, given)
        for name in left_out:
            for column in (name, *left_out_with.get(name, ())):
                _leave_out(log, column)
        outcome = log_evaluate(log)
    if left_out and not outcome.errors:
        outcome.left_out = first_errors
        outcome.refused = sorted(left_out)
    return outcome


def apply_status(log: LogBase, outcome: Outcome, *, by: User | None = None) -> None:
    """Set the log's completion status from its evaluation, and move its review state to follow it."""
    computed = STATUS_BY_NAME[outcome.status]
    if log.discarded_at:
        log.status = LogStatus.DELETED
        return
    if log.status == LogStatus.PENDING:
        log.status_cache = computed
    else:
        log.status = computed
        log.status_cache = computed
    review_follow_save(log, completed=computed == LogStatus.COMPLETED, by=by)


@transaction.atomic
def log_save(*, log: LogBase, by: User | None, keep_valid: bool = False, outcome: Outcome | None = None) -> Outcome:
    """Save a log and put it in its duplicate set.

    By default every answer must be valid: a hard error anywhere raises ValidationError with every error.
    With `keep_valid`, answers that break a rule are left out and the rest is saved; the outcome's
    `left_out` says which and why. Errors on the setup answers still raise ValidationError."""
    kind = log.kind
    if by is not None:
        if log.pk and not access.can_change_log(by, log):
            raise PermissionDenied("You cannot change this log.")
        log.updated_by = by
    # `outcome` is the log's evaluation when the caller has just made it (bulk upload): not repeated.
    outcome = outcome or (log_keep_valid(log) if keep_valid else log_evaluate(log))
    if outcome.errors:
        raise ValidationError(outcome.errors)
    _resolve_if_scheme_given(log, outcome)
    review_lock_for_save(log)  # a review made since the log was loaded is kept (see domain.services.reviews)
    apply_status(log, outcome, by=by)
    if log.pk and not _changed_columns(log):
        # Nothing to write (every change was refused, or none was made): the row and its history stay as
        # they are, down to who changed it last and when.
        return outcome
    log._history_user = by  # the history row names who saved, also outside a web request
    log.save()
    log.__dict__.pop("_change_reason", None)  # the reason belongs to this save's history row only
    log.reset_loaded_values()
    if kind.after_save:
        kind.after_save(log, written=True)
        log.reset_loaded_values()
    return outcome


def _resolve_if_scheme_given(log: LogBase, outcome: Outcome) -> None:
    """A lettings log that lost its scheme or location to a deactivation ("unresolved") is resolved once
    it has them again, or is no longer asked for them."""
    if not getattr(log, "unresolved", False):
        return
    needs_scheme = "scheme_id" in outcome.shown
    needs_location = "location_id" in outcome.shown or bool(log.scheme_id)
    if (not needs_scheme or log.scheme_id) and (not needs_location or log.location_id):
        log.unresolved = False


def logs_insert(model, *, evaluated: list[tuple[LogBase, Outcome]], by: User | None) -> None:
    """Insert new logs that have just been evaluated without errors (a bulk upload's batch), with their
    history rows, in two statements (COPY on PostgreSQL, then the history rows copied in the database)."""
    for log, outcome in evaluated:
        if outcome.errors:
            raise ValidationError(outcome.errors)
        apply_status(log, outcome, by=by)
    logs = [log for log, _ in evaluated]
    insert_new(model, logs)
    # Each history row names the reason and user its save gave (a review step may set them), as a save does.
    groups: dict[tuple, list[int]] = {}
    for log in logs:
        who = getattr(log, "_history_user", by)
        groups.setdefault((get_change_reason_from_object(log) or "", who), []).append(log.pk)
    for (reason, who), pks in groups.items():
        copy_to_history(model.objects.filter(pk__in=pks), history_type="+", reason=reason, user=who)


def log_started_by(log: LogBase, *, by: User) -> None:
    """A new log is created by the user entering it; one who may not choose whom a log is assigned to
    has it assigned to them."""
    log.created_by = by
    if not access.can_choose_log_assignee(by):
        log.assigned_to = by


def log_new(model, *, by: User):
    """A new log with the defaults a user's organisation gives it (not yet saved)."""
    log = model(created_by=by, updated_by=by)
    if access.starts_logs_for_own_organisation(by):
        organisation = by.organisation
        log.owning_organisation = organisation if organisation.holds_own_stock else None
        log.managing_organisation = organisation
        log.assigned_to = by
    return log


@transaction.atomic
def log_delete(*, log: LogBase, by: User, reason: str):
    if not access.can_delete_log(by, log):
        raise PermissionDenied("You cannot delete this log.")
    if not reason.strip():
        raise ValidationError("Say why the log is being deleted.")
    old_set = log.duplicate_set_id
    log.discarded_at = timezone.now()
    log.deletion_reason = reason.strip()
    log.status = LogStatus.DELETED
    log.duplicate_set_id = None
    log.updated_by = log._history_user = by
    log.save(update_fields=["discarded_at", "deletion_reason", "status", "duplicate_set_id", "updated_by",
                            "updated_at"])
    kind = log.kind
    if kind.after_delete:
        kind.after_delete(old_set)
    return log


@transaction.atomic
def log_restore(*, log: LogBase, by: User):
    if not access.can_restore_log(by, log):
        raise PermissionDenied("Only customer support can restore a deleted log.")
    log.discarded_at = None
    log.deletion_reason = ""
    log.status = log.status_cache
    log.updated_by = log._history_user = by
    log.save(update_fields=["discarded_at", "deletion_reason", "status", "updated_by", "updated_at"])
    kind = log.kind
    if kind.after_save:
        kind.after_save(log)
    return log
