"""Equity shares and staircasing percentages."""

from datetime import date
from decimal import Decimal

import pytest

from .helpers import errors, fails, message, sales_log

SALE = date(2026, 6, 1)


@pytest.mark.parametrize("type_, least, most", [(2, 25, 75), (18, 25, 90), (16, 10, 75), (24, 10, 75),
                                                (28, 10, 75), (30, 10, 75), (31, 10, 75), (32, 10, 75)])
def test_initial_equity_range_by_type(type_, least, most):
    def log(equity, resale=2):
        return sales_log(saledate=SALE, type=type_, equity=Decimal(equity), resale=resale)

    assert fails("equity.equity.under_min", log(least)) is False
    assert fails("equity.equity.under_min", log(Decimal(least) - Decimal("0.1"))) is True
    assert fails("equity.equity.over_max", log(most)) is False
    assert fails("equity.equity.over_max", log(Decimal(most) + Decimal("0.1"))) is True
    assert fails("equity.equity.over_max", log(Decimal(most) + Decimal("0.1"), resale=1)) is False
    assert fails("equity.equity.over_max", log(Decimal(most) + Decimal("0.1"), resale=None)) is True


def test_equity_messages_and_fields():
    low = sales_log(saledate=SALE, type=2, equity=Decimal("24.5"))
    assert errors(low) == {field: ["The initial share for Shared Ownership (old model lease) must be at least 25%, "
                                   "not 24.5%. Check the share or the type of sale."] for field in ("type", "equity")}
    high = sales_log(saledate=SALE, type=30, equity=Decimal("80"))
    assert set(errors(high)) == {"type", "equity", "resale"}
    assert "at most 75% unless the home is a resale; you entered 80%" in message("equity.equity.over_max", high)


def test_other_types_have_no_equity_range():
    assert fails("equity.equity.under_min", sales_log(saledate=SALE, type=9, equity=Decimal("1"))) is False


@pytest.mark.parametrize("bought, owned, expected", [("20", "19.9", True), ("20", "20", False), ("20", "60", False)])
def test_share_bought_cannot_exceed_share_owned(bought, owned, expected):
    log = sales_log(stairbought=Decimal(bought), stairowned=Decimal(owned), jointpur=1)
    assert fails("equity.stairowned.less_than_stairbought", log) is expected
    if expected:
        assert message("equity.stairowned.less_than_stairbought", log) == (
            "After this transaction the buyers will own 19.9%, which cannot be less than the 20% bought in it. "
            "Check both percentages.")


@pytest.mark.parametrize("bought, owned, expected", [("12.5", "12.5", True), ("12.5", "12.6", False)])
def test_share_bought_cannot_equal_share_owned(bought, owned, expected):
    log = sales_log(saledate=SALE, stairbought=Decimal(bought), stairowned=Decimal(owned))
    assert fails("equity.stairbought.equal_to_stairowned", log) is expected
    if expected:
        assert "are both 12.5%" in message("equity.stairbought.equal_to_stairowned", log)
        assert set(errors(log)) == {"stairbought", "stairowned"}


@pytest.mark.parametrize("type_, least", [(2, 10), (16, 10), (18, 10), (24, 10), (30, 1), (31, 1), (32, 1)])
def test_least_share_a_staircasing_transaction_buys(type_, least):
    def log(bought):
        return sales_log(stairbought=Decimal(bought), type=type_)

    assert fails("equity.stairbought.under_min", log(least)) is False
    assert fails("equity.stairbought.under_min", log(Decimal(least) - Decimal("0.1"))) is True


@pytest.mark.parametrize("type_, most", [(16, 90), (28, 90), (30, 90), (31, 90), (32, 90), (2, 75), (18, 75),
                                         (24, 50)])
def test_most_share_a_staircasing_transaction_buys(type_, most):
    def log(bought):
        return sales_log(saledate=SALE, stairbought=Decimal(bought), type=type_)

    assert fails("equity.stairbought.over_max", log(most)) is False
    assert fails("equity.stairbought.over_max", log(Decimal(most) + Decimal("0.1"))) is True


def test_staircasing_over_max_message():
    log = sales_log(saledate=SALE, stairbought=Decimal("51"), type=24)
    assert errors(log)["stairbought"] == [
        "A staircasing transaction for Older Persons Shared Ownership can buy at most 50%, not 51%. Check the "
        "share bought or the type of sale."]


def staircase(owned, numstair=None, firststair=None):
    return sales_log(saledate=SALE, equity=Decimal("25"), stairbought=Decimal("20"), stairowned=Decimal(owned),
                     numstair=numstair, firststair=firststair, jointpur=2)


@pytest.mark.parametrize("owned, expected", [("45", False), ("44.9", True)])
def test_owned_share_covers_initial_and_this_transaction(owned, expected):
    assert fails("equity.stairowned.less_than_equity_plus_stairbought", staircase(owned)) is expected
    if expected:
        assert message("equity.stairowned.less_than_equity_plus_stairbought", staircase(owned)) == (
            "After this transaction the buyer will own 44.9%, but the initial share of 25% and the 20% bought now "
            "come to 45%. Check the three percentages.")


@pytest.mark.parametrize("owned, numstair, expected", [
    ("47", 3, False),   # 25 + 20 + 1% for each of 2 earlier transactions
    ("46.9", 3, True),
    ("45", 1, False),   # this is the first: nothing earlier
    ("44", 3, False),   # short even without earlier transactions: the rule above reports it instead
])
def test_owned_share_covers_earlier_staircasing(owned, numstair, expected):
    log = staircase(owned, numstair=numstair, firststair=2)
    assert fails("equity.stairowned.less_than_previous_staircasing", log) is expected
    if expected:
        assert set(errors(log)) == {"equity", "stairowned", "stairbought", "numstair", "firststair"}
        assert "each of the 2 earlier staircasing transactions come to 47% or more, but the total owned is 46.9%" \
            in message("equity.stairowned.less_than_previous_staircasing", log)


@pytest.mark.parametrize("numstair, firststair, expected", [(1, 2, True), (2, 2, False), (1, 1, False)])
def test_not_the_first_staircasing_means_at_least_two(numstair, firststair, expected):
    log = sales_log(numstair=numstair, firststair=firststair)
    assert fails("equity.numstair.not_first_staircasing", log) is expected
