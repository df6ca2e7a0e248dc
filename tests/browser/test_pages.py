"""Pages as their users meet them (issue 16): a log's history in words, a confirmation before the
duplicates are deleted, one availability button at a time, the page where support gives a user access
to one record, a log list that fits a 1440-pixel screen, and a sales log that shows only the tabs that
apply. Every page visited is also scanned by axe-core (see conftest)."""

from decimal import Decimal

import pytest
from django.core.management import call_command
from django.urls import reverse
from playwright.sync_api import expect

from domain.models import LettingsLog, Organisation, SalesLog, Scheme, User
from domain.services.demo import DEMO_PASSWORD
from domain.services.logs import log_save
from tests.browser.log_entry import answer_tab, open_tab, save_and_continue

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SUPPORT = "support@example.com"
COORDINATOR = "coordinator@greenfield.example.com"
PROVIDER = "provider@greenfield.example.com"


@pytest.fixture
def demo(transactional_db):
    call_command("load_reference_data", verbosity=0)
    call_command("seed_demo", verbosity=0)
    greenfield = Organisation.objects.get(name="Greenfield Housing Association")
    return {"greenfield": greenfield}


def test_a_logs_history_reads_as_questions_and_answers(demo, sign_in):
    """Support changes a letting's answers; its history shows each by its question, with labels."""
    support = User.objects.get(email=SUPPORT)
    log = LettingsLog.objects.filter(owning_organisation=demo["greenfield"]).exclude(tcharge=None).order_by("pk").first()
    log.sexrab1 = "F"
    log_save(log=log, by=User.objects.get(email=COORDINATOR))
    log = LettingsLog.objects.get(pk=log.pk)
    log.sexrab1, log.pscharge = "M", (log.pscharge or Decimal(0)) + Decimal("5.25")
    log_save(log=log, by=support)
    page = sign_in(COORDINATOR, DEMO_PASSWORD)
    page.goto(reverse("admin:domain_lettingslog_history", args=[log.pk]))
    history = page.get_by_test_id("log-history")
    expect(history).to_contain_text(f"Log changed by {support.name} on ")
    change = history.locator("li").first
    expect(change.get_by_role("row", name="What sex was the lead tenant registered with at birth?")).to_contain_text(
        "Female")
    expect(change.get_by_role("row", name="What sex was the lead tenant registered with at birth?")).to_contain_text(
        "Male")
    expect(change.get_by_role("row", name="Total charge")).to_contain_text("£")
    text = page.locator("main").inner_text()
    for raw in ("tcharge", "Tcharge", "pscharge", "Pscharge", "sexrab1", "Sexrab1", "Reason: None"):
        assert raw not in text, raw  # ("None" alone is an answer's label: no benefits)
    assert "\tF\t" not in text and "\tM\n" not in text  # the sex as a word, not its code


def test_keeping_one_duplicate_asks_first(demo, sign_in):
    logs = list(LettingsLog.objects.filter(owning_organisation=demo["greenfield"]).order_by("pk")[:2])
    LettingsLog.objects.filter(pk__in=[log.pk for log in logs]).update(duplicate_set_id=900)
    page = sign_in(COORDINATOR, DEMO_PASSWORD)
    page.goto(reverse("admin:domain_lettingslog_duplicates", args=[900]))
    page.get_by_role("link", name="Keep this log, delete the others").first.click()
    expect(page.get_by_role("heading", name=f"Keep log {logs[0].pk} and delete the others?")).to_be_visible()
    assert LettingsLog.objects.filter(pk=logs[1].pk, discarded_at=None).exists()  # nothing deleted yet
    page.get_by_role("link", name="Cancel").click()
    expect(page.get_by_role("link", name="Keep this log, delete the others")).to_have_count(2)
    page.get_by_role("link", name="Keep this log, delete the others").first.click()
    page.get_by_role("button", name="Keep this log, delete the others").click()
    expect(page.get_by_text(f"Kept log {logs[0].pk} and deleted log {logs[1].pk}")).to_be_visible()
    assert not LettingsLog.objects.filter(pk=logs[1].pk, discarded_at=None).exists()


