"""How CDS wants each kind of value written (spec cds-export §6). `None` means an empty element."""

from __future__ import annotations

from datetime import date, datetime, time
from decimal import ROUND_HALF_UP, Decimal
from zoneinfo import ZoneInfo

LONDON = ZoneInfo("Europe/London")


def text(value) -> str | None:
    """Any stored value as element text; empty strings and nulls become empty elements."""
    if value is None or value == "":
        return None
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, Decimal):
        return decimal(value)
    if isinstance(value, (datetime, date)):
        return iso(value)
    return str(value)


def decimal(value: Decimal | None) -> str | None:
    """Plain notation, trailing zeros dropped but one decimal digit kept: 200.0, 17.5, 12.34."""
    if value is None:
        return None
    plain = format(value, "f")
    if "." not in plain:
        return plain + ".0"
    plain = plain.rstrip("0")
    return plain + "0" if plain.endswith(".") else plain


def whole(value) -> str | None:
    """A number CDS holds as an integer (e.g. sales incomes), whatever precision it is stored with: 10000."""
    if value is None:
        return None
    return format(Decimal(value).quantize(Decimal(1), ROUND_HALF_UP), "f")


def iso(value: date | datetime | None) -> str | None:
    """ISO 8601 in Europe/London to the second with a numeric offset: 2026-04-03T00:00:00+01:00."""
    if value is None:
        return None
    if not isinstance(value, datetime):
        value = datetime.combine(value, time.min, tzinfo=LONDON)
    elif value.tzinfo is None:
        value = value.replace(tzinfo=LONDON)
    return value.astimezone(LONDON).replace(microsecond=0).isoformat()


def boolean(value) -> str | None:
    if value is None:
        return None
    return "true" if value else "false"


def manifest_time(value: datetime) -> str:
    """The master manifest's time format: 2022-05-01 00:00:00 +0100."""
    return value.astimezone(LONDON).strftime("%Y-%m-%d %H:%M:%S %z")
