"""Buttons that fit the record: keeping one duplicate asks first, and a scheme, location or organisation
offers Deactivate or Reactivate, whichever applies, never both."""

import pytest
from django.urls import reverse

from domain.collection import today
from domain.models import LettingsLog
from domain.models.logs import LogStatus
from domain.services.organisations import organisation_deactivate
from domain.services.scheme_availability import resource_deactivate
from tests.admin_console.test_lettings_admin import saved_log
from tests.factories import make_location, make_scheme

pytestmark = pytest.mark.django_db


@pytest.fixture
def twins(org, coordinator):
    first = saved_log(org, coordinator, tenancycode="TWIN")
    second = saved_log(org, coordinator, tenancycode="TWIN")
    set_id = LettingsLog.objects.get(pk=first.pk).duplicate_set_id
    assert set_id is not None
    return first, second, reverse("admin:domain_lettingslog_duplicates", args=[set_id])


def test_keep_this_log_is_a_link_to_a_confirmation_that_deletes_nothing(client_for, coordinator, twins):
    first, second, url = twins
    client = client_for(coordinator)
    page = client.get(url).content.decode()
    assert f'href="{url}?keep={first.pk}"' in page and f'href="{url}?keep={second.pk}"' in page
    assert 'name="keep"' not in page  # no form that deletes in one click
    confirm = client.get(url, {"keep": first.pk}).content.decode()
    assert f"Keep log {first.pk} and delete the others?" in confirm
    assert f"Deletes log {second.pk}." in confirm
    assert f'name="keep" value="{first.pk}"' in confirm and "csrfmiddlewaretoken" in confirm
    assert LettingsLog.objects.filter(pk__in=[first.pk, second.pk], status=LogStatus.COMPLETED).count() == 2
    assert client.get(url, {"keep": "99999"}).status_code == 404


def test_the_confirmed_choice_keeps_one_and_deletes_the_other(client_for, coordinator, twins):
    first, second, url = twins
    response = client_for(coordinator).post(url, {"keep": first.pk}, follow=True)
    assert f"Kept log {first.pk} and deleted log {second.pk}." in response.content.decode()
    assert LettingsLog.objects.get(pk=second.pk).status == LogStatus.DELETED
    assert LettingsLog.objects.get(pk=first.pk).status == LogStatus.COMPLETED


def buttons(client, model, obj) -> set[str]:
    page = client.get(reverse(f"admin:domain_{model}_change", args=[obj.pk])).content.decode()
    return {verb for verb in ("Deactivate", "Reactivate") if f"{verb} {model}" in page}


def test_a_scheme_and_a_location_offer_the_button_that_applies(client_for, coordinator, org):
    scheme = make_scheme(org)
    location = make_location(scheme)
    client = client_for(coordinator)
    assert buttons(client, "scheme", scheme) == {"Deactivate"}
    assert buttons(client, "location", location) == {"Deactivate"}
    resource_deactivate(resource=location, day=today(), by=coordinator)
    resource_deactivate(resource=scheme, day=today(), by=coordinator)
    assert buttons(client, "scheme", scheme) == {"Reactivate"}
    assert buttons(client, "location", location) == {"Reactivate"}


def test_an_organisation_offers_the_button_that_applies(client_for, support, org):
    client = client_for(support)
    assert buttons(client, "organisation", org) == {"Deactivate"}
    organisation_deactivate(organisation=org, by=support)
    org.refresh_from_db()
    assert buttons(client, "organisation", org) == {"Reactivate"}
