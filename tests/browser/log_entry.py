"""Answering a log's questions in the admin change form, the way a person does."""

import re

from playwright.sync_api import Page, expect

LETTINGS_SETUP = "Set up this lettings log"

# A complete general needs letting after its setup, tab by tab: one working adult in a two-bedroom
# flat in Sheffield, at £100 a week rent and £10 service charge.
GENERAL_NEEDS_LETTING = {
    "Property information": {
        "first_time_property_let_as_social_housing": 0, "unitletas": 1, "rsnvac": 13,
        "address_line1": "1 Test Street", "town_or_city": "Sheffield", "postcode_full": "S1 2AB",
        "la": "E08000039", "unittype_gn": 1, "wchair": 2, "beds": 2, "voiddate": "01/05/2026", "majorrepairs": 0,
    },
    "Tenancy information": {"joint": 2, "startertenancy": 2, "tenancy": 2},
    "Household characteristics": {
        "hhmemb": 1, "age1_known": 0, "age1": 35, "sexrab1": "F", "gender_same_as_sex1": 1,
        "ethnic_group": 0, "ethnic": 1, "nationality_all_group": 826, "ecstat1": 1,
    },
    "Household needs": {"armedforces": 2, "preg_occ": 2, "housingneeds": 2, "illness": 2},
    "Household situation": {
        "layear": 2, "waityear": 7, "reason": 50, "prevten": 3, "homeless": 1, "ppcodenk": 1,
        "previous_la_known": 0, "reasonpref": 2, "cbl": True, "referral_register": 6, "referral_noms": 4,
    },
    "Income, benefits and outgoings": {
        "net_income_known": 0, "incfreq": 1, "earnings": 400, "hb": 9, "benefits": 3, "period": 1,
        "brent": "100.00", "scharge": "10.00", "pscharge": "0", "supcharg": "0",
    },
}


def open_tab(page: Page, label: str) -> None:
    page.locator("form nav a").filter(has_text=label).first.click()


def answer(page: Page, name: str, value) -> None:
    """Answer one question by its field name: radio, checkbox, select, or typed."""
    radios = page.locator(f"input[type=radio][name='{name}']")
    if radios.count():
        choice = page.locator(f"input[type=radio][name='{name}'][value='{value}']")
        expect(choice).to_be_visible()
        choice.check()
        return
    checkbox = page.locator(f"input[type=checkbox][name='{name}']")
    if checkbox.count():
        expect(checkbox).to_be_visible()
        checkbox.check() if value else checkbox.uncheck()
        return
    select = page.locator(f"select[name='{name}']")
    if select.count():
        expect(select).to_be_visible()
        select.select_option(str(value))
        return
    box = page.locator(f"input[name='{name}']")
    expect(box).to_be_visible()
    box.fill(str(value))


def answer_tab(page: Page, tab: str, answers: dict) -> None:
    open_tab(page, tab)
    for name, value in answers.items():
        answer(page, name, value)


def save(page: Page) -> None:
    """Press "Save and continue editing" and wait for the page that comes back, errors or not."""
    page.locator("button[name=_continue]").click()
    page.wait_for_load_state("networkidle")


def save_and_continue(page: Page) -> None:
    """Save, and check that no answer was refused."""
    save(page)
    expect(page.locator(".errornote, .errorlist")).to_have_count(0)


def select_containing(page: Page, name: str, text: str) -> None:
    """Choose the option of a drop-down whose label contains the text."""
    select = page.locator(f"select[name='{name}']")
    expect(select).to_be_visible()
    value = select.locator("option", has_text=text).first.get_attribute("value")
    select.select_option(value)


def start_general_needs_letting(page: Page, tenancycode: str) -> None:
    """Open a new lettings log from the menu and answer its setup: a general needs Social Rent letting
    that starts on 1 June 2026. Not saved, so the caller can check the setup tab first."""
    page.get_by_role("link", name=re.compile("Lettings logs$")).first.click()
    page.goto(page.url + "add/")
    answer_tab(page, LETTINGS_SETUP, {"needstype": 1, "renewal": 0, "startdate": "01/06/2026", "rent_type": 0,
                                      "tenancycode": tenancycode, "declaration": True})


def answer_general_needs_letting(page: Page, *, postcode: str = "S1 2AB", brent: str = "100.00") -> None:
    """Answer every tab after the setup with GENERAL_NEEDS_LETTING, typing the postcode and the basic
    rent given. Not saved."""
    typed = {"postcode_full": postcode, "brent": brent}
    for tab, answers in GENERAL_NEEDS_LETTING.items():
        answer_tab(page, tab, {name: typed.get(name, value) for name, value in answers.items()})


def fill_complete_general_needs_letting(page: Page, tenancycode: str, *, postcode: str = "S1 2AB",
                                        brent: str = "100.00") -> None:
    """Start a general needs letting, save its setup, then answer all the rest. The last answers are not
    saved: the caller saves, with save_and_continue, or with save where it expects a refusal."""
    start_general_needs_letting(page, tenancycode)
    save_and_continue(page)
    answer_general_needs_letting(page, postcode=postcode, brent=brent)
