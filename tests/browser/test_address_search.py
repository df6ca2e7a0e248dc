"""A provider finds the property's address by its postcode: choosing it fills the address and the UPRN,
and the local authority question disappears with the postcode's authority set (local fake OS Places
and postcodes.io)."""

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from domain.models import LettingsLog
from domain.services.demo import DEMO_PASSWORD
from tests.browser.log_entry import answer, open_tab, save_and_continue, start_general_needs_letting
from tests.fake_lookups import dpa, fake_lookups  # noqa: F401  (fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo(transactional_db):
    call_command("load_reference_data", verbosity=0)
    call_command("seed_demo", verbosity=0)


@pytest.fixture
def services(fake_lookups):
    fake_lookups.add_postcode("S1 2AB", "E08000039", "Sheffield")
    fake_lookups.add_address(dpa("200001234567", "7", "Fargate", "Sheffield", "S1 2AB"))
    fake_lookups.add_address(dpa("200001234568", "9", "Fargate", "Sheffield", "S1 2AB"))
    return fake_lookups


def test_provider_picks_an_address_and_the_local_authority_question_goes(demo, services, sign_in):
    page = sign_in("provider@greenfield.example.com", DEMO_PASSWORD)
    start_general_needs_letting(page, "GN-ADDR")
    save_and_continue(page)

    open_tab(page, "Property information")
    la = page.locator("select[name=la]")
    expect(la).to_be_visible()
    page.fill("#core-address-query", "s1 2ab")
    page.click("#core-address-find")
    options = page.locator("#core-address-results button")
    expect(options).to_have_count(2)
    options.filter(has_text="9, FARGATE").click()

    expect(page.locator("input[name=uprn]")).to_have_value("200001234568")
    expect(page.locator("input[name=address_line1]")).to_have_value("9 Fargate")
    expect(page.locator("input[name=town_or_city]")).to_have_value("Sheffield")
    expect(page.locator("input[name=postcode_full]")).to_have_value("S1 2AB")
    expect(la).to_be_hidden()
    expect(la).to_have_value("E08000039")
    expect(page.locator("#core-la-note")).to_have_text("Local authority: Sheffield (worked out from the postcode)")

    answer(page, "first_time_property_let_as_social_housing", 0)
    save_and_continue(page)
    log = LettingsLog.objects.get(tenancycode="GN-ADDR")
    assert (log.uprn, log.address_line1, log.postcode_full, log.la, log.is_la_inferred, log.uprn_confirmed) == (
        "200001234568", "9 Fargate", "S1 2AB", "E08000039", True, 1)
    open_tab(page, "Property information")
    expect(page.locator("select[name=la]")).to_be_hidden()  # the server's answer after the save, too


def test_with_address_search_down_the_provider_types_the_address_and_chooses_the_authority(demo, services,
                                                                                             sign_in):
    services.failing = "500"
    page = sign_in("provider@greenfield.example.com", DEMO_PASSWORD)
    start_general_needs_letting(page, "GN-DOWN")
    save_and_continue(page)
    open_tab(page, "Property information")
    page.fill("#core-address-query", "S1 2AB")
    page.click("#core-address-find")
    expect(page.locator("#core-address-message")).to_have_text(
        "Address search is not answering just now. Enter the address below.")

    answer(page, "address_line1", "1 Test Street")
    answer(page, "town_or_city", "Sheffield")
    answer(page, "postcode_full", "S1 2AB")
    page.locator("input[name=postcode_full]").blur()
    expect(page.locator("select[name=la]")).to_be_visible()
    answer(page, "la", "E08000039")
    save_and_continue(page)

    log = LettingsLog.objects.get(tenancycode="GN-DOWN")
    assert (log.address_line1, log.la, log.is_la_inferred) == ("1 Test Street", "E08000039", False)
