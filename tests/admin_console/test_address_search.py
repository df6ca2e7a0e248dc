"""The address search and postcode views behind the log forms: for those who may enter logs only, and a
plain message instead of results when a service is off or failing (local fake services)."""

import pytest
from django.urls import reverse

from tests.factories import make_local_authority
from tests.fake_lookups import dpa, fake_lookups  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db
SEARCH, POSTCODE = "admin_console:address_search", "admin_console:postcode_area"


@pytest.fixture
def services(fake_lookups):
    make_local_authority(code="E08000039", name="Sheffield", start_date="2025-04-01")
    fake_lookups.add_postcode("S1 2AB", "E08000039", "Sheffield")
    fake_lookups.add_address(dpa("200001234567", "7", "Fargate", "Sheffield", "S1 2AB"))
    return fake_lookups


def test_a_provider_finds_the_addresses_of_a_postcode(services, client_for, provider):
    answer = client_for(provider).get(reverse(SEARCH), {"q": "s1 2ab"}).json()

    assert answer == {"message": "", "results": [{
        "uprn": "200001234567", "text": "7, FARGATE, SHEFFIELD, S1 2AB", "address_line1": "7 Fargate",
        "address_line2": "", "town_or_city": "Sheffield", "postcode": "S1 2AB"}]}


def test_a_postcode_gives_its_local_authority(services, client_for, provider):
    answer = client_for(provider).get(reverse(POSTCODE), {"postcode": "S12AB"}).json()

    assert answer == {"la": "E08000039", "la_name": "Sheffield", "message": ""}


def test_a_statistician_cannot_use_the_search(services, client_for, statistician):
    client = client_for(statistician)

    assert client.get(reverse(SEARCH), {"q": "S1 2AB"}).status_code == 404
    assert client.get(reverse(POSTCODE), {"postcode": "S1 2AB"}).status_code == 404
    assert services.calls() == []


def test_someone_signed_out_is_sent_to_sign_in(services, client):
    response = client.get(reverse(SEARCH), {"q": "S1 2AB"})

    assert response.status_code == 302 and "login" in response["Location"]


def test_the_search_is_a_get_only(services, client_for, provider):
    assert client_for(provider).post(reverse(SEARCH), {"q": "S1 2AB"}).status_code == 405


def test_a_failing_service_gives_a_message_not_an_error(services, client_for, provider):
    services.failing = "500"
    client = client_for(provider)

    assert client.get(reverse(SEARCH), {"q": "S1 2AB"}).json() == {
        "results": [], "message": "Address search is not answering just now. Enter the address below."}
    assert client.get(reverse(POSTCODE), {"postcode": "S1 2AB"}).json()["message"] == (
        "The local authority could not be worked out from the postcode. Choose it from the list.")


def test_without_a_key_the_search_says_it_is_off(settings, services, client_for, provider):
    settings.OS_PLACES_API_KEY = ""

    answer = client_for(provider).get(reverse(SEARCH), {"q": "S1 2AB"}).json()

    assert answer == {"results": [], "message": "Address search is not available. Enter the address below."}


def test_the_log_form_carries_the_search_and_its_script(services, client_for, provider):
    page = client_for(provider).get(reverse("admin:domain_lettingslog_add")).content.decode()

    assert f'data-address-search="{reverse(SEARCH)}"' in page
    assert f'data-postcode-area="{reverse(POSTCODE)}"' in page
    assert "admin_console/address_search.js" in page
