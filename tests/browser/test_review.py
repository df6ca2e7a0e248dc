"""The review workflow in a browser: a provider completes a log, the coordinator raises a query on the rent,
the provider changes the rent and replies, the coordinator resolves the query and approves the log, and
each person's home page shows the counts move."""

import re

import pytest
from django.core.management import call_command
from django.urls import reverse
from playwright.sync_api import expect

from domain.models import LettingsLog
from domain.services.demo import DEMO_PASSWORD
from tests.browser.log_entry import answer, fill_complete_general_needs_letting, open_tab, save_and_continue

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PROVIDER = "provider@greenfield.example.com"
COORDINATOR = "coordinator@greenfield.example.com"


@pytest.fixture
def demo(transactional_db):
    call_command("load_reference_data", verbosity=0)
    call_command("seed_demo", verbosity=0)


@pytest.fixture
def people(sign_in_elsewhere):
    """A signed-in page per person, each in its own browser context (own cookies)."""
    pages = {}

    def page_for(email):
        if email not in pages:
            pages[email] = sign_in_elsewhere(email, DEMO_PASSWORD)
        return pages[email]

    return page_for


def home_counts(page) -> dict[str, int]:
    page.goto(reverse("admin:index"))
    counts = {}
    for card in page.get_by_test_id("card").all():
        title = card.get_by_test_id("card-title").inner_text().strip()
        value = card.get_by_test_id("card-value").inner_text().strip()
        if value.isdigit():
            counts[title] = int(value)
    return counts


def moved(before: dict, after: dict) -> dict:
    return {title: after[title] - before[title] for title in before if after.get(title) != before[title]}


def complete_a_log(page) -> LettingsLog:
    fill_complete_general_needs_letting(page, "REVIEW-1")
    save_and_continue(page)
    expect(page.get_by_test_id("review-state")).to_have_text("Awaiting review")
    return LettingsLog.objects.get(tenancycode="REVIEW-1")


def test_a_query_on_the_rent_from_completion_to_approval(demo, people):
    provider, coordinator = people(PROVIDER), people(COORDINATOR)
    provider_home, coordinator_home = home_counts(provider), home_counts(coordinator)

    # The provider completes a log: it waits for review.
    log = complete_a_log(provider)
    assert log.review_state == "awaiting_review"
    assert moved(provider_home, provider_home := home_counts(provider)) == {"Lettings: completed this year": 1}
    assert moved(coordinator_home, coordinator_home := home_counts(coordinator)) == {
        "Lettings: awaiting my review": 1}

    # The coordinator finds it in the queue and raises a query on the rent.
    coordinator.goto(reverse("admin:index"))
    coordinator.get_by_test_id("card").filter(has_text="Lettings: awaiting my review").get_by_role("link").click()
    coordinator.get_by_role("link", name=f"Log {log.pk}", exact=True).click()
    coordinator.get_by_role("link", name="Queries and review").first.click()
    coordinator.select_option("#id_query_field", "brent")
    coordinator.fill("#id_query_text", "The basic rent looks high for a two-bedroom home. Is it weekly?")
    coordinator.get_by_role("button", name="Return with this query").click()
    expect(coordinator.get_by_test_id("review-state")).to_have_text("Returned")
    assert moved(coordinator_home, coordinator_home := home_counts(coordinator)) == {
        "Lettings: awaiting my review": -1, "Lettings: returned": 1}
    assert moved(provider_home, provider_home := home_counts(provider)) == {
        "Lettings: returned to me with open queries": 1}

    # The provider sees the query beside the rent, changes the rent and replies.
    provider.goto(reverse("admin:index"))
    provider.get_by_test_id("card").filter(has_text="Lettings: returned to me").get_by_role("link").click()
    provider.get_by_role("link", name=f"Log {log.pk}", exact=True).click()
    expect(provider.get_by_test_id("open-query-count")).to_contain_text("1 open query")
    open_tab(provider, "Income, benefits and outgoings")
    expect(provider.get_by_test_id("open-query").first).to_contain_text("Is it weekly?")
    answer(provider, "brent", "95.00")
    save_and_continue(provider)
    provider.goto(reverse("admin:domain_lettingslog_answers", args=[log.pk]))
    expect(provider.get_by_test_id("open-query").first).to_contain_text("Is it weekly?")
    provider.get_by_role("link", name="Queries and review").click()
    provider.locator("textarea[name=text]").first.fill("Yes, it is weekly; corrected to £95.")
    provider.get_by_role("button", name="Send reply").click()
    expect(provider.get_by_test_id("comment")).to_have_count(2)
    expect(provider.get_by_role("button", name="Resolve query")).to_have_count(0)  # providers never resolve
    log.refresh_from_db()
    assert (str(log.brent), log.review_state) == ("95.00", "returned")

    # The coordinator resolves the query and approves the log.
    coordinator.goto(reverse("admin:domain_lettingslog_review", args=[log.pk]))
    expect(coordinator.get_by_test_id("comment").last).to_contain_text("corrected to £95")
    coordinator.get_by_role("button", name="Resolve query").click()
    expect(coordinator.get_by_test_id("review-state")).to_have_text("Awaiting review")
    coordinator.get_by_role("button", name="Approve this log").click()
    expect(coordinator.get_by_test_id("review-state")).to_have_text("Approved")
    log.refresh_from_db()
    assert log.review_state == "approved" and log.approved_by.email == COORDINATOR
    assert moved(coordinator_home, home_counts(coordinator)) == {
        "Lettings: returned": -1, "Lettings: approved this month": 1}
    assert moved(provider_home, home_counts(provider)) == {"Lettings: returned to me with open queries": -1}

    # The history says who did what, and why.
    reasons = list(log.history.order_by("history_date").values_list("history_change_reason", flat=True))
    assert reasons[-1] == "Approved"
    assert any(reason and reason.startswith("Returned: query on") for reason in reasons)
    assert re.match(r"Queries resolved \(.+\): awaiting review", reasons[-2] or "")
