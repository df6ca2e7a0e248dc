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
