"""Support soft-delete an organisation (spec §1.5) once it is deactivated or merged and has no log in a year
still open for editing; its schemes, locations and users go with it."""

from datetime import date

import pytest
from django.urls import reverse

from domain.models import Organisation
from tests.factories import make_lettings_log, make_location, make_scheme

pytestmark = pytest.mark.django_db


def url(org):
    return reverse("admin:domain_organisation_delete_organisation", args=[org.pk])


def test_an_active_organisation_is_not_deleted(client_for, support, org):
    assert client_for(support).post(url(org)).status_code == 302
    org.refresh_from_db()
    assert org.discarded_at is None


def test_logs_in_an_editable_year_keep_it(client_for, support, org):
    make_lettings_log(org, startdate=date(2026, 5, 2))
    Organisation.objects.filter(pk=org.pk).update(active=False)
    client_for(support).post(url(org))
    org.refresh_from_db()
    assert org.discarded_at is None


def test_a_deactivated_organisation_is_deleted_with_schemes_and_users(client_for, support, org, provider):
    scheme = make_scheme(org)
    location = make_location(scheme)
    Organisation.objects.filter(pk=org.pk).update(active=False)
    client = client_for(support)
    assert "Delete Greenfield Housing?" in client.get(url(org)).content.decode()
    org.refresh_from_db()
    assert org.discarded_at is None  # GET changed nothing
    assert client.post(url(org))["Location"] == reverse("admin:domain_organisation_changelist")
    for obj in (org, scheme, location, provider):
        obj.refresh_from_db()
        assert obj.discarded_at is not None
    assert client.get(reverse("admin:domain_organisation_change", args=[org.pk])).status_code == 404


def test_a_coordinator_cannot_delete(client_for, coordinator, org):
    Organisation.objects.filter(pk=org.pk).update(active=False)
    client_for(coordinator).post(url(org))
    org.refresh_from_db()
    assert org.discarded_at is None


def test_merged_organisation_with_only_old_logs_is_deleted(client_for, support, org):
    make_lettings_log(org, startdate=date(2025, 5, 2))
    Organisation.objects.filter(pk=org.pk).update(merge_date=date(2026, 4, 1))
    client_for(support).post(url(org))
    org.refresh_from_db()
    assert org.discarded_at is not None
