"""The form engine: which questions a log is asked, what is answered, each subsection's status,
and clearing answers to questions that are no longer asked.

It reads a form (domain/forms/catalogue.py) and a log: any object whose attributes are the log's
columns (a LettingsLog or SalesLog instance, saved or not).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .catalogue import CHECKBOX, INTERRUPTION, RADIO, Form, Page, Question, Subsection
from .conditions import remembered, value_of

CANNOT_START_YET, NOT_STARTED, IN_PROGRESS, COMPLETED = "cannot_start_yet", "not_started", "in_progress", "completed"
SUBSECTION_STATUS_LABELS = {
    CANNOT_START_YET: "Cannot start yet",
    NOT_STARTED: "Not started",
    IN_PROGRESS: "In progress",
    COMPLETED: "Completed",
}


def is_present(value) -> bool:
    return value is not None and not (isinstance(value, str) and not value.strip())


def is_derived(question: Question, log) -> bool:
    return bool(question.derived_when and question.derived_when.holds(log))


def is_optional(question: Question, log) -> bool:
    return question.optional or bool(question.optional_when and question.optional_when.holds(log))


def is_answered(question: Question, log) -> bool:
    if question.type == CHECKBOX:
        return any(getattr(log, column, None) == 1 for column in question.columns)
    if is_present(getattr(log, question.field, None)):
        return True
    return bool(question.not_known_when and question.not_known_when.holds(log))


def gate_open(form: Form, log) -> bool:
    """Every subsection but setup waits until each applicable setup question is answered."""
    setup = form.subsections[0]
    for page, question in setup.questions:
        if question.field in form.gate_ignores or is_optional(question, log):
            continue
        if page.shown_when.holds(log) and question.shown_when.holds(log) and not is_answered(question, log):
            return False
    return True


def subsection_enabled(subsection: Subsection, log, gate: bool) -> bool:
    return (gate or not subsection.gated) and subsection.enabled_when.holds(log)


def page_shown(subsection: Subsection, page: Page, log, gate: bool) -> bool:
    if not page.ignores_gate and not subsection_enabled(subsection, log, gate):
        return False
    return page.shown_when.holds(log)


def question_routed(subsection: Subsection, page: Page, question: Question, log, gate: bool) -> bool:
    """Asked now: its page is shown and, for a child question, its parent answer reveals it."""
    return page_shown(subsection, page, log, gate) and question.shown_when.holds(log)


def _derived_option_chosen(question: Question, log) -> bool:
    value = getattr(log, question.field, None)
    return any(option.code == value and not option.shown_when.always and option.shown_when.holds(log)
               for option in question.options)


def applicable_questions(form: Form, subsection: Subsection, log, gate: bool | None = None) -> list[Question]:
    """The questions that count towards the subsection's status, one per field."""
    gate = gate_open(form, log) if gate is None else gate
    chosen: dict[str, Question] = {}
    for page, question in subsection.questions:
        routed = question_routed(subsection, page, question, log, gate) and not is_derived(question, log)
        if routed or _derived_option_chosen(question, log):
            chosen.setdefault(question.field, question)
    return list(chosen.values())


def subsection_status(form: Form, subsection: Subsection, log, gate: bool | None = None) -> str:
    gate = gate_open(form, log) if gate is None else gate
    if not subsection_enabled(subsection, log, gate):
        return CANNOT_START_YET
    questions = applicable_questions(form, subsection, log, gate)
    required = [q for q in questions if not is_optional(q, log)]
    if questions and not any(is_answered(q, log) for q in questions):
        return NOT_STARTED
    if all(is_answered(q, log) for q in required):
        return COMPLETED
    return IN_PROGRESS


def shown_questions(form: Form, log) -> list[tuple[Subsection, Page, Question]]:
    with remembered():
        return _shown_questions(form, log)


def _shown_questions(form: Form, log) -> list[tuple[Subsection, Page, Question]]:
    gate = gate_open(form, log)
    return [
        (subsection, page, question)
        for subsection in form.subsections
        for page, question in subsection.questions
        if question_routed(subsection, page, question, log, gate)
    ]


def unanswered_questions(form: Form, log) -> list[Question]:
    gate = gate_open(form, log)
    return [
        question
        for subsection in listed_subsections(form, log)
        for question in applicable_questions(form, subsection, log, gate)
        if not is_optional(question, log) and not is_answered(question, log)
    ]


@dataclass
class Evaluation:
    shown: list[str]
    subsections: dict[str, str]
    status: str
    missing: list[str] = field(default_factory=list)


def log_status(subsections: dict[str, str], has_errors: bool) -> str:
    statuses = set(subsections.values())
    if statuses == {COMPLETED} and not has_errors:
        return COMPLETED
    if statuses <= {NOT_STARTED, CANNOT_START_YET}:
        return NOT_STARTED
    return IN_PROGRESS


def listed_subsections(form: Form, log) -> list[Subsection]:
    """The subsections in the log's task list (a staircasing sale has no household situation)."""
    return [sub for sub in form.subsections if sub.listed_when.holds(log)]


def evaluate(form: Form, log, *, has_errors: bool = False) -> Evaluation:
    with remembered():
        return _evaluate(form, log, has_errors)


def _evaluate(form: Form, log, has_errors: bool) -> Evaluation:
    gate = gate_open(form, log)
    statuses = {sub.id: subsection_status(form, sub, log, gate) for sub in listed_subsections(form, log)}
    shown = list(dict.fromkeys(
        column for _, _, question in shown_questions(form, log) for column in question.columns
    ))
    return Evaluation(
        shown=shown,
        subsections=statuses,
        status=log_status(statuses, has_errors),
        missing=[q.field for q in unanswered_questions(form, log)],
    )


def clear_hidden_answers(form: Form, log) -> list[str]:
    """Blank answers to questions that are no longer asked (and radio answers that are not among
    the options of the question now asked). Runs twice so that cascades settle. Returns the
    columns it cleared."""
    cleared: list[str] = []
    for _ in range(2):
        routed: dict[str, list[Question]] = {}
        every: dict[str, list[Question]] = {}
        with remembered():  # the log changes only after routing is worked out
            gate = gate_open(form, log)
            for subsection in form.subsections:
                for page, question in subsection.questions:
                    every.setdefault(question.field, []).append(question)
                    if question_routed(subsection, page, question, log, gate) or is_derived(question, log):
                        routed.setdefault(question.field, []).append(question)
        for field_name, questions in every.items():
            sample = questions[0]
            if sample.keep_when_hidden or sample.type in ("organisation", "user"):
                continue
            live = routed.get(field_name, [])
            if sample.type == CHECKBOX:
                offered = {code for q in live for code in q.columns}
                for column in sample.columns:
                    if column not in offered and getattr(log, column, None) is not None:
                        _blank(log, column, cleared)
                continue
            value = value_of(log, field_name)
            if value is None:
                continue
            if not live:
                _blank(log, field_name, cleared)
            elif sample.type == RADIO and sample.type != INTERRUPTION:
                codes = {option.code for q in live for option in q.options}
                if codes and value not in codes:
                    _blank(log, field_name, cleared)
    return cleared


def _blank(log, column: str, cleared: list[str]) -> None:
    current = getattr(log, column, None)
    setattr(log, column, "" if isinstance(current, str) else None)
    if column not in cleared:
        cleared.append(column)
