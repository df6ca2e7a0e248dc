"""Element text back to stored values: the inverse of exports/cds/values.py, chosen by column type."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Callable

from django.db import models

from exports.cds.values import LONDON

from .errors import RecordProblem


def moment(text: str | None, element: str = "") -> datetime | None:
    """An ISO 8601 time with its offset (as the export writes it)."""
    if text is None:
        return None
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        raise RecordProblem(element, f"'{text}' is not a date and time (expected e.g. 2026-04-03T00:00:00+01:00).")
    return value if value.tzinfo else value.replace(tzinfo=LONDON)


def day(text: str | None, element: str = "") -> date | None:
    """A date the export wrote as midnight London time (or any ISO time: its London date)."""
    if text is None:
        return None
    if len(text) == 10:
        try:
            return date.fromisoformat(text)
        except ValueError:
            raise RecordProblem(element, f"'{text}' is not a date.")
    return moment(text, element).astimezone(LONDON).date()


def integer(text: str | None, element: str = "") -> int | None:
    if text is None:
        return None
    try:
        return int(text)
    except ValueError:
        raise RecordProblem(element, f"'{text}' is not a whole number.")


def decimal(text: str | None, element: str = "") -> Decimal | None:
    if text is None:
        return None
    try:
        return Decimal(text)
    except InvalidOperation:
        raise RecordProblem(element, f"'{text}' is not a number.")


def boolean(text: str | None, element: str = "") -> bool | None:
    if text is None:
        return None
    if text in ("true", "false"):
        return text == "true"
    raise RecordProblem(element, f"'{text}' is not true or false.")


def string(text: str | None, element: str = "") -> str:
    return text or ""


def parser_for(model_field: models.Field) -> Callable[[str | None, str], object]:
    """How an element of this column's type is read."""
    if isinstance(model_field, models.BooleanField):
        return boolean
    if isinstance(model_field, models.DateTimeField):
        return moment
    if isinstance(model_field, models.DateField):
        return day
    if isinstance(model_field, models.DecimalField):
        return decimal
    if isinstance(model_field, (models.IntegerField, models.ForeignKey)):
        return integer
    if model_field.null and not isinstance(model_field, (models.CharField, models.TextField)):
        return lambda text, element="": text
    return string

