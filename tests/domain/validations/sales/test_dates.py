"""Sale information dates: handover, exchange, initial purchase and last staircasing."""

from datetime import date

import pytest

from domain.validations.sales.dates import years_before

from .helpers import errors, fails, message, sales_log


@pytest.mark.parametrize("hodate, expected", [(date(2026, 6, 1), False), (date(2026, 6, 2), True)])
def test_handover_on_or_before_completion(hodate, expected):
    log = sales_log(saledate=date(2026, 6, 1), hodate=hodate)
    assert fails("sale_dates.hodate.after_saledate", log) is expected
    if expected:
        assert errors(log)["hodate"] == [
            "The practical completion or handover date (2 June 2026) must be on or before the sale completion date "
            "(1 June 2026). Check both dates."]
        assert "saledate" in errors(log)


@pytest.mark.parametrize("hodate, expected", [(date(2021, 6, 2), False), (date(2021, 6, 1), True)])
def test_handover_less_than_five_years_before_completion(hodate, expected):
    log = sales_log(saledate=date(2026, 6, 1), hodate=hodate)
    assert fails("sale_dates.hodate.five_years_before_saledate", log) is expected


def test_five_years_before_29_february_is_28_february():
    assert years_before(date(2028, 2, 29), 5) == date(2023, 2, 28)
    log = sales_log(saledate=date(2028, 2, 29), hodate=date(2023, 2, 28))
    assert fails("sale_dates.hodate.five_years_before_saledate", log) is True
    log.hodate = date(2023, 3, 1)
    assert fails("sale_dates.hodate.five_years_before_saledate", log) is False


@pytest.mark.parametrize("exdate, expected", [
    (date(2026, 6, 2), True), (date(2026, 6, 1), False),
])
def test_exchange_on_or_before_completion(exdate, expected):
    log = sales_log(saledate=date(2026, 6, 1), exdate=exdate)
    assert fails("sale_dates.exdate.after_saledate", log) is expected


@pytest.mark.parametrize("exdate, expected", [
    (date(2025, 6, 1), False),   # 365 days before
    (date(2025, 5, 31), True),   # 366 days: a year of 365.2425 days or more
])
def test_exchange_less_than_a_year_before_completion(exdate, expected):
    log = sales_log(saledate=date(2026, 6, 1), exdate=exdate)
    assert fails("sale_dates.exdate.year_before_saledate", log) is expected


@pytest.mark.parametrize("field", ["initialpurchase", "lasttransaction"])
@pytest.mark.parametrize("day, expected", [(date(1979, 12, 31), True), (date(1980, 1, 1), False)])
def test_staircasing_dates_from_1980(field, day, expected):
    assert fails(f"sale_dates.{field}.before_1980", sales_log(**{field: day})) is expected


@pytest.mark.parametrize("field", ["initialpurchase", "lasttransaction"])
@pytest.mark.parametrize("day, expected", [(date(2026, 5, 31), False), (date(2026, 6, 1), True)])
def test_staircasing_dates_before_this_sale(field, day, expected):
    log = sales_log(saledate=date(2026, 6, 1), **{field: day})
    assert fails(f"sale_dates.{field}.not_before_saledate", log) is expected
    if expected:
        assert set(errors(log)) == {field, "saledate"}


def test_initial_purchase_message_shows_both_dates():
    log = sales_log(saledate=date(2026, 6, 1), initialpurchase=date(2026, 7, 1))
    assert message("sale_dates.initialpurchase.not_before_saledate", log) == (
        "The initial purchase date (1 July 2026) must be before the sale completion date of this staircasing "
        "transaction (1 June 2026). Check both dates.")


@pytest.mark.parametrize("last, expected", [(date(2015, 1, 1), True), (date(2015, 1, 2), False)])
def test_last_staircasing_after_initial_purchase(last, expected):
    log = sales_log(initialpurchase=date(2015, 1, 1), lasttransaction=last)
    assert fails("sale_dates.lasttransaction.not_after_initialpurchase", log) is expected
    if expected:
        assert set(errors(log)) == {"initialpurchase", "lasttransaction"}
