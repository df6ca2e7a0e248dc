"""Helpers for the CDS export tests: reading the reference XML, building logs from it, reading archives."""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.db import models
from lxml import etree

from domain.models import LettingsLog
from exports.storage import LocalStorage
from tests.shared_files import shared_path

REFERENCE = shared_path("reference", "exports")
LONDON = ZoneInfo("Europe/London")


def reference_records(name: str) -> list[list[tuple[str, str | None]]]:
    """Each <form> of a reference file as (element, text) pairs in order."""
    root = etree.parse(str(REFERENCE / name)).getroot()
    return [[(child.tag, child.text) for child in form] for form in root]


def london(*parts) -> datetime:
    return datetime(*parts, tzinfo=LONDON)


def answers_from_reference(pairs, skip=()) -> dict:
    """Column values of a LettingsLog holding the reference record's stored answers."""
    answers = {}
    for name, text in pairs:
        if name in skip:
            continue
        try:
            field = LettingsLog._meta.get_field(name)
        except Exception:
            continue
        if not field.concrete or field.is_relation or name in ("status", "id"):
            continue
        answers[name] = _parse(field, text)
    return answers


def sales_answers_from_reference(pairs, skip=()) -> dict:
    """Column values of a SalesLog holding the reference record's answers: the export's renames reversed.

    A column exported as itself is read from its element (RENAMES, else the upper-cased name); a column
    exported in other shapes (SALES_EXCLUDED) is read back from the computed fields built on it: a
    date from its DAY / MONTH / YEAR elements, any other from the first of its elements with a value.
    """
    from domain.models import SalesLog
    from exports.cds.sales import COMPUTED, RENAMES, SALES_EXCLUDED

    texts = {name: text for name, text in pairs if name not in skip}
    answers = {}
    for field in SalesLog._meta.concrete_fields:
        column = field.name
        if field.is_relation or column in ("id", "status"):
            continue
        if column not in SALES_EXCLUDED:
            element = RENAMES.get(column, column.upper())
            if element in texts:
                answers[column] = _parse(field, texts[element])
            continue
        built_on = [f.name for f in COMPUTED if f.columns[:1] == (column,) and f.name in texts]
        if isinstance(field, models.DateField):
            prefix = next((name[:-3] for name in built_on if name.endswith("DAY")), None)
            day, month, year = (texts[f"{prefix}{part}"] for part in ("DAY", "MONTH", "YEAR")) \
                if prefix is not None else [None] * 3
            answers[column] = date(int(year), int(month), int(day)) if day else None
        else:
            given = [texts[name] for name in built_on if texts[name] is not None]
            answers[column] = _parse(field, given[0] if given else None)
    return answers


def _parse(field, text):
    if text is None:
        return "" if isinstance(field, models.CharField) else None
    if isinstance(field, models.DecimalField):
        return Decimal(text)
    if isinstance(field, models.DateField):
        return date.fromisoformat(text[:10])
    if isinstance(field, models.BooleanField):
        return text == "true"
    if isinstance(field, (models.IntegerField,)):
        return int(text)
    return text


def archive_members(storage: LocalStorage, archive: str) -> dict[str, bytes]:
    with storage.open(archive) as handle, zipfile.ZipFile(io.BytesIO(handle.read())) as bundle:
        return {name: bundle.read(name) for name in bundle.namelist()}


def forms_in(xml: bytes) -> list[list[tuple[str, str | None]]]:
    root = etree.fromstring(xml)
    assert root.tag == "forms"
    return [[(child.tag, child.text) for child in form] for form in root]


def exported_records(storage: LocalStorage, archive: str) -> list[list[tuple[str, str | None]]]:
    members = archive_members(storage, archive)
    parts = sorted(name for name in members if name != "manifest.xml")
    return [record for name in parts for record in forms_in(members[name])]
