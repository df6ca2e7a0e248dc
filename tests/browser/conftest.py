"""Headless Chromium (Debian's /usr/bin/chromium) driven by Playwright against Django's live server."""

import os

import pytest
from playwright.sync_api import sync_playwright

from tests.browser.accessibility import PageScanner

# Playwright's sync API runs an event loop in the test thread; the ORM calls the tests make there
# are ordinary synchronous ones.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def new_page(browser, base_url):
    """A tab in a browser context of its own (its own cookies). Reduced motion: colours change at once
    rather than over a transition, so the accessibility scan reads a button's resting or hover colours,
    never a blend caught half way."""
    context = browser.new_context(base_url=base_url, viewport={"width": 1400, "height": 1000},
                                  reduced_motion="reduce")
    page = context.new_page()
    page.set_default_timeout(15_000)
    return page


@pytest.fixture
def page(browser, live_server):
    """A fresh browser tab. Every browser test also proves the pages it visits work under the
    Content-Security-Policy (Chromium reports each refused script, style or load on the console)
    and have no serious or critical accessibility fault (axe-core scans each page it shows)."""
    page = new_page(browser, live_server.url)
    violations = []
    page.on("console", lambda message: violations.append(f"{page.url}: {message.text}")
            if "Content Security Policy" in message.text else None)
    scanner = PageScanner(page)
    scanner.attach()
    yield page
    scanner.finish()
    page.context.close()
    assert violations == [], "Content-Security-Policy violations:\n" + "\n".join(violations)
    assert not scanner.findings, "Accessibility violations (axe-core):\n" + scanner.report()


def pass_second_factor(page, email):
    """On the second-factor pages after the password (support): set up an app from the secret the page
    shows, or give the code of the app set up earlier, computed here as the app would."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from tests.second_factor import code_from_secret, totp_code

    if "/account/two-factor/set-up/" in page.url:
        page.fill("input[name=code]", code_from_secret(page.get_by_test_id("secret").inner_text()))
        page.get_by_role("button", name="Set up the app").click()
        page.get_by_role("link", name="Continue").click()
    elif "/account/two-factor/" in page.url:
        device = TOTPDevice.objects.get(user__email=email.strip().lower(), confirmed=True)
        page.fill("input[name=code]", totp_code(device))
        page.get_by_role("button", name="Continue").click()
    page.wait_for_load_state("networkidle")


def log_in(page, email, password, *, second_factor=True):
    """Sign in on the login page, then pass the second factor if it is asked for."""
    page.goto("/login/")
    page.fill("input[name=username]", email)
    page.fill("input[name=password]", password)
    page.click("#login-form button[type=submit]")
    page.wait_for_load_state("networkidle")
    if second_factor:
        pass_second_factor(page, email)
    return page


@pytest.fixture
def sign_in(page):
    def sign_in_as(email, password, *, second_factor=True):
        return log_in(page, email, password, second_factor=second_factor)

    return sign_in_as


@pytest.fixture
def sign_in_elsewhere(browser, live_server):
    """Sign someone in on a page of its own, in its own browser context, beside the test's page.
    These pages are not scanned like the page fixture's; they are closed when the test ends."""
    pages = []

    def sign_in_as(email, password):
        pages.append(log_in(new_page(browser, live_server.url), email, password))
        return pages[-1]

    yield sign_in_as
    for page in pages:
        page.context.close()
