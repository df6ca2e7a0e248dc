"""2026 lettings, hard rules on income, benefits, rent and charges (rules spec §1.6).

Rent is checked against the rent range of the log's collection year, letting type, local authority and
bedrooms (`log.rent_range`); charges against fixed weekly maxima by provider type. A refused rent or
charge leaves out every charge, since the service fills blank charges with £0 to make the total.
"""

from __future__ import annotations

from decimal import Decimal

from domain.forms.money import weekly, weekly_income
from domain.models.organisations import RentPeriod
from domain.validations.rules import HARD, Rule

from .common import get, money, needs_words, per_period, period_words, present, provider_words, year_predicates

CHARGES = ("brent", "scharge", "pscharge", "supcharg")
CHARGE_NAMES = {"scharge": "service charge", "pscharge": "personal service charge", "supcharg": "support charge"}
RENT_RANGE_FIELDS = ("brent", "beds", "uprn", "la", "postcode_known", "scheme_id", "location_id", "rent_type",
                     "needstype", "period")
WORKING = (1, 2)
HOUSING_BENEFITS = (1, 6)
NOT_ON_BENEFITS = (3, 9, 10)
MINIMUM_WEEKLY_TOTAL = Decimal("10.00")


def _income(log):
    return weekly_income(get(log, "earnings"), get(log, "incfreq"))


def _income_range(log):
    return year_predicates(log).household_income_range(log)


def _income_checked(log) -> bool:
    return present(log, "startdate") and _income(log) is not None and _income_range(log) is not None


def _weekly_rent(log):
    return weekly(log.brent, log.period)


def _rent_checked(log) -> bool:
    return present(log, "startdate", "brent", "period") and log.rent_range is not None


def _rent_context(log) -> dict:
    rent_range = log.rent_range
    return {"rent": money(_weekly_rent(log)), "hard_min": money(rent_range.hard_min),
            "hard_max": money(rent_range.hard_max)}


def _charge_max(log, field):
    return year_predicates(log).CHARGE_LIMITS[field].hard_max.get(log.owning_organisation_provider_type)


def _charge_rule(field: str) -> Rule:
    name = CHARGE_NAMES[field]
    return Rule(
        f"financial.{field}.over_maximum", HARD, (field, "period"),
        message=f"Enter a {name} between £0 and {{most}} {{period}}. That is the most a {{provider}} can charge "
                "for {needs} lettings.",
        applies=lambda log: present(log, field, "period", "needstype") and _charge_max(log, field) is not None,
        passes=lambda log: 0 <= weekly(getattr(log, field), log.period) <= _charge_max(log, field),
        context=lambda log: {"most": money(per_period(_charge_max(log, field), log.period)),
                             "period": period_words(log), "provider": provider_words(log),
                             "needs": needs_words(log)},
        refuse=CHARGES,
    )


def _negative_rule(field: str) -> Rule:
    return Rule(
        f"financial.{field}.negative", HARD, (field,),
        message="Enter an amount of £0 or more, without a minus sign.",
        applies=lambda log: present(log, field),
        passes=lambda log: getattr(log, field) >= 0,
    )


def _working_on_benefits_rule(n: int) -> Rule:
    who = "the lead tenant" if n == 1 else f"person {n}, the lead tenant's partner,"
    fields = ("benefits", "ecstat1") if n == 1 else ("benefits", f"ecstat{n}", f"relat{n}")
    return Rule(
        f"financial.benefits.all_income_but_person_{n}_works", HARD, fields,
        message=f"You said all the household's income is from benefits, but {who} works full or part time. "
                "Check how much of the income is from benefits, or the working situation.",
        applies=lambda log: get(log, "benefits") == 1 and (n == 1 or get(log, f"relat{n}") == "P"),
        passes=lambda log: get(log, f"ecstat{n}") not in WORKING,
        refuse=("benefits",),
    )


def _period_allowed(log) -> bool:
    periods = log.managing_organisation.rent_periods
    return log.period in (periods or [])


