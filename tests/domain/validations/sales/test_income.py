"""Shared ownership income limits: £80,000 outside London, £90,000 in London, per buyer and together."""

import pytest

from .helpers import errors, fails, message, sales_log

OUTSIDE, LONDON = "E08000035", "E09000001"


def shared(la, **answers):
    return sales_log(ownershipsch=1, la=la, **answers)


@pytest.mark.parametrize("n", [1, 2])
@pytest.mark.parametrize("la, income, expected", [
    (OUTSIDE, 80000, False), (OUTSIDE, 80001, True), (LONDON, 90000, False), (LONDON, 90001, True),
    (OUTSIDE, 0, False), (OUTSIDE, -1, True),
])
def test_each_buyer_income_limit(n, la, income, expected):
    log = shared(la, **{f"income{n}": income})
    assert fails(f"income.income{n}.outside_shared_ownership_range", log) is expected


def test_income_limit_message_and_fields():
    log = shared(OUTSIDE, income1=80001)
    assert errors(log)["income1"] == [
        "Buyer 1's income is £80,001.00, but for shared ownership of a home outside London it must be between £0 "
        "and £80,000.00. Check the income, the type of sale and the property's address."]
    assert set(errors(log)) == {"income1", "ownershipsch", "uprn", "la", "postcode_full", "uprn_selection"}
    assert "in London it must be between £0 and £90,000.00" in message(
        "income.income1.outside_shared_ownership_range", shared(LONDON, income1=95000))


def test_london_is_judged_from_the_borough_code_when_the_model_does_not_say():
    assert fails("income.income1.outside_shared_ownership_range",
                 sales_log(ownershipsch=1, la="E09000033", income1=85000)) is False
    assert fails("income.income1.outside_shared_ownership_range",
                 sales_log(ownershipsch=1, la="E09000034", income1=85000)) is True


@pytest.mark.parametrize("answers", [
    {"ownershipsch": 2, "la": "E08000035", "income1": 100000},  # discounted ownership: a soft check instead
    {"ownershipsch": 1, "la": None, "income1": 100000},         # no local authority yet
])
def test_income_limit_only_for_shared_ownership_with_a_local_authority(answers):
    assert fails("income.income1.outside_shared_ownership_range", sales_log(**answers)) is False


@pytest.mark.parametrize("la, income1, income2, expected", [
    (OUTSIDE, 40000, 40000, False), (OUTSIDE, 40000, 40001, True),
    (LONDON, 45000, 45000, False), (LONDON, 45000, 45001, True),
])
def test_combined_income_limit(la, income1, income2, expected):
    log = shared(la, income1=income1, income2=income2)
    assert fails("income.combined.over_shared_ownership_limit", log) is expected
    if expected:
        assert set(errors(log)) == {"income1", "income2", "ownershipsch", "uprn", "la", "postcode_full"}


def test_combined_income_message_shows_the_total():
    log = shared(OUTSIDE, income1=50000, income2=30500)
    assert message("income.combined.over_shared_ownership_limit", log) == (
        "The buyers' incomes add up to £80,500.00, over the shared ownership limit of £80,000.00 for a home "
        "outside London. Check both incomes, the type of sale and the property's address.")
