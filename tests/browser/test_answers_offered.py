"""A question several pages ask offers only the answers of the page that applies: the ethnic
backgrounds of the chosen ethnic group, the sale types of the chosen ownership scheme."""

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from domain.services.demo import DEMO_PASSWORD
from tests.browser.log_entry import answer, open_tab, save
from tests.browser.test_sales_log_entry import start_sale

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo(transactional_db):
    call_command("load_reference_data", verbosity=0)
    call_command("seed_demo", verbosity=0)


def option(page, name, value):
    return page.locator(f"label:has(input[type=radio][name='{name}'][value='{value}'])")


def test_sale_types_follow_the_ownership_scheme(demo, sign_in):
    page = sign_in("provider@greenfield.example.com", DEMO_PASSWORD)
    page.goto("/domain/saleslog/add/")
    open_tab(page, "Set up this sales log")
    answer(page, "ownershipsch", 1)
    expect(option(page, "type", 2)).to_be_visible()  # shared ownership: the initial purchase
    expect(option(page, "type", 8)).to_be_hidden()  # right to acquire, a discounted ownership type
    expect(page.get_by_text("What is the type of shared ownership sale?")).to_be_visible()
    expect(page.get_by_text("What is the type of discounted ownership sale?")).to_be_hidden()
    answer(page, "ownershipsch", 2)
    expect(option(page, "type", 8)).to_be_visible()
    expect(option(page, "type", 2)).to_be_hidden()
    expect(page.get_by_text("What is the type of discounted ownership sale?")).to_be_visible()


def test_saving_stays_on_the_open_tab(demo, sign_in):
    page = sign_in("provider@greenfield.example.com", DEMO_PASSWORD)
    start_sale(page, {"purchid": "TAB-1", "ownershipsch": 1, "type": 30, "staircase": 2})
    open_tab(page, "Property information")
    answer(page, "address_line1", "2 Sale Street")
    save(page)
    expect(page.locator("input[name=address_line1]")).to_be_visible()
    expect(page.locator("input[name=address_line1]")).to_have_value("2 Sale Street")
