"""Purchase-price arithmetic: what the buyers paid against the share or the discounted price, at the
spec's tolerances (0.1 of an equity point, strict, for an initial purchase or a discount; £1, not strict,
for staircasing and for discounted sales without a discount)."""

from datetime import date
from decimal import Decimal

import pytest

from .helpers import errors, failing, fails, message, sales_log

SALE = date(2026, 6, 1)
INITIAL = "finances.initial_purchase.mortgage_deposit_vs_equity"


def initial_purchase(**answers):
    defaults = dict(saledate=SALE, ownershipsch=1, staircase=2, type=30, mortgageused=1, value=Decimal("100000"),
                    equity=Decimal("15"), mortgage=Decimal("10000"), deposit=Decimal("5000"))
    return sales_log(**{**defaults, **answers})


@pytest.mark.parametrize("equity, expected", [("15.1", False), ("15.2", True), ("14.9", False), ("14.8", True)])
def test_spec_worked_example_of_the_equity_tolerance(equity, expected):
    # £15,000 paid; 15.1% of £100,000 is £15,100: £100 apart, which is the tolerance, so it passes.
    assert fails(INITIAL, initial_purchase(equity=Decimal(equity))) is expected


@pytest.mark.parametrize("deposit, expected", [
    ("5100", False), ("5100.01", True), ("4900", False), ("4899.99", True),
])
def test_initial_purchase_tolerance_is_strict_at_the_penny(deposit, expected):
    # 15% of £100,000 is £15,000; the tolerance is £100.
    assert fails(INITIAL, initial_purchase(deposit=Decimal(deposit))) is expected


def test_initial_purchase_message_and_fields():
    log = initial_purchase(deposit=Decimal("2000"))
    assert message(INITIAL, log) == (
        "The mortgage and cash deposit add up to £12,000.00, but the initial 15% share of the full price of "
        "£100,000.00 is £15,000.00. They should be the same. Check the amounts, the share and the price.")
    assert set(errors(log)) == {"mortgage", "value", "deposit", "equity", "type"}


def test_initial_purchase_without_a_mortgage_compares_the_deposit_alone():
    rule = "finances.initial_purchase.no_mortgage_deposit_vs_equity"
    log = initial_purchase(mortgageused=2, mortgage=Decimal("0"), deposit=Decimal("15000"))
    assert fails(rule, log) is False
    log.deposit = Decimal("14899.99")
    assert fails(rule, log) is True
    assert message(rule, log).startswith("The cash deposit is £14,899.99, but the initial 15% share")
    assert set(errors(log)) == {"mortgageused", "value", "deposit", "equity", "type"}


def test_social_homebuy_counts_the_cash_discount():
    rule = "finances.initial_purchase.mortgage_deposit_cashdis_vs_equity"
    log = initial_purchase(type=18, equity=Decimal("25"), mortgage=Decimal("20000"), deposit=Decimal("3000"),
                           cashdis=Decimal("2000"))
    assert fails(rule, log) is False
    assert failing(log) == set()
    log.cashdis = Decimal("1899.99")
    assert fails(rule, log) is True
    assert fails(INITIAL, log) is False  # the non-Social HomeBuy variant does not run for type 18
    assert set(errors(log)) == {"mortgage", "value", "deposit", "cashdis", "equity", "type"}


def test_social_homebuy_without_a_mortgage():
    rule = "finances.initial_purchase.no_mortgage_deposit_cashdis_vs_equity"
    log = initial_purchase(type=18, equity=Decimal("25"), mortgageused=2, mortgage=Decimal("0"),
                           deposit=Decimal("23000"), cashdis=Decimal("2000"))
    assert fails(rule, log) is False
    log.deposit = Decimal("22899")
    assert fails(rule, log) is True
    assert message(rule, log).startswith("The cash deposit and cash discount add up to £24,899.00")


@pytest.mark.parametrize("answers", [
    {"mortgageused": 3, "mortgage": None, "deposit": Decimal("1")},  # mortgage not known: no check (§2.9)
    {"staircase": 1, "deposit": Decimal("1")},                        # staircasing is checked on its own share
    {"ownershipsch": 2, "deposit": Decimal("1")},
    {"equity": None},
])
def test_initial_purchase_not_checked(answers):
    assert not {rule for rule in failing(initial_purchase(**answers)) if rule.startswith("finances.initial")}


def test_staircase_dont_know_is_checked_as_an_initial_purchase():
    assert fails(INITIAL, initial_purchase(staircase=3, deposit=Decimal("1"))) is True


STAIRCASING = "finances.staircasing.mortgage_deposit_vs_stairbought"


def staircasing(**answers):
    defaults = dict(saledate=SALE, ownershipsch=1, staircase=1, type=30, mortgageused=1, value=Decimal("200000"),
                    stairbought=Decimal("10"), mortgage=Decimal("15000"), deposit=Decimal("5000"))
    return sales_log(**{**defaults, **answers})


@pytest.mark.parametrize("deposit, expected", [
    ("5000", False), ("4999.01", False), ("4999", True), ("5000.99", False), ("5001", True),
])
def test_staircasing_tolerance_is_one_pound_not_strict(deposit, expected):
    # 10% of £200,000 is £20,000.
    assert fails(STAIRCASING, staircasing(deposit=Decimal(deposit))) is expected


