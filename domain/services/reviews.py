"""Reviewing logs: the one service that moves a log between review states (issue 13).

A log's review state is separate from its completion status:

- not submitted: still in progress (or not started);
- awaiting review: completed, waiting for a data coordinator of its owning or managing organisation, or
  for support;
- approved: a reviewer approved it (or it was approved automatically, see below);
- returned: a reviewer has open queries on it; it cannot be approved until every one is resolved.

Every change of state follows `TRANSITIONS` (state, event) -> state, and is written to the log's
history (django-simple-history) with who, when and why (the change reason). The save pipeline
(`domain.services.logs.log_save`) calls `review_follow_save` so that completing a log submits it,
a log that is no longer complete goes back to not submitted, and changing an answer of an approved log
puts it back to awaiting review (its history row says which answers changed).

Organisations whose logs do not need coordinator approval (`Organisation.logs_need_approval` off for
both the owning and the managing organisation): their completed logs are approved automatically,
recorded as such in the history with no approver, and stay approved when answers change. Queries work
the same for them.

Concurrency: every transition locks the log's row (select_for_update) and reads its state from the
locked row, so two reviewers (or a reviewer and the log's provider) acting at once are serialised and
the second sees what the first did.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F, QuerySet, Value
from django.utils import timezone

from domain import access
from domain.models import User
from domain.models.logs import LogBase, LogStatus
from domain.models.reviews import WHOLE_LOG, QueryStatus, ReviewComment, ReviewQuery, ReviewState
from domain.selectors.reviews import (  # noqa: F401  (re-exported: the console reads them from here)
    asked_fields,
    has_open_queries,
    log_queries,
    open_queries,
    query_still_asked,
    question_label,
)
from domain.models.history import copy_to_history

NOT_SUBMITTED = ReviewState.NOT_SUBMITTED
AWAITING = ReviewState.AWAITING_REVIEW
APPROVED = ReviewState.APPROVED
RETURNED = ReviewState.RETURNED

# Events: what happened to the log.
SUBMIT = "submit"  # it became complete
AUTO_APPROVE = "auto_approve"  # it is complete, and its organisations do not ask for approval
WITHDRAW = "withdraw"  # it is no longer complete
APPROVE = "approve"  # a reviewer approved it
CHANGE = "change"  # an answer changed after approval
RETURN = "return"  # a reviewer opened a query (or opened one again)
RESOLVE = "resolve"  # its last open query was resolved, and it is complete
RESOLVE_INCOMPLETE = "resolve_incomplete"  # its last open query was resolved, and it is not complete

TRANSITIONS: dict[tuple[str, str], str] = {
    (NOT_SUBMITTED, SUBMIT): AWAITING,
    (NOT_SUBMITTED, AUTO_APPROVE): APPROVED,
    (AWAITING, AUTO_APPROVE): APPROVED,  # the organisation stopped asking for approval
    (AWAITING, WITHDRAW): NOT_SUBMITTED,
    (APPROVED, WITHDRAW): NOT_SUBMITTED,
    (AWAITING, APPROVE): APPROVED,
    (APPROVED, CHANGE): AWAITING,
    (NOT_SUBMITTED, RETURN): RETURNED,
    (AWAITING, RETURN): RETURNED,
    (APPROVED, RETURN): RETURNED,
    (RETURNED, RETURN): RETURNED,
    (RETURNED, RESOLVE): AWAITING,
    (RETURNED, AUTO_APPROVE): APPROVED,  # last query resolved, no approval needed
    (RETURNED, RESOLVE_INCOMPLETE): NOT_SUBMITTED,
}

# Columns a save changes without any answer changing: not "what changed after approval".
BOOKKEEPING = {
    "id", "created_at", "updated_at", "created_by_id", "updated_by_id", "status", "status_cache",
    "creation_method", "discarded_at", "deletion_reason", "duplicate_set_id", "values_updated_at",
    "review_state", "approved_at", "approved_by_id", "unresolved", "bulk_upload_id",
    "assigned_to_id",  # who does the work is not an answer about the letting or sale
}
REASON_LENGTH = 100  # the history's change reason column


# --- reading (see domain.selectors.reviews) ----------------------------------------------------


def needs_approval(log: LogBase) -> bool:
    """A completed log waits for a reviewer unless neither its owning nor its managing organisation asks
    for approval."""
    organisations = [org for org in (log.owning_organisation, log.managing_organisation) if org is not None]
    return not organisations or any(org.logs_need_approval for org in organisations)


def approval_blocker(log: LogBase, user: User) -> str | None:
    """Why this user cannot approve this log now, in words; None when they can."""
    if not access.can_review_log(user, log):
        return f"Log {log.pk}: you cannot review this log."
    if log.status != LogStatus.COMPLETED:
        return f"Log {log.pk} is not complete. Every question must be answered before it can be approved."
    if getattr(log, "unresolved", False):
        return f"Log {log.pk} lost its scheme or location when it was deactivated. Choose a new one first."
    if log.review_state == RETURNED or open_queries(log).exists():
        count = open_queries(log).count()
        return (f"Log {log.pk} has {count} open {'query' if count == 1 else 'queries'}. "
                "Resolve every query before approving it.")
    if log.review_state == APPROVED:
        return f"Log {log.pk} is already approved."
    if log.review_state != AWAITING:
        return f"Log {log.pk} has not been submitted for review."
    return None


# --- the table -----------------------------------------------------------------------------------


def next_state(state: str, event: str) -> str:
    """The state an event moves a log to; ValidationError when the table does not allow it."""
    try:
        return TRANSITIONS[(state, event)]
    except KeyError:
        raise ValidationError(f"A log that is {ReviewState(state).label.lower()} cannot be moved by '{event}'.")


def _apply(log: LogBase, event: str, *, by: User | None, reason: str) -> None:
    """Move the log (in memory) through one transition and give its next history row the reason."""
    state = next_state(log.review_state, event)
    log.review_state = state
    if state == APPROVED:
        log.approved_at = timezone.now()
        log.approved_by = by if event == APPROVE else None
    elif log.approved_at is not None:
        log.approved_at, log.approved_by = None, None
    log._change_reason = reason[:REASON_LENGTH]
    log._history_user = by


def _save_transition(log: LogBase) -> None:
    log.save(update_fields=["review_state", "approved_at", "approved_by"])
    _forget_reason(log)


def _forget_reason(log: LogBase) -> None:
    log.__dict__.pop("_change_reason", None)


def _lock(log: LogBase) -> LogBase:
    """The log's row, locked until the transaction ends, with every value as stored."""
    return type(log).objects.select_for_update(of=("self",)).select_related(
        "owning_organisation", "managing_organisation").get(pk=log.pk)


