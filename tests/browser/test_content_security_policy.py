"""The console works under its enforced Content-Security-Policy: a tour of the kinds of page each
role uses, with Alpine.js tabs and menus in use. The `page` fixture fails the test on any violation
Chromium reports."""

import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from domain.services.demo import DEMO_PASSWORD
from tests.browser.log_entry import answer

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo(transactional_db):
    call_command("load_reference_data", verbosity=0)
    call_command("seed_demo", verbosity=0)


def test_signed_out_pages_carry_the_policy(page):
    response = page.goto("/login/")
    policy = response.headers["content-security-policy"]
    assert "script-src 'self' 'unsafe-eval'" in policy and "frame-ancestors 'none'" in policy
    page.goto("/account/password-reset/")
    expect(page.get_by_role("button", name="Send the link")).to_be_visible()


def test_support_tour_of_the_console_has_no_violations(demo, sign_in):
    page = sign_in("support@example.com", DEMO_PASSWORD)
    for path in ("/domain/organisation/", "/domain/user/", "/domain/lettingslog/", "/domain/saleslog/",
                 "/domain/scheme/", "/domain/localauthority/"):
        response = page.goto(path)
        assert response.status == 200 and "content-security-policy" in response.headers
        page.wait_for_load_state("networkidle")
    page.goto("/domain/user/")
    page.locator("#result_list tr.data-row a").first.click()
    page.wait_for_load_state("networkidle")
    page.goto("/domain/organisation/")
    page.locator("#result_list tr.data-row a").first.click()
    page.wait_for_load_state("networkidle")


def test_conditional_questions_still_appear_on_a_new_lettings_log(demo, sign_in):
    # unfold's conditional fields are Alpine.js expressions: they only run with 'unsafe-eval'.
    page = sign_in("provider@greenfield.example.com", DEMO_PASSWORD)
    page.get_by_role("link", name=re.compile("Lettings logs$")).first.click()
    page.goto(page.url + "add/")
    answer(page, "rent_type", 5)
    expect(page.locator("input[name=irproduct_other]")).to_be_visible()
    answer(page, "rent_type", 0)
    expect(page.locator("input[name=irproduct_other]")).to_be_hidden()
