"""Money arithmetic shared by soft checks, validations and derived variables.

Pure functions on Decimal. Rent and charges are entered per charging period (`period`) and compared
as weekly amounts; household income is entered per `incfreq` and compared as a weekly amount.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

PENNY = Decimal("0.01")
POUND = Decimal("1")

# `period` code -> how many weeks a year the charge is paid for.
WEEKS_PER_PERIOD: dict[int, int] = {
    1: 52,  # weekly for 52 weeks
    2: 26,  # every 2 weeks
    3: 13,  # every 4 weeks
    4: 12,  # every calendar month
    5: 50,
    6: 49,
    7: 48,
    8: 47,
    9: 46,
    10: 53,
    11: 51,
}

# `incfreq` codes.
WEEKLY, MONTHLY, YEARLY = 1, 2, 3


def as_decimal(value) -> Decimal | None:
    """A Decimal for an int, str, float or Decimal amount; None for a blank."""
    if value is None or value == "":
        return None
    if isinstance(value, Decimal):
        return value
    return Decimal(str(value))


def weekly(amount, period) -> Decimal | None:
    """The weekly equivalent of an amount paid per `period`, to the penny (halves round up).

    Computed exactly (amount x weeks / 52) and then rounded once, so the result can differ by a
    penny from a service that divides by 52 first.
    """
    amount = as_decimal(amount)
    weeks = WEEKS_PER_PERIOD.get(period)
    if amount is None or weeks is None:
        return None
    return (amount * weeks / 52).quantize(PENNY, rounding=ROUND_HALF_UP)


def weekly_income(earnings, incfreq) -> Decimal | None:
    """Household income per week, in whole pounds for monthly and yearly amounts (halves away from zero)."""
    earnings = as_decimal(earnings)
    if earnings is None:
        return None
    if incfreq == WEEKLY:
        return earnings
    if incfreq == MONTHLY:
        return (earnings * 12 / 52).quantize(POUND, rounding=ROUND_HALF_UP)
    if incfreq == YEARLY:
        return (earnings / 52).quantize(POUND, rounding=ROUND_HALF_UP)
    return None


def pounds(amount) -> str:
    """An amount as people read it in a message: £1,234.50."""
    return f"£{as_decimal(amount):,.2f}"
