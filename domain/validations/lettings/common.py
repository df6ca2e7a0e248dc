"""Small helpers the lettings rules share: reading answers and writing amounts and dates for people."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from domain.forms import registry
from domain.forms.money import WEEKS_PER_PERIOD, as_decimal
from domain.postcodes import POSTCODE_PATTERN
from domain.validations.rules import get, present  # noqa: F401  (shared by the rules here)

POSTCODE = POSTCODE_PATTERN  # rules spec Appendix A.3, the one pattern the service uses
PERIOD_WORDS = {
    1: "a week (52 weeks a year)", 2: "every 2 weeks", 3: "every 4 weeks", 4: "a calendar month",
    5: "a week (50 weeks a year)", 6: "a week (49 weeks a year)", 7: "a week (48 weeks a year)",
    8: "a week (47 weeks a year)", 9: "a week (46 weeks a year)", 10: "a week (53 weeks a year)",
    11: "a week (51 weeks a year)",
}
GENERAL_NEEDS, SUPPORTED_HOUSING = 1, 2
LOCAL_AUTHORITY, PRIVATE_REGISTERED_PROVIDER = 1, 2


def year_predicates(log):
    """The named predicates of the log's collection year, with the limits they read (charge maxima,
    expected incomes)."""
    return registry.log_year("lettings", log.form.year).predicates


def as_date(value) -> date | None:
    return value.date() if isinstance(value, datetime) else value


def day(value) -> str:
    """1 April 2026."""
    value = as_date(value)
    return f"{value.day} {value:%B %Y}"


def money(value) -> str:
    """£1,234.50"""
    return f"£{Decimal(value):,.2f}"


def per_period(weekly_amount, period) -> Decimal:
    """A weekly amount paid per `period` instead (only for messages)."""
    return (as_decimal(weekly_amount) * 52 / WEEKS_PER_PERIOD[period]).quantize(Decimal("0.01"))


def period_words(log) -> str:
    return PERIOD_WORDS.get(get(log, "period"), "a week")


def provider_words(log) -> str:
    return "local authority" if log.owning_organisation_provider_type == LOCAL_AUTHORITY else "private registered provider"


def needs_words(log) -> str:
    return "supported housing" if get(log, "needstype") == SUPPORTED_HOUSING else "general needs"
