"""Checking a dict of answers without saving: what `check_answers` (and anything else that needs a
dry run) uses. Answers use the catalogue's field names and codes."""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation

from domain import access
from domain.forms import registry
from domain.forms.catalogue import CHECKBOX, DATE, LOCATION, ORGANISATION, SCHEME, USER
from domain.models import LettingsLog, Location, Organisation, SalesLog, Scheme, User
from domain.models.organisations import ORGANISATION_CODE_PREFIX
from domain.models.schemes import SCHEME_CODE_PREFIX


class AnswerError(ValueError):
    """Answers that cannot be read; the message says which and how to fix it."""


MODELS = {"lettings": LettingsLog, "sales": SalesLog}


def _reference(kind: str, field: str, value):
    text = str(value).strip()
    if kind == ORGANISATION:
        digits = text.upper().removeprefix(ORGANISATION_CODE_PREFIX)
        found = Organisation.objects.filter(pk=int(digits)).first() if digits.isdigit() else None
    elif kind == USER:
        found = User.objects.filter(email__iexact=text).first()
    elif kind == SCHEME:
        digits = text.upper().removeprefix(SCHEME_CODE_PREFIX)
        found = Scheme.objects.filter(pk=int(digits)).first() if digits.isdigit() else None
    else:
        found = Location.objects.filter(pk=int(text)).first() if text.isdigit() else None
    if found is None:
        raise AnswerError(f"{field}: nothing matches {text!r}.")
    return found


def _convert(question, value):
    if value is None or value == "":
        return None
    kind = question.value_kind
    try:
        if question.type == DATE:
            return date.fromisoformat(str(value))
        if kind == "int":
            return int(value)
        if kind == "decimal":
            return Decimal(str(value))
    except (ValueError, InvalidOperation):
        raise AnswerError(f"{question.field}: {value!r} is not a {'date (YYYY-MM-DD)' if question.type == DATE else 'number'}.")
    return str(value)


def log_from_answers(*, log_type: str, year: int, answers: dict):
    form = registry.form_for_year(log_type, year)
    log = MODELS[log_type]()
    log._form_year = year
    columns = {column: question for question in form.questions for column in question.columns}
    unknown = sorted(set(answers) - set(columns))
    if unknown:
        raise AnswerError(f"Unknown fields for the {log_type} {year} form: {', '.join(unknown)}.")
    for name, value in answers.items():
        question = columns[name]
        if question.type in (ORGANISATION, USER, SCHEME, LOCATION):
            setattr(log, name.removesuffix("_id"), _reference(question.type, name, value) if value not in (None, "") else None)
        elif question.type == CHECKBOX:
            setattr(log, name, None if value in (None, "") else int(value))
        else:
            setattr(log, name, _convert(question, value))
    return log


def check_answers(*, log_type: str, year: int, answers: dict, user_email: str | None = None) -> dict:
    import domain.services.lettings  # noqa: F401  (registers the log types)
    import domain.services.sales  # noqa: F401
    from domain.services.logs import log_evaluate

    if user_email:
        user = User.objects.filter(email__iexact=user_email).first()
        if user is None or not access.is_console_user(user):
            raise AnswerError(f"No active user with the email {user_email}.")
    log = log_from_answers(log_type=log_type, year=year, answers=answers)
    outcome = log_evaluate(log)
    derived = {d.field: getattr(log, d.field, None) for d in outcome.form.derived}
    return {
        "log_type": log_type,
        "year": year,
        "status": outcome.status,
        "subsections": outcome.subsections,
        "shown": outcome.shown,
        "missing": outcome.missing,
        "errors": outcome.errors,
        "soft_checks": outcome.soft_checks,
        "derived": derived,
        "cleared": outcome.cleared,
    }