def test_support_gives_a_user_access_to_an_organisation_and_takes_it_back(demo, sign_in):
    other = Organisation.objects.exclude(pk=demo["greenfield"].pk).exclude(users=None).order_by("pk").first()
    provider = User.objects.get(email=PROVIDER)
    page = sign_in(SUPPORT, DEMO_PASSWORD)
    page.goto(reverse("admin:domain_organisation_change", args=[other.pk]))
    expect(page.get_by_role("link", name="Reactivate organisation")).to_have_count(0)  # it is active
    page.get_by_role("link", name="Access for other users").click()
    expect(page.get_by_role("heading", name=f"Access to {other} for other users")).to_be_visible()
    assert "USERNAME_FIELD" not in page.content() and "Can add" not in page.content()
    page.get_by_label("Find a user by name or email").fill("provider@greenfield")
    page.get_by_role("button", name="Search").click()
    page.get_by_label(f"{provider.name} ({provider.email})").check()
    expect(page.get_by_role("radio")).to_have_count(3)  # the user, then "See" or "See and change"
    page.get_by_label("See", exact=True).check()
    page.get_by_role("button", name="Give access").click()
    expect(page.get_by_text(f"{provider.name} now has see access")).to_be_visible()
    expect(page.get_by_test_id("grants")).to_contain_text(provider.email)
    assert provider.has_perm("domain.view_organisation", other)
    page.get_by_role("link", name=f"Remove {provider.name}'s access").click()
    page.get_by_role("button", name="Remove access").click()
    expect(page.get_by_text(f"{provider.name} no longer has see access")).to_be_visible()
    expect(page.get_by_test_id("grants")).to_have_count(0)
    assert not User.objects.get(pk=provider.pk).has_perm("domain.view_organisation", other)


def test_a_coordinator_cannot_reach_the_access_page(demo, sign_in):
    page = sign_in(COORDINATOR, DEMO_PASSWORD)
    response = page.goto(reverse("admin:domain_organisation_permissions", args=[demo["greenfield"].pk]))
    assert response.status == 404
    page.goto(reverse("admin:domain_organisation_change", args=[demo["greenfield"].pk]))
    expect(page.get_by_role("link", name="Access for other users")).to_have_count(0)


def test_a_scheme_offers_deactivate_or_reactivate_never_both(demo, sign_in):
    page = sign_in(SUPPORT, DEMO_PASSWORD)
    scheme = Scheme.objects.filter(discarded_at=None).order_by("pk").first()
    page.goto(reverse("admin:domain_scheme_change", args=[scheme.pk]))
    expect(page.get_by_role("link", name="Deactivate scheme")).to_have_count(1)
    expect(page.get_by_role("link", name="Reactivate scheme")).to_have_count(0)


@pytest.mark.parametrize("log_type", ["lettings", "sales"])
def test_the_log_list_fits_a_1440_pixel_screen(demo, sign_in, log_type):
    call_command("seed_volume", lettings=3, sales=3, seed=7, verbosity=0)
    page = sign_in(COORDINATOR, DEMO_PASSWORD)
    page.set_viewport_size({"width": 1440, "height": 900})
    page.goto(reverse(f"admin:domain_{log_type}log_changelist"))
    status = page.locator("#result_list th").filter(has_text="Status").first
    expect(status).to_be_visible()
    box = status.bounding_box()
    assert box["x"] + box["width"] <= 1440, box
    assert page.evaluate("document.documentElement.scrollWidth") <= 1440
    expect(page.get_by_role("link", name="Create a new log", exact=True)).to_be_visible()


def test_a_statistician_opens_lettings_and_sales_logs(demo, sign_in):
    call_command("seed_volume", lettings=1, sales=1, seed=7, verbosity=0)
    page = sign_in("statistician@example.com", DEMO_PASSWORD)
    for log in (LettingsLog.objects.order_by("pk").first(), SalesLog.objects.order_by("pk").first()):
        opts = log._meta
        response = page.goto(reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[log.pk]))
        assert response.status == 200, log
        expect(page.locator("main h1").first).to_be_visible()


def test_a_shared_ownership_sale_shows_only_the_tabs_that_apply(demo, sign_in):
    page = sign_in(PROVIDER, DEMO_PASSWORD)
    page.goto("/domain/saleslog/add/")
    tabs = page.locator("form nav a")
    expect(tabs.filter(has_text="Outright sale")).to_be_hidden()
    answer_tab(page, "Set up this sales log", {"saledate": "01/06/2026", "purchid": "SO-TABS", "ownershipsch": 1,
                                               "type": 30, "staircase": 2, "jointpur": 2, "noint": 2,
                                               "privacynotice": True})
    save_and_continue(page)  # the other subsections open once the setup is saved
    expect(tabs.filter(has_text="Shared ownership - initial purchase")).to_be_visible()
    expect(tabs.filter(has_text="Outright sale")).to_be_hidden()
    expect(tabs.filter(has_text="Discounted ownership scheme")).to_be_hidden()
    open_tab(page, "Set up this sales log")
    page.locator("input[type=radio][name=ownershipsch][value='2']").check()
    expect(tabs.filter(has_text="Discounted ownership scheme")).to_be_visible()
