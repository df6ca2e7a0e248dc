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
from tests.browser.log_entry import (answer, answer_tab, fill_complete_general_needs_letting, open_tab, save,
                                     save_and_continue)
from tests.clock import on

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

INCOME = "Income, benefits and outgoings"


@pytest.fixture
def demo(transactional_db):
    call_command("load_reference_data", verbosity=0)
    call_command("seed_demo", verbosity=0)
    with on(date(2026, 10, 1)):
        yield


def test_provider_meets_hard_and_soft_rent_limits(demo, sign_in):
    page = sign_in("provider@greenfield.example.com", DEMO_PASSWORD)
    fill_complete_general_needs_letting(page, "RENT-1", brent="2000.01")  # above the hard maximum
    save(page)  # not save_and_continue: the rent is refused

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
    charges = {"scharge": "10.00", "pscharge": "0", "supcharg": "0"}  # typed again, as the helper typed them
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
