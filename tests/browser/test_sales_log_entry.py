"""A data provider completes sales logs in the admin: a shared ownership initial purchase and a
discounted ownership sale, each subsection shown only for its type of sale."""

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from domain.models import SalesLog
from domain.services.demo import DEMO_PASSWORD
from tests.browser.log_entry import answer_tab, open_tab, save_and_continue

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SETUP = "Set up this sales log"
BUYER = {
    "Property information": {"address_line1": "2 Sale Street", "town_or_city": "Sheffield", "postcode_full": "S1 4AB",
                             "la": "E08000039", "proptype": 1, "buildheightclass": 1, "beds": 2, "builtype": 1,
                             "wchair": 2},
    "Household characteristics": {"age1_known": 0, "age1": 34, "sexrab1": "F", "gender_same_as_sex1": 1,
                                  "ethnic_group": 0, "ethnic": 1, "nationality_all_group": 826, "ecstat1": 1,
                                  "buy1livein": 1, "hholdcount": 1},
    "Other household information": {"hhregres": 7, "armedforcesspouse": 7, "disabled": 2, "wheel": 2},
    "Income, benefits and savings": {"income1nk": 0, "income1": 32000, "inc1mort": 1, "hb": 2, "savingsnk": 0,
                                     "savings": 12000, "prevown": 2},
}


@pytest.fixture
def demo(transactional_db):
    call_command("load_reference_data", verbosity=0)
    call_command("seed_demo", verbosity=0)


def start_sale(page, setup: dict):
    page.goto("/domain/saleslog/add/")
    answer_tab(page, SETUP, {"saledate": "01/06/2026", **setup, "jointpur": 2, "noint": 2, "privacynotice": True})
    save_and_continue(page)
    expect(page.get_by_text(f"{SETUP}: Completed")).to_be_visible()


def answer_buyer(page, prevten: int, last_postcode_asked: bool):
    for tab, answers in BUYER.items():
        answer_tab(page, tab, answers)
    situation = {"prevten": prevten}
    if last_postcode_asked:  # not asked for discounted ownership
        situation.update({"ppcodenk": 1, "previous_la_known": 0})
    answer_tab(page, "Household situation", situation)


def test_provider_completes_a_shared_ownership_initial_purchase(demo, sign_in):
    page = sign_in("provider@greenfield.example.com", DEMO_PASSWORD)
    start_sale(page, {"purchid": "SO-BROWSER", "ownershipsch": 1, "type": 30, "staircase": 2})
    # not this type of sale: its tab is not offered
    expect(page.locator("form nav a").filter(has_text="Discounted ownership scheme")).to_be_hidden()
    answer_buyer(page, prevten=3, last_postcode_asked=True)
    answer_tab(page, "Shared ownership - initial purchase", {
        "resale": 1, "value": "200000", "equity": "40", "mortgageused": 1, "mortgage": "70000", "mortlen": 25,
        "deposit": "10000", "mrent": "400", "has_mscharge": 0, "has_management_fee": 0,
    })
    save_and_continue(page)
    expect(page.get_by_text("Log status: Completed")).to_be_visible()
    log = SalesLog.objects.get(purchid="SO-BROWSER")
    assert (log.status, log.ownershipsch, log.equity, log.mortgage) == (2, 1, 40, 70000)


def test_provider_completes_a_discounted_ownership_sale(demo, sign_in):
    page = sign_in("provider@greenfield.example.com", DEMO_PASSWORD)
    start_sale(page, {"purchid": "DO-BROWSER", "ownershipsch": 2, "type": 9})
    expect(page.locator("form nav a").filter(has_text="Shared ownership - initial purchase")).to_be_hidden()
    expect(page.locator("input[name=equity]")).to_be_hidden()
    answer_buyer(page, prevten=1, last_postcode_asked=False)
    expect(page.locator("input[name=ppcodenk]").first).to_be_hidden()
    answer_tab(page, "Discounted ownership scheme", {
        "proplen_asked": 0, "proplen": 5, "value": "180000", "discount": "30", "mortgageused": 1,
        "mortgage": "116000", "mortlen": 25, "extrabor": 2, "deposit": "10000", "has_mscharge": 0,
    })
    save_and_continue(page)
    expect(page.get_by_text("Log status: Completed")).to_be_visible()
    log = SalesLog.objects.get(purchid="DO-BROWSER")
    assert (log.status, log.type, log.discount, log.value) == (2, 9, 30, 180000)
