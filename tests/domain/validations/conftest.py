"""Fixtures for the lettings rule tests: a valid general needs log (not saved) that a test breaks, a
fixed clock, and a way to ask whether one rule fails on a log."""

from datetime import date
from unittest.mock import patch

import pytest

from domain.forms import registry
from domain.models import LettingsLog
from domain.services.logs import log_evaluate
from tests.factories import make_organisation, make_user
from tests.lettings_answers import apply, general_needs_answers
from tests.clock import on

RULES = registry.year(2026).lettings.rules
BY_ID = {rule.id: rule for rule in RULES}
TODAY = date(2026, 10, 1)


@pytest.fixture(autouse=True)
def clock():
    with on(TODAY) as today:
        yield today


@pytest.fixture
def owner(db):
    return make_organisation(name="Test PRP", provider_type=2, holds_own_stock=True)


@pytest.fixture
def user(owner):
    return make_user(owner, role=2)


@pytest.fixture
def make_log(owner, user):
    def make(**overrides) -> LettingsLog:
        return apply(LettingsLog(), general_needs_answers(owner, user, **overrides))

    return make


def fails(rule_id: str, log) -> bool:
    """Whether the rule fails on the log as it is (no routing or derived values applied)."""
    rule = BY_ID[rule_id]
    return bool(rule.applies(log) and not rule.passes(log))


def fails_after_evaluation(rule_id: str, log) -> bool:
    """Whether the rule fails once the shared pipeline has routed and derived the log."""
    log_evaluate(log)
    return fails(rule_id, log)


def message(rule_id: str, log) -> str:
    rule = BY_ID[rule_id]
    return rule.message.format(**rule.context(log))
