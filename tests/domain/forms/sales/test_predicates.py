"""Each soft check of the 2026 sales form at its boundaries (sales-2026-form §4.1, rules §3)."""

from datetime import date, datetime
from decimal import Decimal
from types import SimpleNamespace

import pytest

from domain.forms.conditions import PREDICATES
from domain.forms.y2026.lettings import predicates as lettings_predicates  # noqa: F401  (registers its names)
from domain.forms.y2026.sales import predicates as p

from .support import triggered

SALE_RANGE = SimpleNamespace(soft_min=Decimal("100000"), soft_max=Decimal("200000"))


@pytest.mark.parametrize("value, expected", [
    (Decimal("99999.99"), True), (Decimal("100000"), False), (Decimal("200000"), False), (Decimal("200000.01"), True),
])
def test_price_outside_the_range_for_the_area(value, expected):
    assert triggered("sale_price_outside_expected_range?", value=value, beds=2, la="E08000035",
                     sale_range=SALE_RANGE) is expected


@pytest.mark.parametrize("missing", ["value", "beds", "la", "sale_range"])
def test_price_check_needs_value_beds_la_and_a_range(missing):
    answers = dict(value=50_000, beds=2, la="E08000035", sale_range=SALE_RANGE)
    answers[missing] = None
    assert triggered("sale_price_outside_expected_range?", **answers) is False


@pytest.mark.parametrize("la, london", [
    ("E09000001", True), ("E09000033", True), ("E09000034", False), ("E09000000", False), ("E08000035", False),
    (None, False),
])
def test_london_is_the_33_boroughs(la, london):
    assert p.is_london(la) is london


@pytest.mark.parametrize("la, income, expected", [
    ("E08000035", 80_000, False), ("E08000035", 80_001, True), ("E09000001", 90_000, False),
    ("E09000001", 90_001, True),
])
def test_discounted_ownership_income_limits(la, income, expected):
    assert triggered("buyer_1_income_over_discounted_limit?", ownershipsch=2, la=la, income1=income) is expected
    assert triggered("buyer_2_income_over_discounted_limit?", ownershipsch=2, la=la, income2=income) is expected
    assert triggered("combined_income_over_discounted_limit?", ownershipsch=2, la=la,
                     income1=income - 1000, income2=1000) is expected


def test_income_limits_only_for_discounted_ownership_with_an_la():
    assert triggered("buyer_1_income_over_discounted_limit?", ownershipsch=1, la="E08000035", income1=99_999) is False
    assert triggered("buyer_1_income_over_discounted_limit?", ownershipsch=2, la=None, income1=99_999) is False
    assert triggered("combined_income_over_discounted_limit?", ownershipsch=2, la="E08000035", income1=99_999) is False


@pytest.mark.parametrize("ecstat, low, high", [
    (1, 13_400, 150_000), (2, 2_600, 80_000), (3, 2_080, 30_000), (4, 520, 23_400), (5, 520, 80_000),
    (6, 520, 50_000), (7, 520, 30_000), (8, 520, 150_000), (9, 520, 150_000), (0, 520, 150_000),
])
def test_income_for_the_working_situation(ecstat, low, high):
    for n in (1, 2):
        name = f"buyer_{n}_income_unexpected_for_working_situation?"
        assert triggered(name, **{f"ecstat{n}": ecstat, f"income{n}": low - 1}) is True
        assert triggered(name, **{f"ecstat{n}": ecstat, f"income{n}": low}) is False
        assert triggered(name, **{f"ecstat{n}": ecstat, f"income{n}": high}) is False
        assert triggered(name, **{f"ecstat{n}": ecstat, f"income{n}": high + 1}) is True


def test_no_income_check_when_the_buyer_prefers_not_to_say():
    assert triggered("buyer_1_income_unexpected_for_working_situation?", ecstat1=10, income1=0) is False
    assert triggered("buyer_1_income_unexpected_for_working_situation?", ecstat1=1, income1=None) is False


@pytest.mark.parametrize("sale_type, mscharge, expected", [
    (2, Decimal("300"), False), (2, Decimal("300.01"), True), (24, Decimal("550"), False), (24, Decimal("550.01"), True),
])
def test_monthly_charges(sale_type, mscharge, expected):
    assert triggered("monthly_charges_higher_than_expected?", type=sale_type, mscharge=mscharge, proptype=1) is expected
    assert triggered("monthly_charges_higher_than_expected?", type=sale_type, mscharge=mscharge) is False


