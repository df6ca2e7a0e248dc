"""Every rule a lettings log is checked against, by topic."""

from . import setup

RULES = [*setup.RULES]


def rules_for(year: int):
    """The rules of a collection year's lettings form (2026 onwards share these)."""
    return RULES
