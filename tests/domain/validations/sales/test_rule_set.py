"""The sales rule set as a whole: stable ids, nothing on a blank log, and the rules that must not run."""

from datetime import date
from decimal import Decimal
from unittest.mock import patch

from domain.forms import registry
from domain.validations.sales import HARD_RULES

ALL_RULES = registry.year(2026).sales.rules

from .helpers import errors, failing, sales_log
from tests.clock import on


def test_ids_are_unique_and_named_by_topic():
    ids = [rule.id for rule in HARD_RULES]
    assert len(ids) == len(set(ids)) == 63
    assert {rule_id.split(".")[0] for rule_id in ids} == {
        "setup", "property", "household", "income", "finances", "charges", "equity", "sale_dates"}
    assert all(rule.kind == "hard" and rule.fields for rule in HARD_RULES)


def test_rules_for_2026_is_the_full_set_with_a_soft_check_per_confirmation_page():
    assert registry.log_year("sales", 2026).rules is ALL_RULES
    soft = [rule for rule in ALL_RULES if rule.kind == "soft"]
    assert len(ALL_RULES) == len(HARD_RULES) + len(soft) and len(soft) > 20
    assert all(rule.confirm_field and rule.confirm_field.endswith("_check") for rule in soft)


def test_a_blank_log_has_no_errors():
    with on(date(2026, 11, 28)):
        assert errors(sales_log()) == {}


def test_mortgage_dont_know_is_allowed_everywhere():
    """Spec §2.9: the earlier years' rule against 'don't know' must not run in 2026. (A staircasing deposit
    is still compared with the share bought when no mortgage is known to have been used.)"""
    for ownershipsch, staircase, type_, deposit in ((1, 2, 30, "1"), (1, 1, 30, "20000"), (2, None, 9, "1")):
        log = sales_log(saledate=date(2026, 6, 1), ownershipsch=ownershipsch, staircase=staircase, type=type_,
                        mortgageused=3, value=Decimal("200000"), equity=Decimal("50"), stairbought=Decimal("10"),
                        stairowned=Decimal("70"), deposit=Decimal(deposit), discount=Decimal("10"))
        assert failing(log) == set(), (ownershipsch, staircase)


def test_outright_sale_arithmetic_does_not_run():
    """Spec §2.9: ownershipsch 3 no longer exists, and no rule compares its mortgage + deposit with the price."""
    log = sales_log(saledate=date(2026, 6, 1), ownershipsch=3, mortgageused=1, value=Decimal("200000"),
                    mortgage=Decimal("1000"), deposit=Decimal("1000"))
    assert failing(log) == set()
