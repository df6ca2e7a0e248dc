from decimal import Decimal

import pytest

from domain.forms.catalogue import NUMERIC, OUTPUT
from domain.forms.y2026.lettings.income import INCOME_AND_BENEFITS as SUB

from .helpers import codes_and_labels, fields, log, page, question, shown

RENT_PAGES = ["rent_weekly", "rent_bi_weekly", "rent_4_weekly", "rent_monthly"]


def test_identity_and_fields():
    assert (SUB.id, SUB.label) == ("income_and_benefits", "Income, benefits and outgoings")
    assert fields(SUB) == ["net_income_known", "incfreq", "earnings", "net_income_value_check", "hb", "benefits",
                           "household_charge", "period", "brent", "scharge", "pscharge", "supcharg", "tcharge",
                           "rent_value_check", "scharge_value_check", "pscharge_value_check",
                           "supcharg_value_check", "hbrentshortfall", "tshortfall_known", "tshortfall"]


def test_option_codes():
    assert codes_and_labels(question(SUB, "income_known", "net_income_known")) == [
        (0, "Yes"), (1, "No"), (2, "Tenant prefers not to say")]
    assert codes_and_labels(question(SUB, "income_amount", "incfreq")) == [(1, "Weekly"), (2, "Monthly"), (3, "Yearly")]
    assert codes_and_labels(question(SUB, "housing_benefit", "hb")) == [
        (1, "Housing benefit"), (6, "Universal Credit housing element"), (9, "Neither"),
        (10, "Tenant prefers not to say"), (3, "Don’t know")]
    assert question(SUB, "benefits_proportion", "benefits").codes == [1, 2, 3, 4]
    period = question(SUB, "rent_period", "period")
    assert period.codes == [2, 3, 4, 9, 8, 7, 6, 5, 11, 1, 10]
    assert period.label_for(11) == "Weekly for 51 weeks"
    assert period.label_for(4) == "Every calendar month"
    assert question(SUB, "outstanding", "hbrentshortfall").codes == [1, 2, 3]
    assert question(SUB, "outstanding_amount", "tshortfall_known").codes == [0, 1]


def test_earnings_are_whole_pounds():
    earnings = question(SUB, "income_amount", "earnings")
    assert (earnings.type, earnings.number, earnings.min, earnings.step, earnings.prefix) == (NUMERIC, 95, 0, 1, "£")
    assert earnings.value_kind == "int"
    assert shown(SUB, "income_amount", net_income_known=0)
    assert not shown(SUB, "income_amount", net_income_known=2)


@pytest.mark.parametrize("page_id, suffix", [
    ("rent_weekly", " every week"), ("rent_bi_weekly", " every 2 weeks"), ("rent_4_weekly", " every 4 weeks"),
    ("rent_monthly", " every month"),
])
def test_rent_pages_store_the_charges_and_their_total(page_id, suffix):
    questions = page(SUB, page_id).questions
    assert [(q.field, q.number) for q in questions] == [
        ("brent", 100), ("scharge", 101), ("pscharge", 102), ("supcharg", 103), ("tcharge", None)]
    for q in questions[:4]:
        assert (q.type, q.min, q.step, q.prefix, q.suffix) == (NUMERIC, 0, Decimal("0.01"), "£", suffix)
        assert q.value_kind == "decimal"
    assert questions[4].type == OUTPUT and questions[4].value_kind == "decimal"
    assert not any(q.optional for q in questions)


@pytest.mark.parametrize("answers, expected", [
    (dict(needstype=1, period=1), "rent_weekly"),
    (dict(needstype=1, period=11), "rent_weekly"),
    (dict(needstype=1, period=10), "rent_weekly"),
    (dict(needstype=1, period=2), "rent_bi_weekly"),
    (dict(needstype=1, period=3), "rent_4_weekly"),
    (dict(needstype=1, period=4), "rent_monthly"),
    (dict(needstype=2, household_charge=0, period=4), "rent_monthly"),
    (dict(needstype=2, household_charge=1, period=4), None),
    (dict(needstype=1, period=None), None),
])
def test_rent_page_conditions(answers, expected):
    assert [p for p in RENT_PAGES if shown(SUB, p, **answers)] == ([expected] if expected else [])


def test_period_and_household_charge_pages():
    assert shown(SUB, "rent_or_other_charges", needstype=2)
    assert not shown(SUB, "rent_or_other_charges", needstype=1)
    assert shown(SUB, "rent_period", needstype=1)
    assert shown(SUB, "rent_period", needstype=2, household_charge=0)
    assert shown(SUB, "rent_period", needstype=2, household_charge=None)
    assert not shown(SUB, "rent_period", needstype=2, household_charge=1)
    assert not shown(SUB, "rent_period", needstype=None)


def test_shortfall_pages():
    assert shown(SUB, "outstanding", hb=1)
    assert shown(SUB, "outstanding", hb=6, household_charge=0)
    assert not shown(SUB, "outstanding", hb=6, household_charge=1)
    assert not shown(SUB, "outstanding", hb=9)
    assert shown(SUB, "outstanding_amount", hb=1, hbrentshortfall=1)
    assert not shown(SUB, "outstanding_amount", hb=1, hbrentshortfall=2)
    assert not shown(SUB, "outstanding_amount", hb=3, hbrentshortfall=1)
    shortfall = question(SUB, "outstanding_amount", "tshortfall")
    assert (shortfall.min, shortfall.step, shortfall.prefix) == (0, Decimal("0.01"), "£")
    assert shortfall.shown_when.holds(log(tshortfall_known=0))
    assert shortfall.optional_when.holds(log(tshortfall_known=1))
    assert not shortfall.optional_when.holds(log(tshortfall_known=0))
    assert shortfall.not_known_when.holds(log(tshortfall_known=1))


def test_charge_checks_use_their_own_fields():
    common = dict(period=1, needstype=1, owning_organisation_provider_type=1)
    assert shown(SUB, "scharge_value_check", **common, scharge=Decimal("30"))
    assert not shown(SUB, "pscharge_value_check", **common, scharge=Decimal("30"))
    assert shown(SUB, "pscharge_value_check", **common, pscharge=Decimal("30"))
    assert shown(SUB, "supcharg_value_check", **common, supcharg=Decimal("30"))
    assert [q.field for q in page(SUB, "brent_rent_value_check").questions] == ["rent_value_check"]
