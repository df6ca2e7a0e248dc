"""Scheme and location rules: complete, and active on the tenancy start date."""

from datetime import date

import pytest

from domain.models import LocationDeactivationPeriod, SchemeDeactivationPeriod
from tests.factories import make_location, make_scheme

from .conftest import fails, message

pytestmark = pytest.mark.django_db


@pytest.fixture
def supported(make_log, owner):
    scheme = make_scheme(owner, startdate=date(2025, 4, 1))
    location = make_location(scheme, startdate=date(2025, 4, 1))

    def make(**overrides):
        return make_log(needstype=2, scheme=scheme, location=location, la="", postcode_full="", **overrides)

    return make, scheme, location


def test_scheme_deactivated_from_the_start_date_is_refused(supported):
    make, scheme, _ = supported
    SchemeDeactivationPeriod.objects.create(scheme=scheme, deactivation_date=date(2026, 6, 1))
    rule = "scheme.startdate.scheme_inactive"
    assert fails(rule, make(startdate=date(2026, 6, 1)))
    assert not fails(rule, make(startdate=date(2026, 5, 31)))
    assert message(rule, make(startdate=date(2026, 6, 1))) == (
        "The scheme was deactivated on 1 June 2026, so it cannot be used for a tenancy starting on 1 June 2026. "
        "Check the tenancy start date, or choose another scheme.")
    assert fails("scheme.startdate.no_active_locations", make(startdate=date(2026, 6, 1)))


def test_scheme_reactivating_names_the_day_it_is_back(supported):
    make, scheme, _ = supported
    SchemeDeactivationPeriod.objects.create(scheme=scheme, deactivation_date=date(2026, 5, 1),
                                            reactivation_date=date(2026, 7, 1))
    rule = "scheme.startdate.scheme_inactive"
    assert fails(rule, make(startdate=date(2026, 6, 30)))
    assert not fails(rule, make(startdate=date(2026, 7, 1)))
    assert "is not available until 1 July 2026" in message(rule, make(startdate=date(2026, 6, 30)))


def test_location_not_yet_open_is_refused(supported):
    make, _, location = supported
    location.startdate = date(2026, 6, 1)
    location.save()
    rule = "scheme.startdate.location_inactive"
    assert fails(rule, make(startdate=date(2026, 5, 31)))
    assert not fails(rule, make(startdate=date(2026, 6, 1)))
    assert message(rule, make(startdate=date(2026, 5, 31))) == (
        "The location S70 2TA is not available until 1 June 2026, so it cannot be used for a tenancy starting "
        "on 31 May 2026. Check the tenancy start date, or choose another location.")


def test_location_deactivated_is_refused(supported):
    make, _, location = supported
    LocationDeactivationPeriod.objects.create(location=location, deactivation_date=date(2026, 6, 1))
    assert fails("scheme.startdate.location_inactive", make(startdate=date(2026, 6, 1)))
    assert not fails("scheme.startdate.location_inactive", make(startdate=date(2026, 5, 31)))


def test_incomplete_scheme_and_location_are_refused(make_log, owner):
    scheme = make_scheme(owner)
    location = make_location(scheme, units=None)
    location.confirmed = False
    location.save()
    log = make_log(needstype=2, scheme=scheme, location=location)
    assert fails("scheme.scheme_id.incomplete", log)
    assert fails("scheme.scheme_id.no_complete_locations", log)
    assert fails("scheme.location_id.incomplete", log)
    location.units, location.confirmed = 5, True
    location.save()
    assert not fails("scheme.scheme_id.incomplete", log)
    assert not fails("scheme.scheme_id.no_complete_locations", log)
    assert not fails("scheme.location_id.incomplete", log)
