"""2026 sales: hard rules on the dates of the sale information (rules spec §2.7): the handover and
exchange before completion, and for a staircasing transaction the order initial purchase, last
staircasing, this sale. The sale date's own window is in `setup.py` (shared with lettings)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from domain.validations.dates import as_date, long_date
from domain.validations.rules import HARD, Rule

from .common import present

HANDOVER_YEARS = 5
DAYS_IN_A_YEAR = Decimal("365.2425")
EARLIEST_STAIRCASING_DATE = date(1980, 1, 1)


def years_before(day: date, years: int) -> date:
    """The same day and month some years earlier; 29 February becomes 28 February."""
    day = as_date(day)
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def _days_between(earlier, later) -> int:
    return (as_date(later) - as_date(earlier)).days


def _dates(log) -> dict:
    return {name: long_date(getattr(log, name)) for name in ("saledate", "hodate", "exdate", "initialpurchase",
                                                            "lasttransaction") if present(log, name)}


def _before_1980(field: str, what: str) -> Rule:
    return Rule(
        f"sale_dates.{field}.before_1980", HARD, (field,),
        message=f"The {what} cannot be before 1 January 1980. Check the date.",
        applies=lambda log: present(log, field),
        passes=lambda log: as_date(getattr(log, field)) >= EARLIEST_STAIRCASING_DATE,
    )


def _before_saledate(field: str, what: str) -> Rule:
    return Rule(
        f"sale_dates.{field}.not_before_saledate", HARD, (field, "saledate"),
        message=f"The {what} ({{{field}}}) must be before the sale completion date of this staircasing "
                "transaction ({saledate}). Check both dates.",
        applies=lambda log: present(log, field, "saledate"),
        passes=lambda log: as_date(getattr(log, field)) < as_date(log.saledate),
        context=_dates,
    )


RULES = [
    Rule(
        "sale_dates.hodate.after_saledate", HARD, ("hodate", "saledate"),
        message="The practical completion or handover date ({hodate}) must be on or before the sale completion "
                "date ({saledate}). Check both dates.",
        applies=lambda log: present(log, "hodate", "saledate"),
        passes=lambda log: as_date(log.hodate) <= as_date(log.saledate),
        context=_dates,
    ),
    Rule(
        "sale_dates.hodate.five_years_before_saledate", HARD, ("hodate", "saledate"),
        message="The practical completion or handover date ({hodate}) must be less than 5 years before the sale "
                "completion date ({saledate}). Check both dates.",
        applies=lambda log: present(log, "hodate", "saledate"),
        passes=lambda log: as_date(log.hodate) > years_before(log.saledate, HANDOVER_YEARS),
        context=_dates,
    ),
    Rule(
        "sale_dates.exdate.after_saledate", HARD, ("exdate", "saledate"),
        message="The exchange of contracts ({exdate}) must be on or before the sale completion date ({saledate}). "
                "Check both dates.",
        applies=lambda log: present(log, "exdate", "saledate"),
        passes=lambda log: as_date(log.exdate) <= as_date(log.saledate),
        context=_dates,
    ),
    Rule(
        "sale_dates.exdate.year_before_saledate", HARD, ("exdate", "saledate"),
        message="The exchange of contracts ({exdate}) must be less than a year before the sale completion date "
                "({saledate}). Check both dates.",
        applies=lambda log: present(log, "exdate", "saledate"),
        passes=lambda log: _days_between(log.exdate, log.saledate) < DAYS_IN_A_YEAR,
        context=_dates,
    ),
    _before_1980("initialpurchase", "initial purchase date"),
    _before_saledate("initialpurchase", "initial purchase date"),
    _before_1980("lasttransaction", "date of the last staircasing transaction"),
    _before_saledate("lasttransaction", "date of the last staircasing transaction"),
    Rule(
        "sale_dates.lasttransaction.not_after_initialpurchase", HARD, ("initialpurchase", "lasttransaction"),
        message="The last staircasing transaction ({lasttransaction}) must be after the initial purchase "
                "({initialpurchase}). Check both dates.",
        applies=lambda log: present(log, "initialpurchase", "lasttransaction"),
        passes=lambda log: as_date(log.lasttransaction) > as_date(log.initialpurchase),
        context=_dates,
    ),
]
