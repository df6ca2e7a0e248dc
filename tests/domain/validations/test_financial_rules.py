"""Income, benefits, rent and charges. Rent limits come from the 2026 rent range table: Sheffield
(E08000039), general needs Social Rent owned by a private registered provider (letting type 1), 2 bedrooms:
soft 61.09 to 122.52, hard 25.84 to 2,000 a week."""

from decimal import Decimal

import pytest
from django.core.management import call_command

from domain.services.logs import log_evaluate

from .conftest import fails, fails_after_evaluation, message

pytestmark = pytest.mark.django_db


@pytest.fixture
def rent_ranges(db):
    call_command("load_reference_data", verbosity=0)


def test_income_within_the_households_hard_limits(make_log):
    # One person working full time: hard limits 90 to 1,230 a week.
    over, under = "financial.earnings.over_hard_max", "financial.earnings.under_hard_min"
    assert not fails_after_evaluation(over, make_log(earnings=1230))
    assert fails_after_evaluation(over, make_log(earnings=1231))
    assert not fails_after_evaluation(under, make_log(earnings=90))
    assert fails_after_evaluation(under, make_log(earnings=89))
    assert message(over, make_log(earnings=1231)).startswith(
        "A household like this one cannot have a net income of more than £1,230.00 a week; you entered "
        "£1,231.00 a week.")
    # Monthly: 5,330 a month is 1,230 a week.
    assert not fails_after_evaluation(over, make_log(incfreq=2, earnings=5330))
    assert fails_after_evaluation(over, make_log(incfreq=2, earnings=5333))


def test_income_amount_and_frequency_come_together(make_log):
    assert fails("financial.incfreq.missing", make_log(incfreq=None))
    assert fails("financial.earnings.missing", make_log(earnings=None))
    assert not fails("financial.incfreq.missing", make_log())


def test_all_income_from_benefits_but_working(make_log):
    assert fails("financial.benefits.all_income_but_person_1_works", make_log(benefits=1, ecstat1=2))
    assert not fails("financial.benefits.all_income_but_person_1_works", make_log(benefits=1, ecstat1=4))
    assert fails("financial.benefits.all_income_but_person_2_works", make_log(benefits=1, ecstat2=1, relat2="P"))
    assert not fails("financial.benefits.all_income_but_person_2_works", make_log(benefits=1, ecstat2=1, relat2="X"))


def test_housing_benefit_means_some_income_from_benefits(make_log):
    assert fails("financial.hb.no_income_from_benefits", make_log(hb=6, benefits=3))
    assert not fails("financial.hb.no_income_from_benefits", make_log(hb=6, benefits=2))


def test_negative_amounts_are_refused(make_log):
    assert fails("financial.scharge.negative", make_log(scharge=Decimal("-0.01")))
    assert not fails("financial.scharge.negative", make_log(scharge=Decimal("0")))


def test_outstanding_amount_rules(make_log):
    assert fails("financial.tshortfall.not_expected", make_log(hbrentshortfall=2, tshortfall=Decimal("5")))
    assert fails("financial.tshortfall.no_housing_benefit", make_log(hb=9, hbrentshortfall=1))
    rule = "financial.tshortfall.more_than_total_charge"
    assert not fails_after_evaluation(rule, make_log(hb=1, benefits=2, hbrentshortfall=1, tshortfall_known=0,
                                                     tshortfall=Decimal("110.00")))
    assert fails_after_evaluation(rule, make_log(hb=1, benefits=2, hbrentshortfall=1, tshortfall_known=0,
                                                 tshortfall=Decimal("110.01")))
    assert fails("financial.tshortfall.not_positive", make_log(wtshortfall=Decimal("0"), wtcharge=Decimal("5")))


def test_total_charge_is_at_least_ten_pounds_a_week(make_log):
    rule = "financial.tcharge.under_10"
    low = {"brent": Decimal("9.99"), "scharge": Decimal("0")}
    assert fails_after_evaluation(rule, make_log(**low))
    assert not fails_after_evaluation(rule, make_log(brent=Decimal("10.00"), scharge=Decimal("0")))
    assert message(rule, make_log(**low, tcharge=Decimal("9.99"))).startswith(
        "The total charge must be at least £10.00 a week; it is £9.99 a week.")


def test_no_charges_and_charges_together_are_refused(make_log):
    assert fails("financial.tcharge.no_charges_answered", make_log(tcharge=Decimal("110"), household_charge=1))
    assert not fails("financial.tcharge.no_charges_answered", make_log(tcharge=Decimal("110"), household_charge=0))


@pytest.mark.parametrize("field, most", [("scharge", "800"), ("pscharge", "700"), ("supcharg", "800")])
def test_charges_have_a_maximum_by_provider_type(make_log, field, most):
    rule = f"financial.{field}.over_maximum"
    assert not fails(rule, make_log(**{field: Decimal(most)}))
    assert fails(rule, make_log(**{field: Decimal(most) + Decimal("0.01")}))


def test_charge_maximum_message_is_per_period(make_log):
    log = make_log(period=4, scharge=Decimal("5000"))
    assert message("financial.scharge.over_maximum", log) == (
        "Enter a service charge between £0 and £3,466.67 a calendar month. That is the most a private "
        "registered provider can charge for general needs lettings.")


def test_rent_within_the_hard_limits_of_the_rent_range(make_log, rent_ranges):
    above, below = "financial.brent.above_hard_max", "financial.brent.below_hard_min"
    assert not fails_after_evaluation(above, make_log(brent=Decimal("2000.00")))
    assert fails_after_evaluation(above, make_log(brent=Decimal("2000.01")))
    assert not fails_after_evaluation(below, make_log(brent=Decimal("25.84")))
    assert fails_after_evaluation(below, make_log(brent=Decimal("25.83")))
    # Every 2 weeks: 4,000.02 is 2,000.01 a week.
    assert fails_after_evaluation(above, make_log(period=2, brent=Decimal("4000.02")))
    outcome = log_evaluate(make_log(brent=Decimal("2000.01")))
    expected = ("The basic rent is £2,000.01 a week, more than the most expected for this kind of property here "
                "(£2,000.00 a week). Check the rent, how often it is paid, the local authority and the number of "
                "bedrooms.")
    assert outcome.errors["brent"] == [expected]
    assert outcome.errors["beds"] == [expected] and outcome.errors["la"] == [expected]


def test_rent_range_depends_on_bedrooms_and_letting_type(make_log, rent_ranges, owner):
    # 4 bedrooms (and more) use the 4-bedroom row: hard minimum 18.64.
    assert not fails_after_evaluation("financial.brent.below_hard_min", make_log(beds=5, brent=Decimal("18.64")))
    assert fails_after_evaluation("financial.brent.below_hard_min", make_log(beds=5, brent=Decimal("18.63")))
    # A local authority owner (letting type 3): hard maximum 1,000 for 2 bedrooms.
    owner.provider_type, owner.profit_status = 1, 3
    assert not fails_after_evaluation("financial.brent.above_hard_max", make_log(brent=Decimal("1000.00")))
    assert fails_after_evaluation("financial.brent.above_hard_max", make_log(brent=Decimal("1000.01")))


def test_rent_period_must_be_one_the_manager_uses(make_log, owner):
    owner.rent_periods = [2, 4]
    rule = "financial.period.not_used_by_manager"
    assert fails(rule, make_log(period=1))
    assert message(rule, make_log(period=1)).startswith("Test PRP does not charge rent weekly for 52 weeks.")
    assert not fails(rule, make_log(period=4))
