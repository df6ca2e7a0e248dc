"""Setup rules: the start date window (oldest and newest dates in and out of the crossover), the
organisations active on the start date, and the assignee."""

from datetime import date, timedelta
from unittest.mock import patch

import pytest

from domain.services.logs import log_evaluate
from tests.factories import make_organisation, make_user

from .conftest import fails, message
from tests.clock import on

pytestmark = pytest.mark.django_db
WINDOW = "setup.startdate.within_open_years"


@pytest.mark.parametrize("today, oldest, newest", [
    (date(2026, 6, 1), date(2025, 4, 1), date(2026, 6, 15)),   # crossover: last year still takes new logs
    (date(2026, 10, 1), date(2026, 4, 1), date(2026, 10, 15)),  # no crossover
    (date(2027, 3, 20), date(2026, 4, 1), date(2027, 3, 31)),   # the year's end caps today + 14 days
])
def test_new_start_date_window_has_its_oldest_and_newest_days(make_log, today, oldest, newest):
    with on(today):
        assert not fails(WINDOW, make_log(startdate=oldest))
        assert not fails(WINDOW, make_log(startdate=newest))
        assert fails(WINDOW, make_log(startdate=oldest - timedelta(days=1)))
        assert fails(WINDOW, make_log(startdate=newest + timedelta(days=1)))


def test_an_edit_reaches_back_to_last_year_until_the_edit_deadline(make_log):
    log = make_log(startdate=date(2025, 4, 1))
    with on(date(2026, 8, 1)):
        assert fails(WINDOW, log)  # a new date: last year closed for new logs on 12 July
        log._loaded_values = {"startdate": date(2025, 5, 1)}
        assert not fails(WINDOW, log)
        log.startdate = date(2025, 3, 31)
        assert fails(WINDOW, log)
    # domain.collection keeps edits open through 1 September (the spec closes them at its start).
    with on(date(2026, 9, 2)):
        log.startdate = date(2025, 4, 1)
        assert fails(WINDOW, log)


def test_start_date_message_names_the_window(make_log):
    with on(date(2026, 6, 1)):
        outcome = log_evaluate(make_log(startdate=date(2025, 3, 31), voiddate=date(2025, 3, 1)))
    assert outcome.errors["startdate"] == [
        "Enter a tenancy start date within the open collection years, between 1 April 2025 and 31 March 2027."]


def test_other_intermediate_rent_product_needs_its_name(make_log):
    assert fails("setup.irproduct_other.blank", make_log(rent_type=5, irproduct_other=" "))
    assert not fails("setup.irproduct_other.blank", make_log(rent_type=5, irproduct_other="Key worker rent"))


def test_assignee_must_belong_to_the_owner_or_manager(make_log):
    stranger = make_user(make_organisation(), role=2)
    assert fails("setup.assigned_to.not_in_organisations", make_log(assigned_to=stranger))


def test_an_assignee_of_the_organisation_that_absorbed_the_owner_belongs(make_log, owner, django_assert_num_queries):
    absorber = make_organisation(name="New Homes")
    owner.absorbing_organisation = absorber
    owner.save(update_fields=["absorbing_organisation"])
    log = make_log(assigned_to=make_user(absorber, role=2))
    assert not fails("setup.assigned_to.not_in_organisations", log)
    # A user of the owner itself belongs without the absorbed organisations being read.
    own = make_log(assigned_to=make_user(owner, role=2))
    from domain.validations.organisations import assignee_belongs

    own.assigned_to.organisation  # read with the user, as the log page does
    with django_assert_num_queries(0):
        assert assignee_belongs(own)
    assert not fails("setup.assigned_to.not_in_organisations", make_log())


def test_an_owner_that_merged_by_the_start_date_is_refused(make_log, owner):
    absorber = make_organisation(name="New Homes")
    owner.merge_date, owner.absorbing_organisation = date(2026, 6, 1), absorber
    rule = "setup.owning_organisation_id.inactive_on_startdate"
    assert fails(rule, make_log(startdate=date(2026, 6, 1)))
    assert not fails(rule, make_log(startdate=date(2026, 5, 31)))
    assert message(rule, make_log(startdate=date(2026, 6, 1))) == (
        "The owning organisation must be active on the tenancy start date. Test PRP stopped being active on "
        "1 June 2026 and became part of New Homes. Choose the organisation that was active on the tenancy "
        "start date.")
    assert fails("setup.startdate.organisations_inactive", make_log(startdate=date(2026, 6, 1)))


def test_an_absorbing_manager_is_refused_before_it_became_active(make_log, owner):
    manager = make_organisation(name="Merged Manager", available_from=date(2026, 7, 1))
    make_organisation(name="Absorbed", merge_date=date(2026, 7, 1), absorbing_organisation=manager)
    rule = "setup.managing_organisation_id.inactive_on_startdate"
    assert fails(rule, make_log(managing_organisation=manager, startdate=date(2026, 6, 30)))
    assert not fails(rule, make_log(managing_organisation=manager, startdate=date(2026, 7, 1)))
    log = make_log(managing_organisation=manager, startdate=date(2026, 6, 30))
    assert message("setup.startdate.organisations_inactive", log).startswith(
        "Merged Manager only became active on 1 July 2026.")
