"""Which element feeds which column: read from the export's own field declarations (exports/cds), so a
column added to or renamed in the export is read back without a second list here.

A declared field with a `source` is a stored column and is read back by its column's type; every other
element is either restored by a named inverse of the kind being imported or known to be worked out
from other data (and so not read). `unread_elements` lets a test prove nothing is forgotten.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable

from django.db import models

from exports.cds.fields import ExportField

from . import texts


@dataclass(frozen=True)
class Reader:
    element: str
    column: str  # attname
    parse: Callable


def stored_readers(fields: Iterable[ExportField], model: type[models.Model]) -> tuple[Reader, ...]:
    readers = []
    for field in fields:
        if not field.source:
            continue
        model_field = next(f for f in model._meta.concrete_fields if f.attname == field.source)
        readers.append(Reader(field.name, field.source, texts.parser_for(model_field)))
    return tuple(readers)


def read_stored(readers: tuple[Reader, ...], record: dict) -> dict:
    """Stored columns of one record; an element the record lacks leaves its column alone."""
    values = {}
    for reader in readers:
        if reader.element in record:
            values[reader.column] = reader.parse(record[reader.element], reader.element)
    return values


def unread_elements(fields: Iterable[ExportField], inverses: Iterable[str], worked_out: Iterable[str]) -> list[str]:
    """Elements that are neither a stored column, nor restored, nor known to be worked out elsewhere."""
    known = set(inverses) | set(worked_out)
    return [f.name for f in fields if not f.source and f.name not in known and f.columns]
