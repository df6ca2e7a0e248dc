"""Saving schemes and locations, and deactivating them: the rules say what is wrong and nothing is saved."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from domain.models import Location, LocationDeactivationPeriod, Scheme
from domain.postcodes import normalise_postcode
from domain.selectors.schemes import (
    count_logs_affected_by_deactivation,
    logs_affected_by_deactivation,
    parse_scheme_code,
    scheme_by_code,
    search_schemes,
)
from domain.services.scheme_availability import (
    deactivation_errors,
    deactivation_impact,
    reactivation_errors,
    resource_deactivate,
    resource_reactivate,
)
from domain.services.schemes import location_save, scheme_save
from tests.factories import make_location, make_organisation, make_scheme

pytestmark = pytest.mark.django_db
TODAY = date(2026, 11, 28)


def test_postcodes_are_stored_upper_case_with_one_space():
    assert normalise_postcode(" sw1a2aa ") == "SW1A 2AA"
    assert normalise_postcode("s70  2ta") == "S70 2TA"
    assert normalise_postcode("NOT A POSTCODE") == ""


def test_scheme_codes_accept_the_s_prefix_in_either_case(org):
    scheme = make_scheme(org)
    assert parse_scheme_code(f"S{scheme.pk}") == parse_scheme_code(f"s{scheme.pk}") == scheme.pk
    assert scheme_by_code(Scheme.objects.all(), str(scheme.pk)) == scheme
    assert parse_scheme_code("X12") is None


def test_scheme_search_matches_postcode_ignoring_spaces_and_location_name(org):
    scheme, other = make_scheme(org, service_name="Riverside"), make_scheme(org, service_name="Hilltop")
    make_location(scheme, postcode="S70 2TA", name="Mill House")
    assert list(search_schemes(Scheme.objects.all(), "s702t")) == [scheme]
    assert list(search_schemes(Scheme.objects.all(), "mill")) == [scheme]
    assert list(search_schemes(Scheme.objects.all(), f"S{other.pk}")) == [other]


def test_invalid_postcode_is_refused_and_nothing_saved(coordinator, org):
    scheme = make_scheme(org)
    location = Location(scheme=scheme, postcode="NOT A CODE", units=2)
    with pytest.raises(ValidationError) as error:
        location_save(location=location, by=coordinator)
    assert error.value.message_dict["postcode"] == ["Enter a postcode in the correct format, for example SW1P 4DF."]
    assert not Location.objects.exists()


def test_location_without_units_cannot_stay_complete(support, org):
    location = make_location(make_scheme(org))
    location.units = None
    with pytest.raises(ValidationError) as error:
        location_save(location=location, by=support)
    assert "Enter the number of units at this location" in error.value.message_dict["units"][0]
    location.refresh_from_db()
    assert location.units == 5 and location.confirmed


def test_location_with_zero_units_is_refused(coordinator, org):
    with pytest.raises(ValidationError) as error:
        location_save(location=Location(scheme=make_scheme(org), units=0), by=coordinator)
    assert error.value.message_dict["units"] == ["The number of units must be 1 or more."]


def test_location_completeness_is_derived_on_save(coordinator, org):
    location = location_save(location=Location(scheme=make_scheme(org), postcode="s702ta"), by=coordinator)
    assert location.postcode == "S70 2TA" and not location.confirmed
    location.location_code, location.location_admin_district = "E08000038", "Barnsley"
    location.units, location.type_of_unit, location.mobility_type = 3, 1, "W"
    assert location_save(location=location, by=coordinator).confirmed


def test_coordinator_cannot_change_a_complete_location(coordinator, org):
    location = make_location(make_scheme(org))
    location.units = 9
    with pytest.raises(PermissionDenied):
        location_save(location=location, by=coordinator)


def test_confirmed_scheme_needs_every_answer(coordinator, org):
    scheme = Scheme(owning_organisation=org, service_name="  Half   done ", confirmed=True)
    with pytest.raises(ValidationError) as error:
        scheme_save(scheme=scheme, by=coordinator)
    assert error.value.message_dict["support_type"] == ["Select the level of support given."]
    assert not Scheme.objects.exists()


def test_scheme_owner_must_hold_stock(support):
    agent = make_organisation(name="Agent Only", holds_own_stock=False)
    with pytest.raises((ValidationError, PermissionDenied)):
        scheme_save(scheme=Scheme(owning_organisation=agent, service_name="X"), by=support)
    assert not Scheme.objects.exists()


def test_coordinator_cannot_change_support_level_of_a_confirmed_scheme(coordinator, org):
    scheme = make_scheme(org)
    scheme.support_type = 4
    with pytest.raises(PermissionDenied):
        scheme_save(scheme=scheme, by=coordinator)
    scheme.refresh_from_db()
    assert scheme.support_type == 2


def test_new_scheme_of_a_merged_owner_starts_deactivated(support, org):
    org.merge_date = date(2026, 6, 1)
    org.save()
    scheme = scheme_save(scheme=Scheme(owning_organisation=org, service_name="Late"), by=support)
    assert list(scheme.deactivation_periods.values_list("deactivation_date", "reactivation_date")) == [
        (date(2026, 6, 1), None)
    ]


@pytest.fixture
def location(org):
    scheme = make_scheme(org, startdate=date(2026, 4, 1))
    return make_location(scheme, startdate=date(2026, 6, 1))


def test_deactivation_before_the_location_started_is_refused(location, coordinator):
    errors = deactivation_errors(location, date(2026, 5, 1), on=TODAY)
    assert errors == ["The date must be on or after 1 June 2026, when S70 2TA became available."]
    with pytest.raises(ValidationError):
        resource_deactivate(resource=location, day=date(2026, 5, 1), by=coordinator, on=TODAY)
    assert not LocationDeactivationPeriod.objects.exists()


def test_deactivation_before_the_open_collection_period_is_refused(location):
    assert deactivation_errors(location, date(2026, 3, 31), on=TODAY)[0].startswith(
        "The date must be on or after 1 April 2026, the start of the open collection period."
    )


def test_deactivation_inside_an_existing_period_is_refused(location, coordinator):
    LocationDeactivationPeriod.objects.create(
        location=location, deactivation_date=date(2026, 7, 1), reactivation_date=date(2026, 8, 1)
    )
    errors = deactivation_errors(location, date(2026, 7, 31), on=TODAY)
    assert errors == [
        "S70 2TA is already deactivated from 1 July 2026 to 31 July 2026. Choose a date outside that period."
    ]
    with pytest.raises(ValidationError):
        resource_deactivate(resource=location, day=date(2026, 7, 31), by=coordinator, on=TODAY)
    assert LocationDeactivationPeriod.objects.count() == 1
    assert deactivation_errors(location, date(2026, 8, 1), on=TODAY) == []


def test_reactivation_before_the_deactivation_is_refused(location, coordinator):
    LocationDeactivationPeriod.objects.create(location=location, deactivation_date=date(2026, 12, 1))
    assert reactivation_errors(location, date(2026, 11, 30)) == [
        "The reactivation date must be on or after the deactivation date, 1 December 2026. Enter a later date."
    ]
    with pytest.raises(ValidationError):
        resource_reactivate(resource=location, day=date(2026, 11, 30), by=coordinator)
    assert LocationDeactivationPeriod.objects.get().reactivation_date is None


def test_deactivate_then_reactivate(location, coordinator):
    resource_deactivate(resource=location, day=date(2026, 12, 10), by=coordinator, on=TODAY)
    location = Location.objects.get(pk=location.pk)
    assert location.status_at(TODAY) == "deactivating_soon"
    resource_reactivate(resource=location, day=date(2027, 1, 10), by=coordinator)
    location = Location.objects.get(pk=location.pk)
    assert location.status_at(date(2026, 12, 20)) == "reactivating_soon"


def test_provider_cannot_deactivate(location, provider):
    with pytest.raises(PermissionDenied):
        resource_deactivate(resource=location, day=date(2026, 12, 10), by=provider, on=TODAY)


def test_scheme_deactivation_counts_its_live_locations_and_no_logs_yet(org):
    scheme = make_scheme(org, startdate=date(2026, 4, 1))
    make_location(scheme, postcode="S70 1AA")
    make_location(scheme, postcode="S70 1AB")
    make_location(scheme, postcode="S70 1AC", units=None)  # incomplete: not counted
    impact = deactivation_impact(scheme, date(2026, 12, 1))
    assert sorted(loc.postcode for loc in impact.locations) == ["S70 1AA", "S70 1AB"]
    assert impact.logs == 0
    assert impact.summary == "This change will affect 0 logs and 2 locations."
    assert list(logs_affected_by_deactivation(scheme, date(2026, 12, 1))) == []
    assert count_logs_affected_by_deactivation(scheme, date(2026, 12, 1)) == 0
