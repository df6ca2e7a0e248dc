"""Sales setup rules: the sale date window (shared with lettings), organisations and the assignee."""

from datetime import date
from unittest.mock import patch

import pytest

from .helpers import errors, fails, message, organisation, sales_log
from tests.clock import on

WINDOW = "setup.saledate.within_open_years"


def window_fails(saledate, today, *, editing=False) -> bool:
    log = sales_log(saledate=saledate)
    if editing:
        log._loaded_values = {"saledate": date(2026, 5, 1)}
    with on(today):
        return fails(WINDOW, log)


@pytest.mark.parametrize("saledate, expected", [
    (date(2026, 3, 31), True),   # the day before the 2026 year opens
    (date(2026, 4, 1), False),   # the first day of the 2026 year
    (date(2026, 12, 12), False),  # today + 14 days
    (date(2026, 12, 13), True),  # today + 15 days
])
def test_saledate_outside_the_crossover_must_be_in_the_current_year_and_at_most_14_days_ahead(saledate, expected):
    assert window_fails(saledate, today=date(2026, 11, 28)) is expected


def test_saledate_message_names_the_window_and_the_future_limit():
    with on(date(2026, 11, 28)):
        assert message(WINDOW, sales_log(saledate=date(2026, 3, 31))) == (
            "Enter a sale completion date within the current collection year, between 1 April 2026 and "
            "31 March 2027.")
        assert message(WINDOW, sales_log(saledate=date(2026, 12, 13))) == (
            "The sale completion date must not be more than 14 days after today.")
        assert errors(sales_log(saledate=date(2026, 3, 31)))["saledate"] == [
            "Enter a sale completion date within the current collection year, between 1 April 2026 and "
            "31 March 2027."]


@pytest.mark.parametrize("saledate, today, expected", [
    (date(2026, 4, 1), date(2027, 5, 1), False),   # crossover: the previous year is still open for new logs
    (date(2026, 3, 31), date(2027, 5, 1), True),   # but not the year before it
    (date(2026, 4, 1), date(2027, 7, 2), False),   # the last full day of the crossover for new logs
    (date(2026, 4, 1), date(2027, 7, 4), True),    # after it, only 2027 dates
    (date(2027, 4, 1), date(2027, 7, 4), False),
])
def test_saledate_of_a_new_log_in_and_out_of_the_crossover(saledate, today, expected):
    assert window_fails(saledate, today) is expected


def test_crossover_message_names_both_years():
    with on(date(2027, 5, 1)):
        assert message(WINDOW, sales_log(saledate=date(2026, 3, 31))) == (
            "Enter a sale completion date within the open collection years, between 1 April 2026 and "
            "31 March 2028.")


@pytest.mark.parametrize("today, expected", [
    (date(2027, 7, 20), False),  # closed for new logs, still open for edits
    (date(2027, 8, 1), True),    # closed for edits too
])
def test_an_edited_log_keeps_a_previous_year_date_until_the_edit_deadline(today, expected):
    assert window_fails(date(2026, 6, 1), today, editing=True) is expected
    assert window_fails(date(2026, 6, 1), today, editing=False) is True


def merged_owner():
    return organisation(name="Old Homes", merge_date=date(2026, 6, 1), absorbing=organisation(name="New Homes"))


@pytest.mark.parametrize("saledate, expected", [(date(2026, 5, 31), False), (date(2026, 6, 1), True)])
def test_owning_organisation_must_not_have_merged_by_the_sale_date(saledate, expected):
    log = sales_log(saledate=saledate, owning_organisation=merged_owner())
    assert fails("setup.saledate.owning_organisation_merged", log) is expected
    assert fails("setup.owning_organisation_id.inactive_on_saledate", log) is expected


def test_merged_owner_is_reported_on_the_sale_date_and_the_organisation():
    log = sales_log(saledate=date(2026, 7, 1), owning_organisation=merged_owner())
    with on(date(2026, 7, 1)):
        found = errors(log)
    assert found["saledate"] == [
        "Old Homes merged into New Homes on 1 June 2026, on or before this sale completion date. Enter the date "
        "the sale completed if it was earlier, or choose the organisation that owned the property on 1 July 2026."]
    assert found["owning_organisation_id"] == [
        "Choose an owning organisation that was active when the sale completed. Old Homes merged into New Homes "
        "on 1 June 2026, on or before the sale completion date (1 July 2026)."]


@pytest.mark.parametrize("saledate, absorbed, expected", [
    (date(2026, 5, 31), True, True),
    (date(2026, 6, 1), True, False),
    (date(2026, 5, 31), False, False),  # only an organisation that absorbed others has a start date to respect
])
def test_absorbing_owner_must_be_active_on_the_sale_date(saledate, absorbed, expected):
    owner = organisation(name="New Homes", available_from=date(2026, 6, 1),
                         absorbed=[organisation()] if absorbed else [])
    log = sales_log(saledate=saledate, owning_organisation=owner)
    assert fails("setup.saledate.owning_organisation_not_yet_active", log) is expected
    assert fails("setup.owning_organisation_id.inactive_on_saledate", log) is expected
    if expected:
        assert message("setup.saledate.owning_organisation_not_yet_active", log) == (
            "New Homes only became active on 1 June 2026, after this sale completion date. Check the date, or "
            "choose the organisation that owned the property on 31 May 2026.")


DSA = "setup.owning_organisation_id.data_sharing_agreement_not_signed"


@pytest.mark.parametrize("signed, loaded_owner, skip, expected", [
    (False, None, False, True),   # owner chosen on a new log, agreement not accepted
    (True, None, False, False),
    (None, None, False, False),   # not known: not checked
    (False, 1, False, False),     # owner unchanged in this save
    (False, 2, False, True),      # owner changed
    (False, None, True, False),   # a merge moving logs skips the check
])
def test_owning_organisation_must_have_accepted_the_data_sharing_agreement(signed, loaded_owner, skip, expected):
    owners = {1: organisation(), 2: organisation()}
    log = sales_log(owning_organisation=owners[1], owning_organisation_dsa_signed=signed, skip_dpo_check=skip)
    log._loaded_values = {"owning_organisation_id": owners[loaded_owner].pk} if loaded_owner else {}
    assert fails(DSA, log) is expected


def _assigned(user_org, absorbed=()):
    """A log owned by organisation 1 and reported by 2, assigned to a user of `user_org` (1, 2 or 3), which
    absorbed the organisations numbered in `absorbed`."""
    orgs = {1: organisation(), 2: organisation(), 3: organisation()}
    for n in absorbed:
        orgs[n].absorbing_organisation = orgs[user_org]
        orgs[n].save(update_fields=["absorbing_organisation"])
    return sales_log(owning_organisation=orgs[1], managing_organisation=orgs[2], assignee_organisation=orgs[user_org])


@pytest.mark.parametrize("assignee, expected", [
    ((1,), False),           # works for the owner
    ((2,), False),           # works for the organisation reporting the sale
    ((3, [2]), False),  # works for the organisation that absorbed the reporter
    ((3,), True),
])
def test_assignee_must_belong_to_the_log_organisations(assignee, expected):
    log = _assigned(*assignee)
    assert fails("setup.assigned_to_id.not_in_organisations", log) is expected
    if expected:
        assert set(errors(log)) == {"assigned_to_id", "owning_organisation_id", "managing_organisation_id"}
