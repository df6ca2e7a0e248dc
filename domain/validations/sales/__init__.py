"""Every hard rule a sales log is checked against, by topic (rules spec §2).

Left out on purpose (spec §2.9): the "mortgage used: don't know" rule of earlier years, and the outright
sale arithmetic (`ownershipsch` 3 no longer exists). The checks of single answers against their question
(numbers within limits, steps, codes among the options) come from the catalogue, in
`domain/validations/answers.py`.

Besides the answer columns, the rules read these attributes of a SalesLog (each read with getattr, so a
missing one skips its rule rather than failing): `loaded_values`, `owning_organisation` (with `name`,
`merge_date`, `available_from`, `absorbing_organisation`, `absorbed_organisations`),
`owning_organisation_id`, `managing_organisation_id`, `assigned_to_id`, `assigned_to.organisation`,
`owning_organisation_dsa_signed` (True/False/None), `skip_dpo_check`, `la_is_london` (True/False/None;
None falls back to the borough codes) and `local_authority` (the reference-table authority whose code is
`la`, with `code`, `name`, `start_date`, `end_date`; None when no authority has that code).
"""

from . import charges, dates, equity, finances, household, income, property, setup

HARD_RULES = [
    *setup.RULES,
    *property.RULES,
    *household.RULES,
    *income.RULES,
    *finances.RULES,
    *charges.RULES,
    *equity.RULES,
    *dates.RULES,
]


def _soft_rules(year: int):
    from domain.forms import registry
    from domain.validations.soft import soft_rules

    return soft_rules(registry.form_for_year("sales", year), {})


RULES = [*HARD_RULES, *_soft_rules(2026)]


def rules_for(year: int):
    """The rules of a collection year's sales form (2026 onwards share these)."""
    return RULES
