"""Every rule a lettings log is checked against: the hard rules by topic, then the soft checks, which are
made from the form's interruption questions."""

from . import dates, financial, household, local_authority, property, scheme, setup, soft, tenancy

HARD_RULES = [
    *setup.RULES, *scheme.RULES, *dates.RULES, *property.RULES, *tenancy.RULES, *household.RULES,
    *financial.RULES, *local_authority.RULES,
]
RULES = [*HARD_RULES, *soft.rules_for_form(2026)]


def rules_for(year: int):
    """The rules of a collection year's lettings form (2026 onwards share these)."""
    return RULES
