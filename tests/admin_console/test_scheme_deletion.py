"""Customer support deletes a scheme or location that no open year's log uses; nobody else can."""

from datetime import date
from unittest.mock import patch

import pytest
from django.urls import reverse

from domain.models import LettingsLog, Location, LocationDeactivationPeriod, Scheme
from tests.factories import make_location, make_scheme
from tests.clock import on

pytestmark = pytest.mark.django_db
TODAY = date(2026, 11, 28)


@pytest.fixture
def scheme(org):
    scheme = make_scheme(org, startdate=date(2026, 4, 1))
    make_location(scheme, postcode="S70 2TA")
    return scheme


def deactivate(location):
    LocationDeactivationPeriod.objects.create(location=location, deactivation_date=date(2026, 5, 1))


def test_support_deletes_an_unused_deactivated_location(client_for, support, scheme):
    location = scheme.locations.get()
    deactivate(location)
    with on(TODAY):
        url = reverse("admin:domain_location_soft_delete", args=[location.pk])
        assert "will no longer be listed" in client_for(support).get(url).content.decode()
        client_for(support).post(url)
    location.refresh_from_db()
    assert location.discarded_at is not None
    assert location.history.latest().history_user == support
    assert not Location.objects.filter(pk=location.pk, discarded_at__isnull=True).exists()


def test_an_active_scheme_or_one_used_by_an_open_years_log_is_kept(client_for, support, scheme, org):
    location = scheme.locations.get()
    with on(TODAY):
        response = client_for(support).post(reverse("admin:domain_scheme_soft_delete", args=[scheme.pk]), follow=True)
        assert "Only an incomplete or deactivated scheme" in response.content.decode()
        deactivate(location)
        LettingsLog.objects.create(owning_organisation=org, scheme=scheme, location=location,
                                   startdate=date(2026, 6, 1))
        response = client_for(support).post(reverse("admin:domain_location_soft_delete", args=[location.pk]),
                                            follow=True)
        assert "used by 1 log(s) in an open or editable collection year" in response.content.decode()
    location.refresh_from_db()
    assert location.discarded_at is None


def test_deleting_a_scheme_deletes_its_locations(client_for, support, scheme):
    scheme.confirmed = False
    scheme.save()
    with on(TODAY):
        client_for(support).post(reverse("admin:domain_scheme_soft_delete", args=[scheme.pk]))
    assert Scheme.objects.get(pk=scheme.pk).discarded_at is not None
    assert not scheme.locations.filter(discarded_at__isnull=True).exists()


def test_coordinators_cannot_delete_schemes(client_for, coordinator, scheme):
    scheme.confirmed = False
    scheme.save()
    response = client_for(coordinator).post(reverse("admin:domain_scheme_soft_delete", args=[scheme.pk]))
    assert response.status_code == 403
    assert Scheme.objects.get(pk=scheme.pk).discarded_at is None