@pytest.mark.parametrize("proptype, limit", [(1, 50), (2, 50), (3, 35), (4, 35), (9, 35)])
def test_discount_by_property_type(proptype, limit):
    assert triggered("discount_higher_than_expected?", proptype=proptype, discount=Decimal(limit)) is False
    assert triggered("discount_higher_than_expected?", proptype=proptype, discount=Decimal(limit) + Decimal("0.1"))


@pytest.mark.parametrize("n", range(1, 7))
def test_retirement_checks_for_every_person(n):
    young, old = p.retired_under_66(n), p.not_retired_over_66(n)
    assert triggered(young, **{f"age{n}": 65, f"ecstat{n}": 5}) is True
    assert triggered(young, **{f"age{n}": 66, f"ecstat{n}": 5}) is False
    assert triggered(old, **{f"age{n}": 66, f"ecstat{n}": 1}) is False
    assert triggered(old, **{f"age{n}": 67, f"ecstat{n}": 1}) is True
    assert triggered(old, **{f"age{n}": 67, f"ecstat{n}": 10}) is False
    assert triggered(old, **{f"age{n}": 67, f"ecstat{n}": 5}) is False
    assert triggered(young, **{f"age{n}": None, f"ecstat{n}": 5}) is False


@pytest.mark.parametrize("answers, expected", [
    (dict(jointpur=2, age1=63), True),
    (dict(jointpur=2, age1=64), False),
    (dict(jointpur=2, age1_known=1), True),
    (dict(jointpur=2, age1_known=2), False),  # prefers not to say is not "unknown"
    (dict(jointpur=1, age1=63, age2=63), True),
    (dict(jointpur=1, age1=63, age2=64), False),
    (dict(jointpur=1, age1_known=1, age2_known=1), True),
    (dict(jointpur=None, age1=50), False),
])
def test_older_persons_shared_ownership_ages(answers, expected):
    assert triggered("older_persons_buyers_too_young?", type=24, **answers) is expected
    assert triggered("older_persons_buyers_too_young?", type=2, **answers) is False


def test_buyers_not_living_in():
    assert triggered("buyer_1_not_living_in?", ownershipsch=1, buy1livein=2) is True
    assert triggered("buyer_1_not_living_in?", ownershipsch=2, buy1livein=1) is False
    assert triggered("buyer_1_not_living_in?", ownershipsch=None, buy1livein=2) is False
    assert triggered("buyer_2_not_living_in?", jointpur=1, ownershipsch=2, buy2livein=2) is True
    assert triggered("buyer_2_not_living_in?", jointpur=2, ownershipsch=2, buy2livein=2) is False


@pytest.mark.parametrize("n", range(2, 7))
def test_partner_under_16(n):
    name = p.partner_under_16(n)
    assert triggered(name, **{f"age{n}": 15, f"relat{n}": "P"}) is True
    assert triggered(name, **{f"age{n}": 16, f"relat{n}": "P"}) is False
    assert triggered(name, **{f"age{n}": 15, f"relat{n}": "X"}) is False


def test_more_than_one_partner_counts_people_up_to_hhmemb():
    assert triggered("more_than_one_partner?", hhmemb=3, relat2="P", relat3="P") is True
    assert triggered("more_than_one_partner?", hhmemb=2, relat2="P", relat3="P") is False
    assert triggered("more_than_one_partner?", hhmemb=15, relat2="P", relat6="P") is True
    assert triggered("more_than_one_partner?", hhmemb=None, relat2="P", relat3="P") is False


def test_wheelchair_user_but_nobody_disabled():
    assert triggered("wheelchair_user_but_nobody_disabled?", wheel=1, disabled=2) is True
    assert triggered("wheelchair_user_but_nobody_disabled?", wheel=1, disabled=3) is False


