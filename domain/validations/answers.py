"""Checks every answer against its question: numbers within limits, codes among the options.

These come from the catalogue itself, so they hold for every question of every year without
being written out one by one.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Callable

from domain.forms.catalogue import CHECKBOX, DATE, NUMERIC, RADIO, SELECT, TEXT, Form, Question, worked_out_once
from domain.forms import engine
from domain.forms.engine import is_present
from domain.models.logs import LARGEST_ANSWER


def _number_text(value) -> str:
    value = Decimal(value)
    return f"{value:,.2f}" if value != value.to_integral_value() else f"{int(value):,}"


def _number_limits(question: Question) -> tuple[Decimal | None, Decimal]:
    """The lowest and highest number a question takes: its own limits, within what its column can hold
    (a number too big to store is refused like any other answer out of range, before anything is worked
    out from it)."""
    largest = LARGEST_ANSWER.get(question.value_kind, LARGEST_ANSWER["decimal"])
    lowest = -largest if question.min is None else max(Decimal(str(question.min)), -largest)
    highest = largest if question.max is None else min(Decimal(str(question.max)), largest)
    return lowest, highest


def question_error(question: Question, value) -> str | None:
    """What is wrong with one answer, in words that say what to enter instead; None if it is fine."""
    return _check_of(question)(value)


def _check_of(question: Question) -> Callable[[object], str | None]:
    """The question's answer check, made once: every log asks the same questions, so their labels, limits
    and answer codes are worked out once rather than for each answer checked."""
    return worked_out_once(_CHECKS, question, _make_check)


_CHECKS: dict[int, tuple[Question, Callable[[object], str | None]]] = {}


def _make_check(question: Question) -> Callable[[object], str | None]:
    label = question.label.rstrip("?")
    if question.type == NUMERIC:
        lowest, highest = _number_limits(question)
        step = Decimal(str(question.step)) if question.step else None
        not_whole = f"{label}: enter a whole number." if step == 1 else f"{label}: enter an amount in pounds and pence."

        def check(value):
            if not is_present(value):
                return None
            try:
                number = Decimal(str(value))
            except InvalidOperation:
                return f"{label}: enter a number."
            if not number.is_finite():  # "NaN" and "Infinity" read as numbers but are none
                return f"{label}: enter a number."
            if number < lowest:
                return f"{label}: enter a number of at least {_number_text(lowest)}."
            if number > highest:
                return f"{label}: enter a number no more than {_number_text(highest)}."
            if step and (number % step) != 0:
                return not_whole
            return None
    elif question.type in (RADIO, SELECT) and question.options:
        codes, as_text = frozenset(question.codes), frozenset(str(code) for code in question.codes)

        def check(value):
            if not is_present(value) or value in codes or str(value) in as_text:
                return None
            return f"{label}: {value!r} is not one of the answers. Choose one of the options."
    elif question.type == TEXT:
        longest = question.max_length

        def check(value):
            if isinstance(value, str) and len(value) > longest and value.strip():
                return f"{label}: use {longest} characters or fewer."
            return None
    elif question.type == DATE:
        def check(value):
            if is_present(value) and not isinstance(value, date):
                return f"{label}: enter a real date, like 1/4/2026."
            return None
    else:
        def check(value):
            return None
    return check


def answer_errors(form: Form, log, shown: set[str]) -> dict[str, list[str]]:
    """Errors by field, for the questions the log is asked (others are cleared or derived). Where
    several pages store one field (the vacancy reason of a first let or a re-let), an answer is fine
    if any of their questions accepts it."""
    errors: dict[str, list[str]] = {}
    for field_name, columns, question, checks in _fields_checked(form):
        if shown.isdisjoint(columns):
            continue
        if question.type == CHECKBOX:
            for column in question.columns:
                if getattr(log, column, None) not in (None, 0, 1):
                    errors.setdefault(column, []).append(f"{question.label}: tick the box or leave it empty.")
            continue
        value = getattr(log, field_name, None)
        if value is None:
            continue
        messages = [check(value) for check in checks]
        if all(messages):
            errors[field_name] = [messages[0]]
    return errors


def _fields_checked(form: Form) -> list[tuple[str, frozenset[str], Question, tuple]]:
    """Each field of the form with its columns, its first question and the checks of every question storing
    it, worked out once per form."""
    return worked_out_once(_FIELDS, form, lambda form: [
        (name, frozenset(questions[0].columns), questions[0], tuple(_check_of(q) for q in questions))
        for name, questions in engine.layout(form).by_field.items()
    ])


_FIELDS: dict[int, tuple[Form, list]] = {}
