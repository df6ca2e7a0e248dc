"""Soft checks, made from the form's interruption questions so that the catalogue stays the one source:
each interruption page is a soft rule whose id is the page id, whose confirmation is the page's question,
and which fires while the page is asked (its trigger predicate holds and its subsection is open).

What differs per trigger is only which answers it reads and how to say, with the actual values, what looks
unusual; that is the table `TRIGGERS` below.
"""

from __future__ import annotations

from domain.forms.money import weekly, weekly_income
from domain.validations.rules import Rule
from domain.validations.soft import Trigger, soft_rules

from .common import as_date, get, money, needs_words, provider_words, year_predicates

PEOPLE = range(1, 9)
CONFIRM = " If the answers are right, confirm them; if not, change them."


def _who(n: int) -> str:
    return "The lead tenant" if n == 1 else f"Person {n}"


def _rent_context(log) -> dict:
    rent, rent_range = weekly(log.brent, log.period), log.rent_range
    return {"rent": money(rent), "direction": "lower" if rent <= rent_range.soft_min else "higher",
            "soft_min": money(rent_range.soft_min), "soft_max": money(rent_range.soft_max)}


def _income_context(log) -> dict:
    income = weekly_income(log.earnings, log.incfreq)
    expected = year_predicates(log).household_income_range(log)
    return {"income": money(income), "direction": "lower" if income <= expected.soft_min else "higher",
            "soft_min": money(expected.soft_min), "soft_max": money(expected.soft_max)}


def _charge_trigger(field: str, name: str) -> Trigger:
    def context(log):
        limits = year_predicates(log).CHARGE_LIMITS[field]
        soft_max = limits.soft_max[(log.needstype, log.owning_organisation_provider_type)]
        return {"amount": money(weekly(getattr(log, field), log.period)), "soft_max": money(soft_max),
                "needs": needs_words(log), "provider": provider_words(log)}

    return Trigger(
        (field, "period", "needstype"),
        f"The {name} is {{amount}} a week, more than the {{soft_max}} a week usually charged for {{needs}} "
        "lettings owned by a {provider}." + CONFIRM,
        context,
    )


def _vacant_trigger(field: str, what: str) -> Trigger:
    return Trigger(
        (field, "startdate"),
        f"The property was empty for {{days}} days between {what} and the tenancy start date, which is more than "
        "2 years." + CONFIRM,
        lambda log: {"days": (as_date(log.startdate) - as_date(getattr(log, field))).days},
    )


def _retirement_triggers() -> dict[str, Trigger]:
    triggers = {}
    for n in PEOPLE:
        fields = (f"age{n}", f"ecstat{n}")
        age = (lambda n: lambda log: {"age": getattr(log, f"age{n}")})(n)
        triggers[f"person_{n}_under_retirement?"] = Trigger(
            fields, f"{_who(n)} is {{age}} and retired, younger than the minimum expected retirement age of 66."
            + CONFIRM, age)
        triggers[f"person_{n}_over_retirement?"] = Trigger(
            fields, f"{_who(n)} is {{age}}, over the retirement age of 66, but not retired." + CONFIRM, age)
    return triggers


TRIGGERS: dict[str, Trigger] = {
    "rent_soft_validation_triggered?": Trigger(
        ("brent", "period", "startdate", "la", "beds", "rent_type", "needstype"),
        "The basic rent is {rent} a week, {direction} than expected for this kind of property here "
        "({soft_min} to {soft_max} a week)." + CONFIRM,
        _rent_context,
    ),
    "scharge_soft_validation_triggered?": _charge_trigger("scharge", "service charge"),
    "pscharge_soft_validation_triggered?": _charge_trigger("pscharge", "personal service charge"),
    "supcharg_soft_validation_triggered?": _charge_trigger("supcharg", "support charge"),
    "net_income_soft_validation_triggered?": Trigger(
        ("earnings", "incfreq", "hhmemb", *(f"ecstat{n}" for n in PEOPLE)),
        "The household's net income is {income} a week, {direction} than expected for the working situations "
        "of the people in it ({soft_min} to {soft_max} a week)." + CONFIRM,
        _income_context,
    ),
    "no_household_member_likely_to_be_pregnant?": Trigger(
        ("preg_occ", "hhmemb", *(f"{part}{n}" for n in PEOPLE for part in ("age", "sexrab", "gender_same_as_sex"))),
        "You said someone in the household is pregnant, but from the ages, sexes and genders given nobody is "
        "likely to be." + CONFIRM,
    ),
    **_retirement_triggers(),
    "illness_soft_validation_triggered?": Trigger(
        ("illness", *(f"ecstat{n}" for n in PEOPLE)),
        "Someone cannot work because of long-term sickness or disability, but you said nobody in the household "
        "has a long-term physical or mental health condition." + CONFIRM,
    ),
    "void_date_soft_validation_triggered?": _vacant_trigger("voiddate", "the void date"),
    "major_repairs_date_soft_validation_triggered?": _vacant_trigger("mrcdate", "the end of the major repairs"),
    "reasonother_soft_validation_triggered?": Trigger(
        ("reason", "reasonother"),
        "The other reason for leaving, \"{text}\", sounds like one of the listed reasons. If one of them fits, "
        "choose it instead; if none does, confirm your answer.",
        lambda log: {"text": get(log, "reasonother")},
    ),
    "tenancyother_soft_validation_triggered?": Trigger(
        ("startertenancy", "tenancy", "tenancyother"),
        "The other tenancy type, \"{text}\", sounds like a starter or introductory period, which is recorded "
        "already. Give the type of tenancy the tenant moves on to; if \"{text}\" is that type, confirm it.",
        lambda log: {"text": get(log, "tenancyother")},
    ),
}


def rules_for_form(form) -> list[Rule]:
    """One soft rule per interruption page of a lettings form."""
    return soft_rules(form, TRIGGERS, strict=True)
