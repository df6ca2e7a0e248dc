"""Every rule a lettings log is checked against: the hard rules by topic, then the soft checks, which are
made from the form's interruption questions."""

from . import dates, financial, household, local_authority, property, scheme, setup, soft, tenancy

HARD_RULES = [
    *setup.RULES, *scheme.RULES, *dates.RULES, *property.RULES, *tenancy.RULES, *household.RULES,
    *financial.RULES, *local_authority.RULES,
]


def rules_for_form(form) -> list:
    """The rules a lettings log of this form is checked against: the hard rules, then one soft check
    per interruption page of the form."""
    return [*HARD_RULES, *soft.rules_for_form(form)]
