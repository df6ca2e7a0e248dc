"""A location's local authority from its postcode (schemes-and-locations §2.2), against a local fake
postcodes.io."""

import pytest
from django.core.exceptions import ValidationError

from domain.models import Location
from domain.services.schemes import location_save
from tests.factories import make_local_authority, make_location, make_scheme

pytestmark = pytest.mark.django_db


@pytest.fixture
def services(fake_lookups):
    make_local_authority(code="E08000038", name="Barnsley", start_date="2025-04-01")
    make_local_authority(code="E08000035", name="Leeds", start_date="2000-04-01")
    fake_lookups.add_postcode("S70 2TA", "E08000038", "Barnsley")
    fake_lookups.add_postcode("LS1 1UR", "E08000035", "Leeds")
    return fake_lookups


def new_location(org, **fields):
    return Location(scheme=make_scheme(org), units=4, type_of_unit=1, mobility_type="N", **fields)


def test_a_new_locations_postcode_sets_its_local_authority(services, coordinator, org):
    location = location_save(location=new_location(org, postcode="s70 2ta"), by=coordinator)
    location.refresh_from_db()

    assert (location.postcode, location.location_code, location.location_admin_district) == (
        "S70 2TA", "E08000038", "Barnsley")
    assert location.is_la_inferred and location.confirmed


def test_a_changed_postcode_changes_an_inferred_local_authority(services, support, org):
    location = location_save(location=new_location(org, postcode="S70 2TA"), by=support)
    location.postcode = "LS1 1UR"

    location_save(location=location, by=support)
    location.refresh_from_db()

    assert (location.location_code, location.is_la_inferred) == ("E08000035", True)


def test_an_unknown_postcode_takes_back_an_inferred_local_authority_so_it_must_be_chosen(services, support, org):
    location = location_save(location=new_location(org, postcode="S70 2TA"), by=support)
    location = Location.objects.get(pk=location.pk)
    location.postcode = "ZZ9 9ZZ"

    with pytest.raises(ValidationError) as error:
        location_save(location=location, by=support)

    assert (location.location_code, location.is_la_inferred) == ("", False)
    assert error.value.message_dict["local_authority"][0].startswith("Select the local authority of this location.")
    location.refresh_from_db()
    assert (location.postcode, location.location_code) == ("S70 2TA", "E08000038")


def test_an_unchanged_postcode_keeps_its_inferred_local_authority_without_asking_again(services, support, org):
    location = location_save(location=new_location(org, postcode="S70 2TA"), by=support)
    location = Location.objects.get(pk=location.pk)
    location.is_la_inferred = False  # as the form leaves it after showing the authority
    location.name = "Renamed"

    location_save(location=location, by=support)
    location.refresh_from_db()

    assert location.is_la_inferred
    assert len(services.calls("/postcodes/")) == 1


def test_an_outage_keeps_the_chosen_local_authority(services, coordinator, org):
    services.failing = "500"
    location = new_location(org, postcode="S70 2TA", location_code="E08000038", location_admin_district="Barnsley")

    location_save(location=location, by=coordinator)
    location.refresh_from_db()

    assert (location.location_code, location.is_la_inferred, location.confirmed) == ("E08000038", False, True)
    assert location.lookup_note.startswith("The local authority could not be worked out")


def test_existing_locations_are_untouched_with_the_lookup_off(settings, services, support, org):
    settings.POSTCODE_LOOKUP_URL = ""
    location = make_location(make_scheme(org), postcode="S70 2TA", location_code="E08000035")
    location.postcode = "LS1 1UR"

    location_save(location=location, by=support)

    assert (location.location_code, location.is_la_inferred) == ("E08000035", False)
    assert services.calls() == []
