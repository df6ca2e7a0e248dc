"""A provider meets the rules while entering a log: a rent above the hard maximum is not saved and says
why; a rent above the expected range is saved and asks for a confirmation, after which the log completes.

Rent range used (2026, Sheffield, general needs Social Rent owned by a private registered provider,
2 bedrooms): expected up to £122.52 a week, at most £2,000.00 a week."""

import re
from datetime import date
from unittest.mock import patch

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from domain.models import LettingsLog
from domain.services.demo import DEMO_PASSWORD
from tests.browser.log_entry import answer, answer_tab, open_tab, save_and_continue
from tests.clock import on

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SETUP = "Set up this lettings log"
INCOME = "Income, benefits and outgoings"


@pytest.fixture
def demo(transactional_db):
    call_command("load_reference_data", verbosity=0)
    call_command("seed_demo", verbosity=0)
    with on(date(2026, 10, 1)):
        yield


def test_provider_meets_hard_and_soft_rent_limits(demo, sign_in):
    page = sign_in("provider@greenfield.example.com", DEMO_PASSWORD)
    page.get_by_role("link", name=re.compile("Lettings logs$")).first.click()
    page.goto(page.url + "add/")
    answer_tab(page, SETUP, {"needstype": 1, "renewal": 0, "startdate": "01/06/2026", "rent_type": 0,
                             "tenancycode": "RENT-1", "declaration": True})
    save_and_continue(page)
    answer_tab(page, "Property information", {
        "first_time_property_let_as_social_housing": 0, "unitletas": 1, "rsnvac": 13,
        "address_line1": "1 Test Street", "town_or_city": "Sheffield", "postcode_full": "S1 2AB",
        "la": "E08000039", "unittype_gn": 1, "wchair": 2, "beds": 2, "voiddate": "01/05/2026", "majorrepairs": 0,
    })
    answer_tab(page, "Tenancy information", {"joint": 2, "startertenancy": 2, "tenancy": 2})
    answer_tab(page, "Household characteristics", {
        "hhmemb": 1, "age1_known": 0, "age1": 35, "sexrab1": "F", "gender_same_as_sex1": 1,
        "ethnic_group": 0, "ethnic": 1, "nationality_all_group": 826, "ecstat1": 1,
    })
    answer_tab(page, "Household needs", {"armedforces": 2, "preg_occ": 2, "housingneeds": 2, "illness": 2})
    answer_tab(page, "Household situation", {
        "layear": 2, "waityear": 7, "reason": 50, "prevten": 3, "homeless": 1, "ppcodenk": 1,
        "previous_la_known": 0, "reasonpref": 2, "cbl": True, "referral_register": 6, "referral_noms": 4,
    })
    charges = {"scharge": "10.00", "pscharge": "0", "supcharg": "0"}
    answer_tab(page, INCOME, {"net_income_known": 0, "incfreq": 1, "earnings": 400, "hb": 9, "benefits": 3,
                              "period": 1, "brent": "2000.01", **charges})
    page.locator("button[name=_continue]").click()
    page.wait_for_load_state("networkidle")

    # Refused: the rest of the log is saved, the rent and charges are not, and the page says why.
    refused = ("The basic rent is £2,000.01 a week, more than the most expected for this kind of property "
               "here (£2,000.00 a week).")
    expect(page.get_by_text(re.compile(r"Log \d+ was saved, but not the answers marked below"))).to_be_visible()
    log = LettingsLog.objects.get(tenancycode="RENT-1")
    assert (log.brent, log.tcharge, log.earnings, log.status) == (None, None, 400, 1)
    open_tab(page, INCOME)
    brent = page.locator("input[name=brent]")
    expect(brent).to_have_value("2000.01")
    expect(page.locator(".errorlist:visible").filter(has_text=refused).first).to_be_visible()

    # Above the expected range but allowed: saved, and the confirmation is asked with the rent named.
    answer_tab(page, INCOME, {"brent": "130.00", **charges})
    save_and_continue(page)
    unusual = ("The basic rent is £130.00 a week, higher than expected for this kind of property here "
               "(£61.09 to £122.52 a week).")
    expect(page.get_by_text(f"Please confirm: {unusual}", exact=False)).to_be_visible()
    expect(page.get_by_text("Log status: In progress")).to_be_visible()
    log.refresh_from_db()
    assert (log.brent, log.status) == (130, 1)

    open_tab(page, INCOME)  # the confirmation sits beside the rent it is about
    expect(page.get_by_text(unusual, exact=False).last).to_be_visible()
    answer(page, "rent_value_check", 0)
    save_and_continue(page)
    expect(page.get_by_text("Log status: Completed")).to_be_visible()
    log.refresh_from_db()
    assert (log.status, log.rent_value_check, log.brent) == (2, 0, 130)