def _copy_review_columns(source: LogBase, target: LogBase) -> None:
    for name in ("review_state", "approved_at", "approved_by_id"):
        setattr(target, name, getattr(source, name))
    if target.loaded_values:
        target._loaded_values.update({name: getattr(source, name) for name in
                                      ("review_state", "approved_at", "approved_by_id")})


def _changed_answers(log: LogBase) -> list[str]:
    was = log.loaded_values
    if not was:
        return []
    return [name for name, value in was.items()
            if name not in BOOKKEEPING and getattr(log, name, value) != value]


# --- following the log's saves -------------------------------------------------------------------


def review_lock_for_save(log: LogBase) -> None:
    """Before a save of an existing log: lock its row and take its review columns as stored, so a review
    made since the log was loaded is neither lost nor overwritten."""
    if log.pk:
        stored = type(log).objects.select_for_update().filter(pk=log.pk).values(
            "review_state", "approved_at", "approved_by_id").first()
        if stored:
            for name, value in stored.items():
                setattr(log, name, value)


def review_follow_save(log: LogBase, *, completed: bool, by: User | None) -> None:
    """Move the log's review state after its answers were evaluated, before it is saved (in memory; the
    save writes the history row with the reason)."""
    _forget_reason(log)
    state = log.review_state
    if state == RETURNED:
        return  # stays returned until its queries are resolved
    approval = needs_approval(log)
    if not completed:
        if state in (AWAITING, APPROVED):
            _apply(log, WITHDRAW, by=by, reason="No longer complete: back to not submitted")
        return
    if state == NOT_SUBMITTED:
        if approval:
            _apply(log, SUBMIT, by=by, reason="Completed: awaiting review")
        else:
            _apply(log, AUTO_APPROVE, by=by, reason="Completed: approved automatically (no approval needed)")
    elif state == AWAITING and not approval:
        _apply(log, AUTO_APPROVE, by=by, reason="Approved automatically (no approval needed)")
    elif state == APPROVED and approval:
        changed = _changed_answers(log)
        if changed:
            # Name the questions answered differently; values derived from them follow and are not named.
            asked = [name for name in changed if log.form.questions_for(name)]
            labels = ", ".join(dict.fromkeys(question_label(log, name) for name in asked)) or "derived values"
            _apply(log, CHANGE, by=by, reason=f"Changed after approval: {labels}")


