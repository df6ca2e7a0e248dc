"""Checking a dict of answers without saving: what `check_answers` (and anything else that needs a
dry run) uses. Answers use the catalogue's field names and codes."""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation

from domain import access
from domain.forms import registry
from domain.forms.catalogue import CHECKBOX, DATE, LOCATION, ORGANISATION, SCHEME, USER, worked_out_once
from domain.forms.engine import is_present
from domain.models import LettingsLog, Location, Organisation, SalesLog, Scheme, User
from domain.models.organisations import ORGANISATION_CODE_PREFIX
from domain.models.schemes import SCHEME_CODE_PREFIX


class AnswerError(ValueError):
    """Answers that cannot be read; the message says which and how to fix it."""


MODELS = {"lettings": LettingsLog, "sales": SalesLog}


class References:
    """Finds the organisations, users, schemes and locations that answers name (`ORG<id>` or a legacy
    organisation id, an email, `S<id>` or a legacy scheme code, a location id or legacy code), and
    remembers each look-up: a file of thousands of rows asks the database once per distinct value.

    With `schemes_of_log_organisations`, a scheme is looked for only among those owned by the log's
    owning or managing organisation (as the bulk upload template requires)."""

    def __init__(self, *, schemes_of_log_organisations: bool = False):
        self.schemes_of_log_organisations = schemes_of_log_organisations
        self._found: dict[tuple, object] = {}

    def _remember(self, key: tuple, find):
        if key not in self._found:
            self._found[key] = find()
        return self._found[key]

    def organisation(self, text: str):
        text = text.strip()
        if text.startswith(ORGANISATION_CODE_PREFIX) and text[len(ORGANISATION_CODE_PREFIX):].isdigit():
            pk = int(text[len(ORGANISATION_CODE_PREFIX):])
            return self._remember(("org", pk), lambda: Organisation.objects.filter(pk=pk).first())
        return self._remember(("org-legacy", text), lambda: Organisation.objects.filter(old_visible_id=text).first())

    def user(self, text: str):
        email = text.strip().lower()
        return self._remember(("user", email),
                              lambda: User.objects.select_related("organisation").filter(email__iexact=email).first())

    def scheme(self, text: str, organisation_ids: tuple | None = None):
        text = text.strip()
        schemes = Scheme.objects.all()
        if organisation_ids is not None:
            schemes = schemes.filter(owning_organisation_id__in=[i for i in organisation_ids if i])
        if text.upper().startswith(SCHEME_CODE_PREFIX) and text[1:].isdigit():
            pk = int(text[1:])
            return self._remember(("scheme", pk, organisation_ids), lambda: schemes.filter(pk=pk).first())
        if text.isdigit():
            legacy = int(text)
            return self._remember(("scheme-legacy", legacy, organisation_ids), lambda: next(
                (s for s in schemes.exclude(old_visible_id="") if s.old_visible_id.isdigit()
                 and int(s.old_visible_id) == legacy), None))
        return None

    def location(self, text: str, scheme=None):
        text = text.strip()
        if not text.isdigit():
            return None
        locations = Location.objects.filter(scheme=scheme) if scheme is not None else Location.objects.all()
        number = int(text)

        def find():
            found = locations.filter(pk=number).first()
            if found is None and scheme is not None:
                found = next((loc for loc in locations.exclude(old_visible_id="")
                              if loc.old_visible_id.isdigit() and int(loc.old_visible_id) == number), None)
            return found

        return self._remember(("location", number, getattr(scheme, "pk", None)), find)

    def find(self, kind: str, value, log):
        text = str(value)
        if kind == ORGANISATION:
            return self.organisation(text)
        if kind == USER:
            return self.user(text)
        if kind == SCHEME:
            owners = (log.owning_organisation_id, log.managing_organisation_id)
            return self.scheme(text, owners if self.schemes_of_log_organisations else None)
        scheme = log.scheme if getattr(log, "scheme_id", None) else None
        return self.location(text, scheme if self.schemes_of_log_organisations else None)


_VALUE_KINDS: dict[int, tuple] = {}


def _convert(question, value):
    if value is None or value == "":
        return None
    kind = worked_out_once(_VALUE_KINDS, question, lambda question: question.value_kind)  # read for every answer
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


def log_from_answers(*, log_type: str, year: int, answers: dict, references: References | None = None,
                     problems: dict[str, str] | None = None):
    """An unsaved log holding the answers. Without `problems`, an answer that cannot be read raises
    AnswerError; with it, the log is built anyway and `problems[field]` says what could not be read."""
    form = registry.form_for_year(log_type, year)
    log = MODELS[log_type].blank()
    log._form_year = year
    references = references or References()
    columns = _columns(form)
    unknown = sorted(set(answers) - set(columns))
    if unknown:
        raise AnswerError(f"Unknown fields for the {log_type} {year} form: {', '.join(unknown)}.")
    for name, value in answers.items():
        question = columns[name]
        try:
            if question.type in (ORGANISATION, USER, SCHEME, LOCATION):
                found = None
                if value not in (None, ""):
                    found = references.find(question.type, value, log)
                    if found is None:
                        raise AnswerError(f"{name}: nothing matches {str(value).strip()!r}.")
                setattr(log, name.removesuffix("_id"), found)
            elif question.type == CHECKBOX:
                setattr(log, name, None if value in (None, "") else int(value))
            else:
                value = _convert(question, value)
                setattr(log, name, "" if value is None and question.value_kind == "str" else value)
        except AnswerError as error:
            if problems is None:
                raise
            problems[name] = str(error)
    return log


def _columns(form) -> dict:
    return worked_out_once(_COLUMNS, form, lambda form: {
        column: question for question in form.questions for column in question.columns})


_COLUMNS: dict[int, tuple] = {}


def _as_given(question, log, column: str):
    """One column's value spelt as answers are given: codes and numbers as they are (amounts as text,
    like "100.00"), dates as YYYY-MM-DD, and organisations, users, schemes and locations by reference."""
    if question.type in (ORGANISATION, USER, SCHEME, LOCATION):
        related = getattr(log, column.removesuffix("_id"))
        return related.email if question.type == USER else related.code
    value = getattr(log, column)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def answers_of(log) -> dict:
    """Every answer the log holds, by column in the form's order, spelt as answers are given (the
    reverse of log_from_answers); unanswered and cleared columns are left out."""
    found = {}
    for column, question in _columns(log.form).items():
        if column not in found and is_present(getattr(log, column, None)):
            found[column] = _as_given(question, log, column)
    return found


def check_answers(*, log_type: str, year: int, answers: dict, user_email: str | None = None) -> dict:
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
        "answers": answers_of(log),
    }
