"""A support user sets up an authenticator app at their first sign-in, then signs in again with a code
computed from the device's secret, as the app would."""

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from domain.models import Role
from tests.factories import PASSWORD, make_user
from tests.second_factor import code_from_secret, totp_code

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_support_enrols_an_app_and_signs_in_with_a_code(page, clock, browser, live_server):
    support = make_user(role=Role.SUPPORT, email="support@mhclg.test", name="Sam Support")
    page.goto("/login/")
    page.fill("input[name=username]", support.email)
    page.fill("input[name=password]", PASSWORD)
    page.click("#login-form button[type=submit]")
    expect(page.get_by_role("heading", name="Set up your authenticator app")).to_be_visible()
    expect(page.get_by_test_id("qr-code").locator("svg")).to_be_visible()
    page.goto("/domain/organisation/")  # nothing else opens until the second factor is passed
    expect(page).to_have_url("/account/two-factor/set-up/?next=/domain/organisation/")
    page.fill("input[name=code]", code_from_secret(page.get_by_test_id("secret").inner_text()))
    page.get_by_role("button", name="Set up the app").click()
    expect(page.get_by_test_id("backup-codes").locator("li")).to_have_count(10)
    page.get_by_role("link", name="Continue").click()
    expect(page).to_have_url("/domain/organisation/")

    clock.shift(60)  # a later code: each code is accepted once
    page = browser.new_context(base_url=live_server.url).new_page()  # another browser: signed out
    page.goto("/login/")
    page.fill("input[name=username]", support.email)
    page.fill("input[name=password]", PASSWORD)
    page.click("#login-form button[type=submit]")
    expect(page.get_by_role("heading", name="Enter your security code")).to_be_visible()
    page.fill("input[name=code]", totp_code(TOTPDevice.objects.get(user=support, confirmed=True)))
    page.get_by_role("button", name="Continue").click()
    expect(page).to_have_url("/")
    page.context.close()
