"""A log's history as its readers want it: for each save, who and when, and each answer that changed,
named by its question in the log's year's form and shown as an answer label (never a column or a code).

simple-history keeps one row per save (domain/models/history.py). Each row is compared with the row
before it; a row whose answers read the same before and after is left out of the page."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils import timezone

from admin_console.logs.forms import answer_display
from domain.forms.catalogue import INTERRUPTION

NO_ANSWER = "No answer"
# Columns outside the form that a reader still wants to see change (the log's life, not its answers).
LIFECYCLE = (("status", "Status"), ("deletion_reason", "Reason for deleting"))


@dataclass(frozen=True)
class AnswerChange:
    question: str
    old: str
    new: str


@dataclass(frozen=True)
class LogChange:
    """One save of a log, as the history page lists it."""

    action: str
    who: str
    when: str
    reason: str
    answers: tuple[AnswerChange, ...]


def _question_asked(form, field: str, log):
    """The question that stores a field as this log would be asked it (several pages may store the same
    one with different wording); the first if none is shown."""
    placed = form.questions_for(field)
    for page, question in placed:
        if page.shown_when.holds(log) and question.shown_when.holds(log):
            return question
    return placed[0][1]


def answer_changes(older, newer) -> tuple[AnswerChange, ...]:
    """What differs between two versions of a log (model instances; `older` may be a blank log)."""
    form = newer.form
    changes, seen = [], set()
    for question in form.questions:
        if question.field in seen or question.type == INTERRUPTION and not question.label:
            continue
        seen.add(question.field)
        if all(getattr(older, column, None) == getattr(newer, column, None) for column in question.columns):
            continue
        asked = _question_asked(form, question.field, newer)
        old, new = answer_display(asked, older), answer_display(asked, newer)
        if old != new:
            changes.append(AnswerChange(asked.label, old or NO_ANSWER, new or NO_ANSWER))
    for field, label in LIFECYCLE:
        old, new = _shown(older, field), _shown(newer, field)
        if old != new:
            changes.append(AnswerChange(label, old or NO_ANSWER, new or NO_ANSWER))
    return tuple(changes)


def _shown(log, field: str) -> str:
    display = getattr(log, f"get_{field}_display", None)
    return str(display() if display else getattr(log, field) or "")


ACTIONS = {"+": "Log created", "~": "Log changed", "-": "Log removed"}


def log_change(record, previous) -> LogChange:
    """A history row read against the row before it (`previous`; None for the first)."""
    newer = record.instance
    older = previous.instance if previous is not None else type(newer)()
    user = record.history_user
    when = timezone.localtime(record.history_date)
    return LogChange(
        action=ACTIONS.get(record.history_type, "Log changed"),
        who=(user.name or user.email) if user else "The service",
        when=f"{when:%-d %B %Y} at {when:%-H:%M}",
        reason=(record.history_change_reason or "").strip(),
        answers=answer_changes(older, newer),
    )


def log_changes(records) -> list[LogChange]:
    """The page's history rows (newest first), each with what it changed; rows that changed no
    answer are left out. The oldest row on the page is read against the row before it."""
    records = list(records)
    changes = []
    for position, record in enumerate(records):
        previous = records[position + 1] if position + 1 < len(records) else record.prev_record
        change = log_change(record, previous)
        if change.answers or record.history_type != "~" or change.reason:
            changes.append(change)
    return changes
