"""What the sales rules share: reading answers, the answer codes they test, London, and how amounts
and percentages are written in messages."""

from __future__ import annotations

from decimal import Decimal

from domain.validations.rules import get, present  # noqa: F401  (shared by the rules here)
from domain.forms.money import as_decimal

SHARED_OWNERSHIP, DISCOUNTED_OWNERSHIP = 1, 2  # ownershipsch
YES, NO, DONT_KNOW = 1, 2, 3  # jointpur, staircase, mortgageused, buy1livein, resale, firststair...
SOCIAL_HOMEBUY = 18  # shared ownership type with a cash discount
OLDER_PERSONS_SHARED_OWNERSHIP = 24
CHILD = 9  # ecstat: child under 16

INCOME_LIMIT = Decimal("80000")
LONDON_INCOME_LIMIT = Decimal("90000")

TYPE_NAMES = {
    2: "Shared Ownership (old model lease)", 30: "Shared Ownership (new model lease)",
    18: "Social HomeBuy", 16: "Home Ownership for people with Long-Term Disabilities (HOLD)",
    24: "Older Persons Shared Ownership", 28: "Rent to Buy - Shared Ownership",
    31: "Right to Shared Ownership", 32: "London Living Rent - Shared Ownership",
    8: "Right to Acquire", 14: "Preserved Right to Buy", 9: "Right to Buy", 29: "Rent to Buy - Full Ownership",
    21: "Social HomeBuy for outright purchase", 22: "an equity loan scheme",
}



def number(log, field: str) -> Decimal | None:
    return as_decimal(get(log, field))


def is_london(log) -> bool:
    """The property is in a London borough (the model judges it from the borough codes)."""
    return bool(log.la_is_london)


def percent(value) -> str:
    """A percentage in its shortest form: 50, 12.5."""
    text = f"{as_decimal(value):f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def type_name(log) -> str:
    return TYPE_NAMES.get(get(log, "type"), "this type of sale")
