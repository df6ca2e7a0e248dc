"""Sales household rules: buyers living in, previous tenure, children, previous bedsit."""

from datetime import date

import pytest

from domain.models import SalesLog

from .helpers import errors, fails, message, sales_log

SALE = date(2026, 6, 1)


@pytest.mark.parametrize("buy1, buy2, expected", [(2, 2, True), (1, 2, False), (2, 1, False)])
def test_someone_lives_in_when_the_buyers_will(buy1, buy2, expected):
    # `buylivein` is not collected in 2026 (declared inert): the rule fires only when something sets it.
    log = sales_log(buylivein=1, buy1livein=buy1, buy2livein=buy2)
    assert fails("household.buylivein.no_buyer_lives_in", log) is expected


def test_the_buyers_living_in_rule_is_inert_on_a_2026_log():
    assert not any(f.name == "buylivein" for f in SalesLog._meta.concrete_fields)
    assert fails("household.buylivein.no_buyer_lives_in", sales_log(buy1livein=2, buy2livein=2)) is False


@pytest.mark.parametrize("prevten, ownershipsch, expected", [
    (1, 2, False), (2, 2, False), (3, 2, True), (0, 2, True), (9, 2, True), (3, 1, False),
])
def test_discounted_sale_needs_a_social_tenant(prevten, ownershipsch, expected):
    log = sales_log(saledate=SALE, prevten=prevten, ownershipsch=ownershipsch)
    assert fails("household.prevten.not_social_tenant_for_discounted_sale", log) is expected
    if expected:
        assert set(errors(log)) == {"prevten", "ownershipsch"}


@pytest.mark.parametrize("n", range(2, 7))
@pytest.mark.parametrize("age, expected", [(16, False), (17, True)])
def test_child_under_16_cannot_be_older_than_16(n, age, expected):
    log = sales_log(**{f"age{n}": age, f"ecstat{n}": 9})
    assert fails(f"household.age{n}.child_over_16", log) is expected
    if expected:
        assert errors(log)[f"age{n}"] == [
            f"Person {n} is 17, so their working situation cannot be 'child under 16'. Change their age or their "
            "working situation."]
        assert f"ecstat{n}" in errors(log)


def test_an_adult_who_is_not_a_child_passes():
    assert fails("household.age3.child_over_16", sales_log(age3=40, ecstat3=1)) is False


@pytest.mark.parametrize("ecstat1, expected", [(9, True), (1, False)])
def test_buyer_1_cannot_be_a_child(ecstat1, expected):
    assert fails("household.ecstat1.buyer_is_child", sales_log(saledate=SALE, ecstat1=ecstat1)) is expected


@pytest.mark.parametrize("jointpur, expected", [(1, True), (2, False)])
def test_buyer_2_cannot_be_a_child_in_a_joint_purchase(jointpur, expected):
    log = sales_log(saledate=SALE, ecstat2=9, jointpur=jointpur)
    assert fails("household.ecstat2.buyer_is_child", log) is expected


@pytest.mark.parametrize("income2, expected", [(0, False), (1, True)])
def test_a_child_has_no_income(income2, expected):
    log = sales_log(income2=income2, ecstat2=9)
    assert fails("household.income2.child_has_income", log) is expected
    if expected:
        assert set(errors(log)) == {"ecstat2", "income2"}
        assert "must be £0, not £1." in message("household.income2.child_has_income", log)


@pytest.mark.parametrize("fromprop, frombeds, expected", [(2, 1, False), (2, 2, True), (3, 2, False)])
def test_previous_bedsit_has_one_bedroom(fromprop, frombeds, expected):
    log = sales_log(fromprop=fromprop, frombeds=frombeds)
    assert fails("household.frombeds.bedsit_more_than_one", log) is expected
