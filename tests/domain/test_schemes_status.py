"""Scheme and location statuses (schemes spec §3) at the boundary dates, with explicit dates."""

from datetime import date

import pytest

from domain.models import LocationDeactivationPeriod, SchemeDeactivationPeriod
from domain.schemes_status import ResourceStatus as S
from domain.schemes_status import availability_text, displayed_status, location_status_at, scheme_status_at
from tests.factories import make_location, make_scheme

pytestmark = pytest.mark.django_db

DEACTIVATION = date(2026, 6, 1)
REACTIVATION = date(2026, 9, 1)


@pytest.fixture
def scheme(org):
    scheme = make_scheme(org, startdate=date(2026, 4, 1))
    make_location(scheme, startdate=date(2026, 4, 1))
    return scheme


@pytest.fixture
def location(scheme):
    return scheme.locations.get()


def test_complete_scheme_with_a_complete_location_is_active(scheme):
    assert scheme_status_at(scheme, date(2026, 5, 1)) == S.ACTIVE


def test_scheme_without_a_complete_location_is_incomplete(org):
    scheme = make_scheme(org)
    make_location(scheme, units=None)
    assert scheme_status_at(scheme, date(2026, 5, 1)) == S.INCOMPLETE


def test_unconfirmed_scheme_is_incomplete(org):
    scheme = make_scheme(org, confirmed=False)
    make_location(scheme)
    assert scheme_status_at(scheme, date(2026, 5, 1)) == S.INCOMPLETE


def test_scheme_open_deactivation_boundaries(scheme):
    SchemeDeactivationPeriod.objects.create(scheme=scheme, deactivation_date=DEACTIVATION)
    assert scheme_status_at(scheme, date(2026, 5, 31)) == S.DEACTIVATING_SOON
    assert scheme_status_at(scheme, DEACTIVATION) == S.DEACTIVATED


def test_scheme_closed_period_boundaries(scheme):
    SchemeDeactivationPeriod.objects.create(scheme=scheme, deactivation_date=DEACTIVATION, reactivation_date=REACTIVATION)
    assert scheme_status_at(scheme, date(2026, 5, 31)) == S.ACTIVE
    assert scheme_status_at(scheme, DEACTIVATION) == S.REACTIVATING_SOON
    assert scheme_status_at(scheme, date(2026, 8, 31)) == S.REACTIVATING_SOON
    assert scheme_status_at(scheme, REACTIVATION) == S.ACTIVE


def test_scheme_with_future_start_is_activating_soon(scheme):
    assert scheme_status_at(scheme, date(2026, 3, 31)) == S.ACTIVATING_SOON
    assert scheme_status_at(scheme, date(2026, 4, 1)) == S.ACTIVE


def test_scheme_of_a_merged_owner_is_deactivated_after_the_merge_date(scheme, org):
    org.merge_date = date(2026, 7, 1)
    org.save()
    assert scheme_status_at(scheme, date(2026, 7, 1)) == S.ACTIVE
    assert scheme_status_at(scheme, date(2026, 7, 2)) == S.DEACTIVATED


def test_scheme_of_a_deactivated_owner_is_deactivated(scheme, org):
    org.active = False
    org.save()
    assert scheme_status_at(scheme, date(2026, 5, 1)) == S.DEACTIVATED


def test_discarded_scheme_is_deleted(scheme):
    scheme.discarded_at = "2026-05-01T00:00Z"
    assert scheme_status_at(scheme, date(2026, 5, 1)) == S.DELETED


def test_location_missing_an_answer_is_incomplete(scheme):
    location = make_location(scheme, mobility_type="")
    assert not location.confirmed
    assert location_status_at(location, date(2026, 5, 1)) == S.INCOMPLETE


def test_location_open_deactivation_boundaries(location):
    LocationDeactivationPeriod.objects.create(location=location, deactivation_date=DEACTIVATION)
    assert location_status_at(location, date(2026, 5, 31)) == S.DEACTIVATING_SOON
    assert location_status_at(location, DEACTIVATION) == S.DEACTIVATED


def test_location_closed_period_boundaries(location):
    LocationDeactivationPeriod.objects.create(
        location=location, deactivation_date=DEACTIVATION, reactivation_date=REACTIVATION
    )
    assert location_status_at(location, date(2026, 5, 31)) == S.ACTIVE
    assert location_status_at(location, DEACTIVATION) == S.REACTIVATING_SOON
    assert location_status_at(location, REACTIVATION) == S.ACTIVE


def test_location_follows_its_scheme_deactivation(location, scheme):
    SchemeDeactivationPeriod.objects.create(scheme=scheme, deactivation_date=DEACTIVATION)
    assert location_status_at(location, date(2026, 5, 31)) == S.DEACTIVATING_SOON
    assert location_status_at(location, DEACTIVATION) == S.DEACTIVATED


def test_location_activating_soon_comes_before_reactivating_soon(location, scheme):
    location.startdate = date(2026, 10, 1)
    location.save()
    SchemeDeactivationPeriod.objects.create(scheme=scheme, deactivation_date=DEACTIVATION, reactivation_date=REACTIVATION)
    assert location_status_at(location, date(2026, 7, 1)) == S.ACTIVATING_SOON
    assert location_status_at(location, date(2026, 10, 1)) == S.ACTIVE


def test_deactivation_more_than_six_months_away_is_shown_as_active(location):
    LocationDeactivationPeriod.objects.create(location=location, deactivation_date=date(2026, 12, 2))
    assert displayed_status(location, date(2026, 6, 1)) == S.ACTIVE
    assert displayed_status(location, date(2026, 6, 2)) == S.DEACTIVATING_SOON


def test_availability_lists_each_period(org):
    scheme = make_scheme(org, startdate=date(2020, 4, 1))
    SchemeDeactivationPeriod.objects.create(scheme=scheme, deactivation_date=date(2022, 4, 1), reactivation_date=date(2023, 4, 1))
    # nested inside the first period, and empty: both left out
    SchemeDeactivationPeriod.objects.create(scheme=scheme, deactivation_date=date(2022, 6, 1), reactivation_date=date(2022, 7, 1))
    SchemeDeactivationPeriod.objects.create(scheme=scheme, deactivation_date=date(2024, 1, 1), reactivation_date=date(2024, 1, 1))
    assert availability_text(scheme) == (
        "Active from 1 April 2020 to 31 March 2022, Deactivated on 1 April 2022, Active from 1 April 2023"
    )


def test_availability_of_an_open_deactivation_ends_with_it(location):
    LocationDeactivationPeriod.objects.create(location=location, deactivation_date=date(2026, 12, 26))
    assert availability_text(location) == "Active from 1 April 2026 to 25 December 2026, Deactivated on 26 December 2026"
