"""Export fields: an element name and how its text is read from one database row.

Rows are plain dicts from `QuerySet.values()`, so a field also names the columns it needs; the
collection asks for exactly those. `ctx` is the run's lookup cache (schemes, locations...).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from django.core.exceptions import FieldDoesNotExist
from django.db import models

from . import values

Getter = Callable[[dict, Any], "str | None"]


@dataclass(frozen=True)
class ExportField:
    name: str
    get: Getter
    columns: tuple[str, ...] = field(default=())
    # The column exported as stored (its attname), for the importer to read the element back into;
    # empty for computed fields and for columns the model does not have.
    source: str = ""


def _integer(value) -> str | None:
    return None if value is None else str(value)


def _string(value) -> str | None:
    return value or None


def formatter_for(model_field: models.Field) -> Callable[[Any], str | None]:
    """The cheapest correct formatter for a column's type (it runs for every value of every record)."""
    if isinstance(model_field, models.BooleanField):
        return values.boolean
    if isinstance(model_field, models.IntegerField):
        return _integer
    if isinstance(model_field, (models.CharField, models.TextField, models.EmailField)):
        return _string
    if isinstance(model_field, models.DecimalField):
        return values.decimal
    if isinstance(model_field, (models.DateField, models.DateTimeField)):
        return values.iso
    if isinstance(model_field, models.BooleanField):
        return values.boolean
    return values.text


def stored(model: type[models.Model], column: str, element: str | None = None) -> ExportField:
    """A column exported as stored. A column the model does not have (yet) exports as empty."""
    try:
        model_field = model._meta.get_field(column)
    except FieldDoesNotExist:
        return ExportField(element or column, lambda row, ctx: None)
    attname, fmt = model_field.attname, formatter_for(model_field)
    return ExportField(element or column, lambda row, ctx: fmt(row[attname]), (attname,), source=attname)


def computed(name: str, get: Getter, *columns: str) -> ExportField:
    return ExportField(name, get, tuple(columns))


def columns_of(fields) -> list[str]:
    """Every column the fields read, once each, in first-use order."""
    return list(dict.fromkeys(col for f in fields for col in f.columns))