@pytest.mark.parametrize("answers, expected", [
    (dict(mortgage=250_001, inc1mort=1, income1=50_000, jointpur=2), True),
    (dict(mortgage=250_000, inc1mort=1, income1=50_000, jointpur=2), False),
    (dict(mortgage=1, inc1mort=2, jointpur=2), True),  # no income used: any mortgage is high
    (dict(mortgage=300_001, inc1mort=1, income1=30_000, inc2mort=1, income2=30_000, jointpur=1), True),
    (dict(mortgage=300_000, inc1mort=1, income1=30_000, inc2mort=1, income2=30_000, jointpur=1), False),
    (dict(mortgage=300_001, inc1mort=1, income1=30_000, jointpur=1), False),  # inc2mort still unanswered
    (dict(mortgage=1, inc1mort=1, income1=None, jointpur=2), False),
    (dict(mortgage=1, inc1mort=2, inc2mort=1, income2=None, jointpur=1), False),
])
def test_mortgage_over_5_times_the_income_used(answers, expected):
    assert triggered("mortgage_over_5_times_income?", **answers) is expected


def test_savings():
    assert triggered("savings_higher_than_expected?", savings=100_000) is False
    assert triggered("savings_higher_than_expected?", savings=100_010) is True
    assert triggered("savings_higher_than_expected?", savings=200_000, type=24) is False
    assert triggered("savings_higher_than_expected?", savings=200_010, type=24) is True


def test_deposit_against_savings_rounds_down():
    # 1000 x 4 / 3 = 1333.33, rounded down to 1333
    assert triggered("deposit_higher_than_savings?", savings=1000, deposit=1333, mortgageused=1) is False
    assert triggered("deposit_higher_than_savings?", savings=1000, deposit=Decimal("1333.01"), mortgageused=1) is True
    assert triggered("deposit_higher_than_savings?", savings=1000, deposit=5000, mortgageused=2) is False


def test_grant_range():
    assert triggered("grant_outside_expected_range?", grant=8_999, type=22, saledate=date(2026, 5, 1)) is True
    assert triggered("grant_outside_expected_range?", grant=9_000, type=22, saledate=date(2026, 5, 1)) is False
    assert triggered("grant_outside_expected_range?", grant=16_000, type=22, saledate=date(2026, 5, 1)) is False
    assert triggered("grant_outside_expected_range?", grant=16_001, type=22, saledate=date(2026, 5, 1)) is True
    assert triggered("grant_outside_expected_range?", grant=1, type=8, saledate=date(2026, 5, 1)) is False
    assert triggered("grant_outside_expected_range?", grant=1, type=22, saledate=None) is False


def test_staircasing_checks():
    assert triggered("stairbought_over_50?", stairbought=Decimal("50")) is False
    assert triggered("stairbought_over_50?", stairbought=Decimal("50.1")) is True
    assert triggered("older_persons_stairowned_over_75?", type=24, stairowned=Decimal("75.9")) is False
    assert triggered("older_persons_stairowned_over_75?", type=24, stairowned=Decimal("76")) is True
    assert triggered("older_persons_stairowned_over_75?", type=24, stairowned=Decimal("100")) is True
    assert triggered("older_persons_stairowned_over_75?", type=2, stairowned=Decimal("80")) is False


def test_handover_five_years_of_365_and_a_quarter_days():
    sale = date(2026, 6, 1)
    assert (sale - date(2021, 6, 1)).days == 1826
    assert triggered("handover_5_years_before_completion?", saledate=sale, hodate=date(2021, 6, 1)) is False
    assert triggered("handover_5_years_before_completion?", saledate=sale, hodate=date(2021, 5, 31)) is True
    assert triggered("handover_5_years_before_completion?", saledate=datetime(2026, 6, 1, 12),
                     hodate=date(2021, 5, 31)) is True
    assert triggered("handover_5_years_before_completion?", saledate=sale, hodate=date(2021, 5, 31),
                     saledate_check=0) is False


def test_switched_off_and_routing_predicates_never_hold():
    assert triggered("deposit_and_mortgage_below_discounted_value?", mortgage=0, deposit=0, value=100_000) is False
    assert triggered("soctenant_asked?") is False
    assert triggered("never?") is False


def test_sales_names_do_not_replace_lettings_predicates():
    sales_names = {name for name, function in PREDICATES.items() if function.__module__ == p.__name__}
    lettings_names = {name for name, function in PREDICATES.items()
                      if function.__module__ == lettings_predicates.__name__}
    assert len(sales_names) > 30
    assert lettings_names and not sales_names & lettings_names