def review_lost_scheme(log: LogBase, *, by: User | None) -> None:
    """A log that lost its scheme and location to a deactivation (in memory, before it is saved): an
    approved log goes back to awaiting review, and cannot be approved until it has them again."""
    review_lock_for_save(log)
    if log.review_state == APPROVED:
        _apply(log, CHANGE, by=by, reason="Changed after approval: scheme or location deactivated")


# --- approving -----------------------------------------------------------------------------------


@transaction.atomic
def review_approve(*, log: LogBase, user: User) -> LogBase:
    """Approve a completed log awaiting review. PermissionDenied when the user may not review it;
    ValidationError (saying why) when it is not complete, has open queries or is not awaiting review."""
    if not access.can_review_log(user, log):
        raise PermissionDenied("You cannot review this log.")
    locked = _lock(log)
    problem = approval_blocker(locked, user)
    if problem:
        raise ValidationError(problem)
    _apply(locked, APPROVE, by=user, reason="Approved")
    _save_transition(locked)
    _copy_review_columns(locked, log)
    return log


@dataclass
class BulkApproval:
    approved: list[int] = field(default_factory=list)
    refused: list[tuple[int, str]] = field(default_factory=list)  # (log id, why)


def approval_preview(*, logs: QuerySet, user: User) -> BulkApproval:
    """Which of these logs the user can approve, and why not for the others (nothing is changed)."""
    return _sort_for_approval(logs, user)


def _sort_for_approval(logs: QuerySet, user: User) -> BulkApproval:
    model = logs.model
    reviewable = set(access.reviewable_logs(user, model).filter(pk__in=logs.values("pk")).values_list("pk", flat=True))
    unresolved = F("unresolved") if hasattr(model, "unresolved") else Value(False)
    rows = (model.objects.filter(pk__in=logs.values("pk"))
            .annotate(queried=has_open_queries(model), lost_scheme=unresolved)
            .values_list("pk", "status", "review_state", "queried", "lost_scheme").order_by("pk"))
    result = BulkApproval()
    for pk, status, state, queried, lost_scheme in rows:
        if pk not in reviewable:
            result.refused.append((pk, "You cannot review this log."))
        elif status != LogStatus.COMPLETED:
            result.refused.append((pk, "Not complete: every question must be answered first."))
        elif lost_scheme:
            result.refused.append((pk, "Lost its scheme or location to a deactivation: choose a new one first."))
        elif queried or state == RETURNED:
            result.refused.append((pk, "Has open queries: resolve them first."))
        elif state == APPROVED:
            result.refused.append((pk, "Already approved."))
        elif state != AWAITING:
            result.refused.append((pk, "Not submitted for review."))
        else:
            result.approved.append(pk)
    return result


@transaction.atomic
def review_approve_many(*, logs: QuerySet, user: User) -> BulkApproval:
    """Approve every log of the queryset the user can, in one transaction, and report the rest with why.
    The rows are locked first, so the states checked are the states approved."""
    if not access.can_review_log(user):
        raise PermissionDenied("You cannot review logs.")
    model = logs.model
    # Lock the rows (in id order, as every bulk approval does, so two of them cannot deadlock).
    list(model.objects.select_for_update().filter(pk__in=logs.values("pk")).order_by("pk").values_list("pk", flat=True))
    result = _sort_for_approval(logs, user)
    if not result.approved:
        return result
    now = timezone.now()
    approved = model.objects.filter(pk__in=result.approved)
    approved.update(review_state=APPROVED, approved_at=now, approved_by=user)
    copy_to_history(approved, history_type="~", user=user, reason="Approved", when=now)
    return result


# --- queries -------------------------------------------------------------------------------------


def _clean_text(text: str, what: str) -> str:
    text = (text or "").strip()
    if not text:
        raise ValidationError(f"Write {what}.")
    return text


