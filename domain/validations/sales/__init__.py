"""Every hard rule a sales log is checked against, by topic (rules spec §2).

Left out on purpose (spec §2.9): the "mortgage used: don't know" rule of earlier years, and the outright
sale arithmetic (`ownershipsch` 3 no longer exists). The checks of single answers against their question
(numbers within limits, steps, codes among the options) come from the catalogue, in
`domain/validations/answers.py`.

Besides the answer columns, the rules read these attributes of a SalesLog: `loaded_values`, `owning_organisation` (with `name`,
`merge_date`, `available_from`, `absorbing_organisation`, `absorbed_organisations`),
`owning_organisation_id`, `managing_organisation_id`, `assigned_to_id`, `assigned_to.organisation`,
`owning_organisation_dsa_signed` (True/False/None), `skip_dpo_check`, `la_is_london` (True/False/None)
and `local_authority` (the reference-table authority whose code is
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


def rules_for_form(form) -> list:
    """The rules a sales log of this form is checked against: the hard rules, then one soft check per
    interruption page of the form."""
    from domain.validations.soft import soft_rules

    return [*HARD_RULES, *soft_rules(form, {})]
