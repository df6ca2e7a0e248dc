"""Every hard rule a sales log is checked against, by topic (rules spec §2).

Left out on purpose (spec §2.9): the "mortgage used: don't know" rule of earlier years, and the outright
sale arithmetic (`ownershipsch` 3 no longer exists). The checks of single answers against their question
(numbers within limits, steps, codes among the options) come from the catalogue, in
`domain/validations/answers.py`.
"""

from . import charges, dates, equity, finances, household, income, property, setup

RULES = [
    *setup.RULES,
    *property.RULES,
    *household.RULES,
    *income.RULES,
    *finances.RULES,
    *charges.RULES,
    *equity.RULES,
    *dates.RULES,
]


def rules_for(year: int):
    """The rules of a collection year's sales form (2026 onwards share these)."""
    return RULES