@transaction.atomic
def review_query_open(*, log: LogBase, field: str, user: User, text: str) -> ReviewQuery:
    """Open a query on one question of a log (`field`, its catalogue field; "" for the log as a whole)
    with a comment. The log becomes returned until every query is resolved."""
    if not access.can_review_log(user, log):
        raise PermissionDenied("You cannot review this log.")
    text = _clean_text(text, "what the query is about")
    field = (field or "").strip()
    locked = _lock(log)
    if field != WHOLE_LOG:
        if not locked.form.questions_for(field):
            raise ValidationError("Choose a question of this log for the query.")
        if field not in asked_fields(locked):
            raise ValidationError("That question is not asked on this log, so it cannot be queried.")
    query = ReviewQuery.objects.create(**{f"{log.LOG_TYPE}_log": locked}, field=field, opened_by=user)
    ReviewComment.objects.create(query=query, author=user, text=text)
    _apply(locked, RETURN, by=user, reason=f"Returned: query on {question_label(locked, field)}")
    _save_transition(locked)
    _copy_review_columns(locked, log)
    return query


def review_return(*, log: LogBase, user: User, text: str) -> ReviewQuery:
    """Return a log with a comment on the log as a whole (a query not tied to one question)."""
    return review_query_open(log=log, field=WHOLE_LOG, user=user, text=text)


def _locked_query(query: ReviewQuery) -> tuple[ReviewQuery, LogBase]:
    """Lock the query's log first (as every transition does), then the query."""
    log = _lock(query.log)
    locked = ReviewQuery.objects.select_for_update().get(pk=query.pk)
    setattr(locked, f"{log.LOG_TYPE}_log", log)
    return locked, log


@transaction.atomic
def review_query_reply(*, query: ReviewQuery, user: User, text: str) -> ReviewComment:
    """Add a reply to a query's thread (the log's assigned user answering, or a reviewer)."""
    if not access.can_reply_to_query(user, query):
        raise PermissionDenied("You cannot reply to this query.")
    text = _clean_text(text, "a reply")
    locked, _ = _locked_query(query)
    if not locked.is_open:
        raise ValidationError("This query is resolved. A reviewer can open it again if more is needed.")
    return ReviewComment.objects.create(query=locked, author=user, text=text)


@transaction.atomic
def review_query_resolve(*, query: ReviewQuery, user: User, text: str = "") -> ReviewQuery:
    """Resolve an open query (a reviewer only). When it was the log's last open query the log goes back
    to awaiting review (or not submitted, if it is not complete)."""
    if not access.can_resolve_query(user, query):
        raise PermissionDenied("Only a reviewer of this log can resolve its queries.")
    locked, log = _locked_query(query)
    if not locked.is_open:
        raise ValidationError("This query is already resolved.")
    if (text or "").strip():
        ReviewComment.objects.create(query=locked, author=user, text=text.strip())
    locked.status, locked.resolved_by, locked.resolved_at = QueryStatus.RESOLVED, user, timezone.now()
    locked.save(update_fields=["status", "resolved_by", "resolved_at", "updated_at"])
    if not open_queries(log).exists() and log.review_state == RETURNED:
        label = question_label(log, locked.field)
        if log.status != LogStatus.COMPLETED:
            _apply(log, RESOLVE_INCOMPLETE, by=user, reason=f"Queries resolved ({label}): not submitted")
        elif needs_approval(log):
            _apply(log, RESOLVE, by=user, reason=f"Queries resolved ({label}): awaiting review")
        else:
            _apply(log, AUTO_APPROVE, by=user, reason=f"Queries resolved ({label}): approved automatically")
        _save_transition(log)
    _copy_review_columns(log, query.log)
    query.status, query.resolved_by, query.resolved_at = locked.status, locked.resolved_by, locked.resolved_at
    return query


@transaction.atomic
def review_query_reopen(*, query: ReviewQuery, user: User, text: str) -> ReviewQuery:
    """Open a resolved query again with a comment saying why; the log is returned again."""
    if not access.can_resolve_query(user, query):
        raise PermissionDenied("Only a reviewer of this log can open its queries again.")
    text = _clean_text(text, "why the query is opened again")
    locked, log = _locked_query(query)
    if locked.is_open:
        raise ValidationError("This query is already open.")
    ReviewComment.objects.create(query=locked, author=user, text=text)
    locked.status, locked.resolved_by, locked.resolved_at = QueryStatus.OPEN, None, None
    locked.save(update_fields=["status", "resolved_by", "resolved_at", "updated_at"])
    _apply(log, RETURN, by=user, reason=f"Returned: query opened again on {question_label(log, locked.field)}")
    _save_transition(log)
    _copy_review_columns(log, query.log)
    query.status, query.resolved_by, query.resolved_at = QueryStatus.OPEN, None, None
    return query
