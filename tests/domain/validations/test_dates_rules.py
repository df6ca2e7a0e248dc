"""Void and major repairs dates against the start date and each other: equal dates pass, 20 calendar years."""

from datetime import date

import pytest

from .conftest import fails, fails_after_evaluation, message

pytestmark = pytest.mark.django_db
START = date(2026, 6, 1)


def test_major_repairs_date_is_refused_on_a_first_let(make_log):
    assert fails("dates.mrcdate.first_let", make_log(rsnvac=15, mrcdate=date(2026, 5, 1)))
    assert not fails("dates.mrcdate.first_let", make_log(rsnvac=13, mrcdate=date(2026, 5, 1)))


@pytest.mark.parametrize("field, after_rule, twenty_rule", [
    ("mrcdate", "dates.mrcdate.after_startdate", "dates.mrcdate.twenty_years_before_startdate"),
    ("voiddate", "dates.voiddate.after_startdate", "dates.voiddate.twenty_years_before_startdate"),
])
def test_dates_lie_within_twenty_years_before_the_start(make_log, field, after_rule, twenty_rule):
    def log(day):
        return make_log(majorrepairs=1, **{"voiddate": date(2006, 6, 1), field: day})

    assert not fails_after_evaluation(after_rule, log(START))
    assert fails_after_evaluation(after_rule, log(date(2026, 6, 2)))
    assert not fails_after_evaluation(twenty_rule, log(date(2006, 6, 1)))
    assert fails_after_evaluation(twenty_rule, log(date(2006, 5, 31)))
    assert message(twenty_rule, log(date(2006, 5, 31))).endswith("on or after 1 June 2006.")


def test_void_date_comes_before_the_repairs(make_log):
    rule = "dates.voiddate.after_mrcdate"
    assert fails_after_evaluation(rule, make_log(majorrepairs=1, voiddate=date(2026, 5, 2), mrcdate=date(2026, 5, 1)))
    assert not fails_after_evaluation(rule, make_log(majorrepairs=1, voiddate=date(2026, 5, 1),
                                                     mrcdate=date(2026, 5, 1)))
    assert message(rule, make_log(voiddate=date(2026, 5, 2), mrcdate=date(2026, 5, 1))) == (
        "The property became vacant on 2 May 2026, after the major repairs were completed on 1 May 2026. "
        "The void date must come before the repairs date: check both dates.")
