"""2026 sales bulk upload: reading the cells whose text needs more than a number, such as R for "not
known", money amounts, dates in three cells and postcodes in two, and the kind of sale a row is."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from domain.bulk_upload.reader import date_from_parts
from domain.forms.y2026.codes import OTHER_NATIONALITY, PREFERS_NOT_TO_SAY, UK
from domain.forms.y2026.lettings.bulk_upload_checks import COUNTRY_CODES

SHARED, DISCOUNTED = 1, 2
NOT_KNOWN = "R"


def person_base(n: int) -> int:
    """The first of person n's six fields (partner, age, sex, gender same, gender identity, working);
    persons 3 to 6 only (buyer or person 2 has fields 37 to 41 and 44)."""
    return 47 + 6 * (n - 3)


def route(row) -> str | None:
    """The kind of sale of a row: "initial" (shared ownership initial purchase), "staircasing" or
    "discounted"; None when field 8 does not say."""
    if row.get(8) == SHARED:
        return "staircasing" if row.get(10) == 1 else "initial"
    if row.get(8) == DISCOUNTED:
        return "discounted"
    return None


def text(row, number) -> str | None:
    value = row.raw.get(number)
    return value.strip() if value and value.strip() else None


def _date(row, first):
    return date_from_parts(row.get(first), row.get(first + 1), row.get(first + 2))


def _postcode(row, first, second) -> str | None:
    parts = [part for part in (text(row, first), text(row, second)) if part]
    return " ".join(" ".join(parts).split()) or None


def is_number(value: str | None) -> bool:
    """Digits with optional decimals: how money and whole-number text cells must look."""
    if not value:
        return False
    try:
        Decimal(value)
    except InvalidOperation:
        return False
    return value.replace(".", "", 1).isdigit()


def person_fields(n: int) -> tuple[int, ...]:
    """The cells that say person n is in the household (partner, age, sex, gender same, identity)."""
    if n == 2:
        return (37, 38, 39, 40, 41)
    base = person_base(n)
    return tuple(range(base, base + 5))


def person_present(row, n: int) -> bool:
    return any(text(row, number) for number in person_fields(n))


def _age(answers, row, n, number, present=True) -> None:
    value = text(row, number)
    known, age = f"age{n}_known", f"age{n}"
    answers[age] = None
    if not present:
        answers[known] = None
    elif value is not None and value.upper() == NOT_KNOWN:
        answers[known] = 1
    else:
        answers[known] = 0
        answers[age] = int(value) if value and value.isdigit() and len(value) <= 3 else None


def _not_known_or_number(answers, row, number, value_column, known_column, kind=Decimal) -> None:
    """Income and savings: R for not known, otherwise a whole number."""
    value = text(row, number)
    answers[value_column] = None
    if value is None:
        answers[known_column] = None
    elif value.upper() == NOT_KNOWN:
        answers[known_column] = 1
    else:
        answers[known_column] = 0
        answers[value_column] = kind(value) if value.isdigit() else None


def _tenure(row, number):
    """Previous tenure: a code, or R for don't know (code 0); other text cannot be read."""
    value = text(row, number)
    if value is None:
        return None
    if value.upper() == NOT_KNOWN:
        return 0
    if value.isdigit():
        return int(value)
    row.unreadable.add(number)
    return None


def _nationality(answers, code, column, group) -> None:
    answers[column] = None
    if code in (UK, PREFERS_NOT_TO_SAY):
        answers[group] = code
    elif code is not None and code in COUNTRY_CODES:
        answers[group], answers[column] = OTHER_NATIONALITY, code
    else:
        answers[group] = None


def _charge(answers, row, number) -> None:
    """Service or leasehold charges: R for no charge, otherwise the monthly amount."""
    value = text(row, number)
    if value is None:
        answers["has_mscharge"] = answers["mscharge"] = None
    elif value.upper() == NOT_KNOWN:
        answers["has_mscharge"], answers["mscharge"] = 0, None
    else:
        answers["has_mscharge"] = 1
        answers["mscharge"] = Decimal(value) if is_number(value) else None


def _mortgage_length(answers, row, number) -> None:
    value = text(row, number)
    interviewed = row.get(14) == 2
    if value is not None and value.upper() == NOT_KNOWN:
        answers["mortlen"], known = None, 1
    else:
        answers["mortlen"] = int(value) if value and value.isdigit() else None
        known = 0 if value is not None else None
    answers["mortlen_known"] = None if interviewed else known


def _years_lived(answers, row, number) -> None:
    years = row.get(number)
    answers["proplen"] = years if years is not None and years > 0 else None
    answers["proplen_asked"] = 0 if answers["proplen"] is not None else 1