@pytest.mark.parametrize("mortgageused", [2, 3])
def test_staircasing_without_a_mortgage_includes_dont_know(mortgageused):
    rule = "finances.staircasing.no_mortgage_deposit_vs_stairbought"
    log = staircasing(mortgageused=mortgageused, mortgage=None, deposit=Decimal("20000"))
    assert fails(rule, log) is False
    log.deposit = Decimal("19000")
    assert fails(rule, log) is True
    assert message(rule, log) == (
        "The cash deposit is £19,000.00, but the 10% share bought in this staircasing transaction of the full "
        "price of £200,000.00 is £20,000.00. They should be the same. Check the amounts, the share and the price.")


def test_staircasing_social_homebuy_variants():
    log = staircasing(type=18, cashdis=Decimal("1000"), deposit=Decimal("4000"))
    assert fails("finances.staircasing.mortgage_deposit_cashdis_vs_stairbought", log) is False
    log.cashdis = Decimal("0")
    assert fails("finances.staircasing.mortgage_deposit_cashdis_vs_stairbought", log) is True
    log = staircasing(type=18, mortgageused=2, mortgage=Decimal("0"), cashdis=Decimal("1000"),
                      deposit=Decimal("19000"))
    assert fails("finances.staircasing.no_mortgage_deposit_cashdis_vs_stairbought", log) is False


DISCOUNTED = "finances.discounted_ownership.paid_vs_discounted_price"


def discounted(**answers):
    defaults = dict(saledate=SALE, ownershipsch=2, type=9, mortgageused=1, value=Decimal("200000"),
                    discount=Decimal("30"), mortgage=Decimal("120000"), deposit=Decimal("20000"))
    return sales_log(**{**defaults, **answers})


@pytest.mark.parametrize("deposit, expected", [
    ("20000", False), ("19800", False), ("19799.99", True), ("20200", False), ("20200.01", True),
])
def test_discounted_price_tolerance_with_a_discount(deposit, expected):
    # £200,000 less 30% is £140,000; the tolerance is £200 and strict.
    assert fails(DISCOUNTED, discounted(deposit=Decimal(deposit))) is expected


@pytest.mark.parametrize("deposit, expected", [("9999.01", False), ("9999", True), ("10001", True)])
def test_discounted_price_without_a_discount_is_within_one_pound(deposit, expected):
    log = discounted(type=8, discount=None, grant=Decimal("10000"), mortgage=Decimal("180000"),
                     deposit=Decimal(deposit))
    assert fails(DISCOUNTED, log) is expected


def test_discounted_message_lists_what_was_paid():
    log = discounted(grant=Decimal("10000"), deposit=Decimal("5000"))
    assert message(DISCOUNTED, log) == (
        "The mortgage (£120,000.00), cash deposit (£5,000.00) and grant (£10,000.00) add up to £135,000.00, but "
        "the purchase price of £200,000.00 less the 30% discount is £140,000.00. They should be the same. Check "
        "the amounts, the discount and the price.")
    assert set(errors(log)) == {"mortgageused", "mortgage", "value", "deposit", "discount", "grant", "ownershipsch"}


def test_discounted_without_a_mortgage():
    log = discounted(mortgageused=2, mortgage=None, deposit=Decimal("100000"))
    assert fails(DISCOUNTED, log) is True
    assert message(DISCOUNTED, log).startswith("The cash deposit is £100,000.00, but the purchase price")


@pytest.mark.parametrize("answers, expected", [
    ({"discount": None, "grant": None, "type": 29}, True),    # rent to buy: checked against the full price
    ({"discount": None, "grant": None, "type": 9}, False),    # nothing to take off yet: not checked
    ({"mortgageused": 3, "mortgage": None}, False),           # mortgage not known: not checked
])
def test_discounted_check_runs_only_with_what_it_needs(answers, expected):
    assert fails(DISCOUNTED, discounted(deposit=Decimal("1"), **answers)) is expected


@pytest.mark.parametrize("mortgage, expected", [("0", True), ("1", False)])
def test_a_used_mortgage_is_not_zero(mortgage, expected):
    log = sales_log(mortgageused=1, mortgage=Decimal(mortgage))
    assert fails("finances.mortgage.zero_when_used", log) is expected
    assert fails("finances.mortgage.zero_when_used", sales_log(mortgageused=2, mortgage=Decimal("0"))) is False


@pytest.mark.parametrize("la, london, discount, expected", [
    ("E08000035", False, "25.85", False),  # £103,400 on £400,000
    ("E08000035", False, "25.86", True),   # £103,440
    ("E09000007", True, "34.35", False),   # £137,400
    ("E09000007", True, "34.36", True),    # £137,440
])
def test_discount_cap_outside_and_in_london(la, london, discount, expected):
    log = sales_log(saledate=SALE, la=la, value=Decimal("400000"), discount=Decimal(discount))
    assert fails("finances.discount.over_cap", log) is expected
    if expected and not london:
        assert message("finances.discount.over_cap", log) == (
            "A 25.86% discount on £400,000.00 is £103,440.00, more than the £103,400.00 a discount may be for a "
            "home outside London. Check the discount, the price and the property's address.")
        assert set(errors(log)) == {"discount", "value", "la", "postcode_full", "uprn"}


@pytest.mark.parametrize("grant, type_, expected", [
    ("8999", 8, True), ("9000", 8, False), ("16000", 21, False), ("16001", 21, True), ("1000", 22, False),
])
def test_grant_range_for_right_to_acquire_and_social_homebuy(grant, type_, expected):
    log = sales_log(saledate=SALE, grant=Decimal(grant), type=type_)
    assert fails("finances.grant.out_of_range", log) is expected
