"""A data provider completes lettings logs in the admin, subsection by subsection."""

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from domain.models import LettingsLog
from domain.services.demo import DEMO_PASSWORD
from tests.browser.log_entry import (LETTINGS_SETUP, answer, answer_general_needs_letting, answer_tab, open_tab,
                                     save_and_continue, select_containing, start_general_needs_letting)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo(transactional_db):
    call_command("load_reference_data", verbosity=0)
    call_command("seed_demo", verbosity=0)


def test_provider_completes_a_general_needs_log(demo, sign_in):
    page = sign_in("provider@greenfield.example.com", DEMO_PASSWORD)
    start_general_needs_letting(page, "GN-001")
    # Choosing "Other intermediate rent product" reveals its name question at once, without saving.
    answer(page, "rent_type", 5)
    expect(page.locator("input[name=irproduct_other]")).to_be_visible()
    answer(page, "rent_type", 0)
    expect(page.locator("input[name=irproduct_other]")).to_be_hidden()
    save_and_continue(page)
    expect(page.get_by_text("Set up this lettings log: Completed")).to_be_visible()

    answer_general_needs_letting(page, postcode="s1 2ab")  # typed in small letters; saved in capitals
    # One person: nobody else's questions are asked.
    open_tab(page, "Household characteristics")
    expect(page.locator("input[name=details_known_2]").first).to_be_hidden()
    save_and_continue(page)

    for label in ("Property information", "Tenancy information", "Household characteristics", "Household needs",
                  "Household situation", "Income, benefits and outgoings"):
        expect(page.get_by_text(f"{label}: Completed")).to_be_visible()
    expect(page.get_by_text("Log status: Completed")).to_be_visible()
    log = LettingsLog.objects.get(tenancycode="GN-001")
    assert (log.status, log.postcode_full, log.tcharge, log.wrent) == (2, "S1 2AB", 110, 100)
    assert log.assigned_to.email == "provider@greenfield.example.com"

    page.get_by_role("link", name="Check answers").first.click()
    expect(page.get_by_test_id("log-status")).to_have_text("Completed")
    expect(page.get_by_test_id("subsection-property_information")).to_contain_text("S1 2AB")


def test_provider_completes_a_supported_housing_log_whose_scheme_answers_the_property(demo, sign_in):
    page = sign_in("provider@greenfield.example.com", DEMO_PASSWORD)
    page.goto("/domain/lettingslog/add/")
    answer_tab(page, LETTINGS_SETUP, {"needstype": 2})
    expect(page.locator("select[name=scheme]")).to_be_visible()
    select_containing(page, "scheme", "Greenfield Young People's Foyer")
    answer_tab(page, LETTINGS_SETUP, {"renewal": 0, "startdate": "01/06/2026", "rent_type": 0,
                                      "tenancycode": "SH-001", "declaration": True})
    save_and_continue(page)
    # The scheme has two locations, so the location is asked now.
    select_containing(page, "location", "LS1 4AP")
    save_and_continue(page)
    expect(page.get_by_text("Set up this lettings log: Completed")).to_be_visible()

    open_tab(page, "Property information")
    # The location answers the type of unit, wheelchair access, bedrooms and local authority.
    for name in ("unittype_gn", "wchair", "beds"):
        expect(page.locator(f"input[name={name}]").first).to_be_hidden()
    expect(page.locator("select[name=la]")).to_be_hidden()
    answer_tab(page, "Property information", {
        "first_time_property_let_as_social_housing": 0, "unitletas": 1, "rsnvac": 13,
        "address_line1": "Foyer Central", "town_or_city": "Leeds", "postcode_full": "LS1 4AP",
        "voiddate": "01/05/2026", "majorrepairs": 0, "sheltered": 3,
    })
    answer_tab(page, "Tenancy information", {"joint": 2, "startertenancy": 2, "tenancy": 5})
    answer_tab(page, "Household characteristics", {
        "hhmemb": 1, "age1_known": 0, "age1": 19, "sexrab1": "M", "gender_same_as_sex1": 1,
        "ethnic_group": 17, "nationality_all_group": 826, "ecstat1": 7,
    })
    answer_tab(page, "Household needs", {"armedforces": 2, "preg_occ": 2, "housingneeds": 2, "illness": 2})
    answer_tab(page, "Household situation", {
        "layear": 2, "waityear": 13, "reason": 55, "prevten": 13, "homeless": 1, "ppcodenk": 1,
        "previous_la_known": 0, "reasonpref": 2, "letting_allocation_unknown": True, "referral_register": 8,
    })
    answer_tab(page, "Income, benefits and outgoings", {
        "net_income_known": 2, "hb": 6, "benefits": 1, "household_charge": 0, "period": 1,
        "brent": "120.00", "scharge": "30.00", "pscharge": "5.00", "supcharg": "20.00", "hbrentshortfall": 2,
    })
    save_and_continue(page)
    expect(page.get_by_text("Log status: Completed")).to_be_visible()
    log = LettingsLog.objects.get(tenancycode="SH-001")
    assert (log.status, log.location.postcode, log.wchair, log.lettype, log.effective_la) == (2, "LS1 4AP", 2, 2, "E08000035")
    assert log.scheme.service_name == "Greenfield Young People's Foyer"
