"""The form engine: which questions a log is asked, what is answered, each subsection's status,
and clearing answers to questions that are no longer asked.

It reads a form (domain/forms/catalogue.py) and a log: any object whose attributes are the log's
columns (a LettingsLog or SalesLog instance, saved or not).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .catalogue import CHECKBOX, INTERRUPTION, RADIO, Form, Page, Question, Subsection, worked_out_once
from .conditions import Condition, forget, memo, remembered

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


@dataclass(frozen=True)
class Layout:
    """What routing reads of a form, worked out once per form rather than on every pass."""

    placed: tuple[tuple[Subsection, Page, Question], ...]  # every question, in form order
    # The distinct conditions of pages and questions: many pages ask the same one (equal, if not the
    # same object), and a routing pass works each out once.
    conditions: tuple[Condition, ...]
    # Each page with its key in Routing.page_shown, its condition (a place in `conditions`, None when it
    # is always shown), its slice of `placed` and, for its questions that have a condition of their own,
    # their place in `placed` and in `conditions`.
    pages: tuple[tuple[Subsection, Page, tuple[int, int], int | None, int, int, tuple[tuple[int, int], ...]], ...]
    spans: dict[int, tuple[int, int]]  # id(subsection) -> its slice of `placed`
    by_field: dict[str, list[Question]]  # every question storing a field, in form order
    derivable: tuple[int, ...]  # the places in `placed` of questions that may be derived
    optioned: frozenset[int]  # the places in `placed` of questions with an option shown only in some cases
    clearable: tuple[tuple[str, Question], ...]  # fields routing may clear, each with its first question

    @classmethod
    def of(cls, form: Form) -> Layout:
        placed, pages, spans, by_field, slots, conditions = [], [], {}, {}, {}, []

        def slot(condition: Condition) -> int | None:
            if condition.always:
                return None
            try:
                place = slots.setdefault(condition, len(conditions))
            except TypeError:  # an operand that cannot be hashed (a list): the condition stands alone
                place = len(conditions)
            if place == len(conditions):
                conditions.append(condition)
            return place

        for subsection in form.subsections:
            first = len(placed)
            for page in subsection.pages:
                start = len(placed)
                conditional = tuple((start + n, slot(q.shown_when)) for n, q in enumerate(page.questions)
                                    if not q.shown_when.always)
                pages.append((subsection, page, (id(subsection), id(page)), slot(page.shown_when), start,
                              start + len(page.questions), conditional))
                for question in page.questions:
                    placed.append((subsection, page, question))
                    by_field.setdefault(question.field, []).append(question)
            spans[id(subsection)] = (first, len(placed))
        derivable = tuple(i for i, (_, _, question) in enumerate(placed) if question.derived_when)
        optioned = frozenset(i for i, (_, _, question) in enumerate(placed)
                             if any(not option.shown_when.always for option in question.options))
        clearable = tuple((name, questions[0]) for name, questions in by_field.items()
                          if not (questions[0].keep_when_hidden or questions[0].type in ("organisation", "user")))
        return cls(tuple(placed), tuple(conditions), tuple(pages), spans, by_field, derivable, optioned, clearable)


_LAYOUTS: dict[int, tuple[Form, Layout]] = {}


def layout(form: Form) -> Layout:
    return worked_out_once(_LAYOUTS, form, Layout.of)


class Routing:
    """Which pages and questions a log is asked, worked out page by page (each condition once) for one
    state of the log. Inside `remembered()` it is made once per form and log and shared by every reader
    (answer checks, clearing, soft rules, status); outside, it is made afresh on each call."""

    def __init__(self, form: Form, log, gate: bool):
        self.form, self.log, self.gate = form, log, gate
        self.layout = layout(form)
        self.flags = [False] * len(self.layout.placed)  # question routed, aligned with layout.placed
        self.page_shown: dict[tuple[int, int], bool] = {}
        self._applicable: dict[int, list[Question]] = {}
        enabled: dict[int, bool] = {}
        conditions = self.layout.conditions
        # Each distinct condition worked out once, on first need (by its place in layout.conditions).
        known: list[bool | None] = [None] * len(conditions)

        flags, page_shown = self.flags, self.page_shown
        for subsection, page, key, page_condition, start, end, conditional in self.layout.pages:
            if page.ignores_gate:
                shown = True
            else:
                sub = id(subsection)
                shown = enabled.get(sub)
                if shown is None:
                    shown = enabled[sub] = subsection_enabled(subsection, log, gate)
            if shown and page_condition is not None:
                shown = known[page_condition]
                if shown is None:
                    shown = known[page_condition] = conditions[page_condition].holds(log)
            page_shown[key] = shown
            if shown:
                flags[start:end] = [True] * (end - start)
                for i, place in conditional:
                    routed = known[place]
                    if routed is None:
                        routed = known[place] = conditions[place].holds(log)
                    flags[i] = routed

    @property
    def shown(self) -> list[tuple[Subsection, Page, Question]]:
        return [triple for triple, routed in zip(self.layout.placed, self.flags) if routed]

    def applicable(self, subsection: Subsection) -> list[Question]:
        found = self._applicable.get(id(subsection))
        if found is None:
            log, chosen = self.log, {}
            start, end = self.layout.spans[id(subsection)]
            for i in range(start, end):
                question = self.layout.placed[i][2]
                routed = self.flags[i] and not is_derived(question, log)
                if routed or (i in self.layout.optioned and _derived_option_chosen(question, log)):
                    chosen.setdefault(question.field, question)
            found = self._applicable[id(subsection)] = list(chosen.values())
        return list(found)


def routing(form: Form, log, gate: bool | None = None) -> Routing:
    """The log's routing; with a gate other than the log's own (a caller's what-if), not remembered."""
    found = memo()
    key = ("routing", id(form), id(log))
    shared = found.get(key) if found is not None else None
    if shared is None:
        shared = Routing(form, log, gate_open(form, log))
        if found is not None:
            found[key] = shared
    return shared if gate is None or gate == shared.gate else Routing(form, log, gate)


def gate_open(form: Form, log) -> bool:
    """Every subsection but setup waits until each applicable setup question is answered."""
    found = memo()
    if found is None:
        return _gate_open(form, log)
    key = ("gate", id(form), id(log))
    if key not in found:
        found[key] = _gate_open(form, log)
    return found[key]


def _gate_open(form: Form, log) -> bool:
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


def page_asked(form: Form, subsection: Subsection, page: Page, log) -> bool:
    """The page is shown with the log's own gate (read from the shared routing inside `remembered()`)."""
    if memo() is None:
        return page_shown(subsection, page, log, gate_open(form, log))
    return routing(form, log).page_shown[(id(subsection), id(page))]


def question_routed(subsection: Subsection, page: Page, question: Question, log, gate: bool) -> bool:
    """Asked now: its page is shown and, for a child question, its parent answer reveals it."""
    return page_shown(subsection, page, log, gate) and question.shown_when.holds(log)


def _derived_option_chosen(question: Question, log) -> bool:
    value = getattr(log, question.field, None)
    return any(option.code == value and not option.shown_when.always and option.shown_when.holds(log)
               for option in question.options)


def applicable_questions(form: Form, subsection: Subsection, log, gate: bool | None = None) -> list[Question]:
    """The questions that count towards the subsection's status, one per field."""
    return routing(form, log, gate).applicable(subsection)


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
    return routing(form, log).shown


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
    the options of the question now asked). Runs twice so that cascades settle (the second time only
    when the first cleared something: otherwise the log, and so its routing, is as it was). Returns the
    columns it cleared. Inside `remembered()` it reads the routing already worked out for the log as it
    is, and forgets it once it blanks an answer."""
    cleared: list[str] = []
    with remembered():
        for _ in range(2):
            blanked = _clear_pass(form, log)
            if not blanked:
                break
            forget()  # the log has changed: its routing is worked out again
            cleared += [column for column in blanked if column not in cleared]
    return cleared


def _clear_pass(form: Form, log) -> list[str]:
    blanked: list[str] = []
    found = routing(form, log)  # worked out before any answer is blanked
    placed = found.layout.placed
    live_at = [i for i, shown in enumerate(found.flags) if shown]
    live_at += [i for i in found.layout.derivable if not found.flags[i] and is_derived(placed[i][2], log)]
    routed: dict[str, list[Question]] = {}
    for i in live_at:
        question = placed[i][2]
        routed.setdefault(question.field, []).append(question)
    for field_name, sample in found.layout.clearable:
        live = routed.get(field_name, ())
        if sample.type == CHECKBOX:
            offered = {code for q in live for code in q.columns}
            for column in sample.columns:
                if column not in offered and getattr(log, column, None) is not None:
                    _blank(log, column, blanked)
            continue
        value = getattr(log, field_name, None)  # value_of, inlined: clearing reads every answer of the form
        if value is None or value == "":
            continue
        if not live:
            _blank(log, field_name, blanked)
        elif sample.type == RADIO and sample.type != INTERRUPTION:
            codes = {option.code for q in live for option in q.options}
            if codes and value not in codes:
                _blank(log, field_name, blanked)
    return blanked


def blank_answer(log, column: str) -> None:
    """Leave an answer out: the one way an answer is removed from a log (routing, a refused answer, a bulk
    upload cell that cannot be used). A text column is never null, so it becomes ""."""
    current = getattr(log, column, None)
    setattr(log, column, "" if isinstance(current, str) else None)


def _blank(log, column: str, cleared: list[str]) -> None:
    blank_answer(log, column)
    if column not in cleared:
        cleared.append(column)
