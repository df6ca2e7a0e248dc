"""How stored values are written in CSV downloads (spec csv-downloads §4 and §5)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from django.utils import timezone


def decimal_text(value: Decimal) -> str:
    """Plain notation with at least one decimal place: 200.00 -> 200.0, 17.50 -> 17.5."""
    text = format(value.normalize(), "f")
    return text if "." in text else f"{text}.0"


def iso_timestamp(value: datetime | None) -> str:
    """2026-04-01T00:00:00+01:00 (local time with its offset)."""
    return timezone.localtime(value).isoformat(timespec="seconds") if value else ""


def offset_timestamp(value: datetime | date | None) -> str:
    """2026-04-01 00:00:00 +0100 (local time); a date is taken as its local midnight."""
    if value is None:
        return ""
    if not isinstance(value, datetime):
        value = timezone.make_aware(datetime(value.year, value.month, value.day))
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M:%S %z")


def code_text(value) -> str:
    """A stored value as the codes file writes it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return decimal_text(value)
    if isinstance(value, datetime):
        return offset_timestamp(value)
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def plain_label(value) -> str:
    """A stored value with no label of its own, as the labels file writes it."""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    return code_text(value)


def yes_no(value) -> str:
    return {1: "Yes", 0: "No"}.get(value, "")  # True and False look up as 1 and 0


def yes_or_blank(value) -> str:
    return "Yes" if value == 1 else ""


def email_of(user) -> str:
    return user.email if user is not None else ""