RULES = [
    Rule(
        "financial.earnings.over_hard_max", HARD, ("earnings", "incfreq", "hhmemb", "ecstat1"),
        message="A household like this one cannot have a net income of more than {most} a week; you entered "
                "{income} a week. Check the amount and how often it is received, the number of people and "
                "their working situations.",
        applies=_income_checked,
        passes=lambda log: _income(log) <= _income_range(log).hard_max,
        context=lambda log: {"most": money(_income_range(log).hard_max), "income": money(_income(log))},
        refuse=("earnings",),
    ),
    Rule(
        "financial.earnings.under_hard_min", HARD, ("earnings", "incfreq", "hhmemb", "ecstat1"),
        message="A household like this one cannot have a net income of less than {least} a week; you entered "
                "{income} a week. Check the amount and how often it is received, the number of people and "
                "their working situations.",
        applies=_income_checked,
        passes=lambda log: _income(log) >= _income_range(log).hard_min,
        context=lambda log: {"least": money(_income_range(log).hard_min), "income": money(_income(log))},
        refuse=("earnings", "incfreq"),
    ),
    Rule(
        "financial.incfreq.missing", HARD, ("incfreq", "earnings"),
        message="Say how often the household receives this income.",
        applies=lambda log: present(log, "earnings"),
        passes=lambda log: present(log, "incfreq"),
        refuse=("earnings",),
    ),
    Rule(
        "financial.earnings.missing", HARD, ("earnings", "incfreq"),
        message="Enter the household's income after tax, or say that you do not know it.",
        applies=lambda log: present(log, "incfreq"),
        passes=lambda log: present(log, "earnings"),
        refuse=("incfreq",),
    ),
    *[_working_on_benefits_rule(n) for n in range(1, 9)],
    Rule(
        "financial.hb.no_income_from_benefits", HARD, ("hb", "benefits"),
        message="The household is likely to receive housing benefit or the Universal Credit housing element, "
                "so some of its income is from benefits. Check both answers.",
        applies=lambda log: get(log, "hb") in HOUSING_BENEFITS,
        passes=lambda log: get(log, "benefits") != 3,
        refuse=("benefits",),
    ),
    *[_negative_rule(field) for field in ("earnings", *CHARGES)],
    Rule(
        "financial.tshortfall.not_expected", HARD, ("tshortfall", "hbrentshortfall"),
        message="Only give an outstanding amount when the household still has to pay something after benefits. "
                "Remove the amount, or answer \"Yes\" to that question.",
        applies=lambda log: present(log, "tshortfall"),
        passes=lambda log: get(log, "hbrentshortfall") == 1,
        refuse=("tshortfall",),
    ),
    Rule(
        "financial.tshortfall.no_housing_benefit", HARD, ("tshortfall",),
        message="An outstanding amount after benefits needs housing benefit or the Universal Credit housing "
                "element. Check the housing benefit answer.",
        applies=lambda log: get(log, "hbrentshortfall") == 1,
        passes=lambda log: get(log, "hb") not in NOT_ON_BENEFITS,
        refuse=("hbrentshortfall",),
    ),
    Rule(
        "financial.tshortfall.more_than_total_charge", HARD, ("tshortfall", "tcharge"),
        message="The outstanding amount ({shortfall} a week) must be less than the total charge ({total} a week). "
                "Check the outstanding amount.",
        applies=lambda log: present(log, "wtshortfall", "wtcharge"),
        passes=lambda log: log.wtshortfall <= log.wtcharge,
        context=lambda log: {"shortfall": money(log.wtshortfall), "total": money(log.wtcharge)},
        refuse=("tshortfall",),
    ),
    Rule(
        "financial.tshortfall.not_positive", HARD, ("tshortfall",),
        message="Enter an outstanding amount of at least £0.01, or answer that you cannot estimate it.",
        applies=lambda log: present(log, "wtshortfall") and not (present(log, "wtcharge") and log.wtshortfall > log.wtcharge),
        passes=lambda log: log.wtshortfall >= Decimal("0.01"),
    ),
    Rule(
        # tcharge is worked out, not entered, so the message is shown against the rent too.
        "financial.tcharge.under_10", HARD, ("tcharge", "brent"),
        message="The total charge must be at least £10.00 a week; it is {total} a week. Check the rent and "
                "charges and how often they are paid.",
        applies=lambda log: present(log, "tcharge", "period"),
        passes=lambda log: not (0 <= weekly(log.tcharge, log.period) < MINIMUM_WEEKLY_TOTAL),
        context=lambda log: {"total": money(weekly(log.tcharge, log.period))},
        refuse=CHARGES,
    ),
    Rule(
        "financial.tcharge.no_charges_answered", HARD, ("tcharge", "household_charge"),
        message="You said the household pays no rent or charges, but also gave rent and charges. Remove the "
                "amounts, or answer that the household pays.",
        applies=lambda log: present(log, "tcharge"),
        passes=lambda log: get(log, "household_charge") != 1,
        refuse=("household_charge",),
    ),
    *[_charge_rule(field) for field in CHARGE_NAMES],
    Rule(
        "financial.brent.below_hard_min", HARD, RENT_RANGE_FIELDS,
        message="The basic rent is {rent} a week, less than the least expected for this kind of property here "
                "({hard_min} a week). Check the rent, how often it is paid, the local authority and the number "
                "of bedrooms.",
        applies=_rent_checked,
        passes=lambda log: _weekly_rent(log) >= log.rent_range.hard_min,
        context=_rent_context,
        refuse=CHARGES,
    ),
    Rule(
        "financial.brent.above_hard_max", HARD, RENT_RANGE_FIELDS,
        message="The basic rent is {rent} a week, more than the most expected for this kind of property here "
                "({hard_max} a week). Check the rent, how often it is paid, the local authority and the number "
                "of bedrooms.",
        applies=_rent_checked,
        passes=lambda log: _weekly_rent(log) <= log.rent_range.hard_max,
        context=_rent_context,
        refuse=CHARGES,
    ),
    Rule(
        "financial.period.not_used_by_manager", HARD, ("period", "managing_organisation_id"),
        message="{manager} does not charge rent {period}. Choose one of the rent periods it uses, or ask a data "
                "coordinator to add this one to the organisation.",
        applies=lambda log: present(log, "period") and bool(getattr(log, "managing_organisation_id", None)),
        passes=_period_allowed,
        context=lambda log: {"manager": log.managing_organisation.name,
                             "period": RentPeriod(log.period).label.lower()},
        refuse=("period",),
    ),
]
