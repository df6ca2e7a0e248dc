"""Checks every answer against its question: numbers within limits, codes among the options.

These come from the catalogue itself, so they hold for every question of every year without
being written out one by one.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation

from domain.forms.catalogue import CHECKBOX, DATE, NUMERIC, RADIO, SELECT, TEXT, Form, Question
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
    if not is_present(value):
        return None
    label = question.label.rstrip("?")
    if question.type == NUMERIC:
        try:
            number = Decimal(str(value))
        except InvalidOperation:
            return f"{label}: enter a number."
        if not number.is_finite():  # "NaN" and "Infinity" read as numbers but are none
            return f"{label}: enter a number."
        lowest, highest = _number_limits(question)
        if lowest is not None and number < lowest:
            return f"{label}: enter a number of at least {_number_text(lowest)}."
        if highest is not None and number > highest:
            return f"{label}: enter a number no more than {_number_text(highest)}."
        step = Decimal(str(question.step)) if question.step else None
        if step and (number % step) != 0:
            return f"{label}: enter a whole number." if step == 1 else f"{label}: enter an amount in pounds and pence."
    if question.type in (RADIO, SELECT) and question.options:
        if value not in question.codes and str(value) not in {str(code) for code in question.codes}:
            return f"{label}: {value!r} is not one of the answers. Choose one of the options."
    if question.type == TEXT and isinstance(value, str) and len(value) > question.max_length:
        return f"{label}: use {question.max_length} characters or fewer."
    if question.type == DATE and not isinstance(value, date):
        return f"{label}: enter a real date, like 1/4/2026."
    return None


def answer_errors(form: Form, log, shown: set[str]) -> dict[str, list[str]]:
    """Errors by field, for the questions the log is asked (others are cleared or derived). Where
    several pages store one field (the vacancy reason of a first let or a re-let), an answer is fine
    if any of their questions accepts it."""
    errors: dict[str, list[str]] = {}
    for field_name, questions in engine.layout(form).by_field.items():
        question = questions[0]
        if not shown & set(question.columns):
            continue
        if question.type == CHECKBOX:
            for column in question.columns:
                if getattr(log, column, None) not in (None, 0, 1):
                    errors.setdefault(column, []).append(f"{question.label}: tick the box or leave it empty.")
            continue
        messages = [question_error(q, getattr(log, field_name, None)) for q in questions]
        if messages and all(messages):
            errors[field_name] = [messages[0]]
    return errors
