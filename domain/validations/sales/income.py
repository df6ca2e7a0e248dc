"""2026 sales: income limits for shared ownership (rules spec §2.4). Each buyer's income, and the two
buyers' incomes together, may be at most £90,000 for a home in London and £80,000 elsewhere. Discounted
ownership has soft checks at the same amounts instead."""

from __future__ import annotations

from domain.forms.money import pounds
from domain.validations.rules import HARD, Rule

from .common import INCOME_LIMIT, LONDON_INCOME_LIMIT, SHARED_OWNERSHIP, get, is_london, number, present

ADDRESS_FIELDS = ("uprn", "la", "postcode_full")


def income_limit(log):
    return LONDON_INCOME_LIMIT if is_london(log) else INCOME_LIMIT


def _where(log) -> str:
    return "in London" if is_london(log) else "outside London"


def _shared_ownership_in_known_la(log, *fields: str) -> bool:
    return present(log, "la", *fields) and get(log, "ownershipsch") == SHARED_OWNERSHIP


def _combined(log):
    return number(log, "income1") + number(log, "income2")


def _buyer_income(n: int) -> Rule:
    field = f"income{n}"
    return Rule(
        f"income.{field}.outside_shared_ownership_range", HARD,
        (field, "ownershipsch", *ADDRESS_FIELDS, "uprn_selection"),
        message=f"Buyer {n}'s income is {{income}}, but for shared ownership of a home {{where}} it must be "
                "between £0 and {limit}. Check the income, the type of sale and the property's address.",
        applies=lambda log: _shared_ownership_in_known_la(log, field),
        passes=lambda log: 0 <= number(log, field) <= income_limit(log),
        context=lambda log: {"income": pounds(get(log, field)), "limit": pounds(income_limit(log)),
                             "where": _where(log)},
    )


RULES = [
    _buyer_income(1),
    _buyer_income(2),
    Rule(
        "income.combined.over_shared_ownership_limit", HARD, ("income1", "income2", "ownershipsch", *ADDRESS_FIELDS),
        message="The buyers' incomes add up to {total}, over the shared ownership limit of {limit} for a home "
                "{where}. Check both incomes, the type of sale and the property's address.",
        applies=lambda log: _shared_ownership_in_known_la(log, "income1", "income2"),
        passes=lambda log: _combined(log) <= income_limit(log),
        context=lambda log: {"total": pounds(_combined(log)), "limit": pounds(income_limit(log)),
                             "where": _where(log)},
    ),
]
