from decimal import Decimal

import pytest

from domain.forms.money import WEEKS_PER_PERIOD, weekly, weekly_income


def test_weeks_per_period_table():
    assert WEEKS_PER_PERIOD == {1: 52, 2: 26, 3: 13, 4: 12, 5: 50, 6: 49, 7: 48, 8: 47, 9: 46, 10: 53, 11: 51}


@pytest.mark.parametrize("amount, period, expected", [
    (Decimal("100"), 1, Decimal("100.00")),
    (Decimal("200"), 2, Decimal("100.00")),
    (Decimal("400"), 3, Decimal("100.00")),
    (Decimal("520"), 4, Decimal("120.00")),
    (Decimal("100"), 10, Decimal("101.92")),  # 100 x 53 / 52 = 101.923...
    (Decimal("100"), 9, Decimal("88.46")),  # 100 x 46 / 52 = 88.4615...
    (Decimal("0.13"), 2, Decimal("0.07")),  # 0.065 exactly: halves round up
    ("12.50", 1, Decimal("12.50")),
    (0, 4, Decimal("0.00")),
])
def test_weekly_converts_to_the_penny(amount, period, expected):
    assert weekly(amount, period) == expected


@pytest.mark.parametrize("amount, period", [(None, 1), ("", 1), (Decimal("10"), None), (Decimal("10"), 12)])
def test_weekly_is_none_without_an_amount_or_a_known_period(amount, period):
    assert weekly(amount, period) is None


@pytest.mark.parametrize("earnings, incfreq, expected", [
    (500, 1, Decimal("500")),
    (1300, 2, Decimal("300")),  # 1300 x 12 / 52 = 300
    (1000, 2, Decimal("231")),  # 230.77 -> 231
    (26, 3, Decimal("1")),  # 0.5 -> 1: halves away from zero
    (25, 3, Decimal("0")),  # 0.48 -> 0
    (52000, 3, Decimal("1000")),
])
def test_weekly_income(earnings, incfreq, expected):
    assert weekly_income(earnings, incfreq) == expected


def test_weekly_income_needs_earnings_and_a_frequency():
    assert weekly_income(None, 1) is None
    assert weekly_income(100, None) is None
