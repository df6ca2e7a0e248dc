"""Each demo role signs in and sees exactly the menu and organisations the access rules give it."""

import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from domain.services.demo import DEMO_PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ALWAYS = {"Home", "Users", "Relationship history", "Lettings logs", "Sales logs", "Downloads"}
MENUS = {
    "support@example.com": ALWAYS
    | {"Schemes", "Locations", "Organisations", "Local authorities", "Rent ranges", "Sale ranges", "Background jobs", "Login lockouts",
       "Export statistics", "Imports from the original service"},
    "statistician@example.com": ALWAYS | {"Schemes", "Locations", "Organisations", "Local authorities", "Rent ranges", "Sale ranges",
                                          "Export statistics"},
    "coordinator@greenfield.example.com": ALWAYS | {"Your organisation", "Schemes", "Locations"},
    "provider@greenfield.example.com": ALWAYS | {"Your organisation", "Schemes", "Locations"},
}
EVERY_ITEM = set().union(*MENUS.values())


@pytest.fixture
def demo(transactional_db):
    call_command("seed_demo", verbosity=0)


def sidebar_items(page):
    links = page.locator("#nav-sidebar-inner a, nav a").all_inner_texts()
    names = {" ".join(text.split()).strip() for text in links}
    return {item for item in EVERY_ITEM if any(name.endswith(item) for name in names)}


@pytest.mark.parametrize("email", sorted(MENUS))
def test_role_sees_its_menu(demo, sign_in, email):
    page = sign_in(email, DEMO_PASSWORD)
    assert page.get_by_test_id("welcome").is_visible()
    assert sidebar_items(page) == MENUS[email]


def test_support_lists_every_organisation(demo, sign_in):
    page = sign_in("support@example.com", DEMO_PASSWORD)
    page.get_by_role("link", name=re.compile("Organisations$")).first.click()
    rows = page.locator("#result_list tr.data-row")
    expect(rows).to_have_count(6)
    expect(rows.filter(has_text="Old Town Homes")).to_contain_text("Deactivated")


def test_coordinator_sees_own_organisation_with_its_relationships(demo, sign_in):
    page = sign_in("coordinator@greenfield.example.com", DEMO_PASSWORD)
    page.get_by_role("link", name=re.compile("Your organisation")).first.click()
    agents = page.locator("#managing_agent_relationships-group")
    expect(agents).to_contain_text("Riverside Lettings Partnership")
    expect(agents).to_contain_text("Pennine Care and Support")
    expect(page.locator("input[name=phone]")).to_be_editable()
    assert page.locator("input[name=name]").count() == 0  # the name is read-only for coordinators


def test_provider_sees_own_organisation_read_only_and_not_others(demo, sign_in, live_server):
    from domain.models import Organisation

    page = sign_in("provider@greenfield.example.com", DEMO_PASSWORD)
    page.get_by_role("link", name=re.compile("Your organisation")).first.click()
    expect(page.locator("#managing_agent_relationships-group")).to_contain_text("Riverside Lettings Partnership")
    assert page.locator("input[name=phone]").count() == 0
    other = Organisation.objects.get(name="Riverside Lettings Partnership")
    response = page.goto(f"/domain/organisation/{other.pk}/change/")
    assert response.status == 404
    expect(page.get_by_role("heading", name="Page not found")).to_be_visible()
    assert "Riverside Lettings Partnership" not in page.locator("main, #content").first.inner_text()


def test_statistician_organisation_pages_have_no_save_button(demo, sign_in):
    page = sign_in("statistician@example.com", DEMO_PASSWORD)
    page.get_by_role("link", name=re.compile("Organisations$")).first.click()
    page.get_by_role("link", name="Greenfield Housing Association").click()
    expect(page.locator("#managing_agent_relationships-group")).to_be_visible()
    assert page.locator("input[name=phone]").count() == 0
    assert page.locator("button[name=_save], input[name=_save]").count() == 0


def test_deactivated_user_cannot_sign_in(demo, sign_in):
    from domain.models import User

    User.objects.filter(email="provider@riverside.example.com").update(is_active=False)
    page = sign_in("provider@riverside.example.com", DEMO_PASSWORD)
    assert page.get_by_text("Your account has been deactivated").is_visible()


def test_coordinator_adds_a_managing_agent_on_the_organisation_page(demo, sign_in):
    from domain.models import Organisation, OrganisationRelationship

    page = sign_in("coordinator@pennine.example.com", DEMO_PASSWORD)
    page.get_by_role("link", name=re.compile("Your organisation")).first.click()
    page.wait_for_load_state("load")  # the inline's "Add another" works once the admin's scripts have run
    group = page.locator("#managing_agent_relationships-group")
    group.get_by_text(re.compile("Add another", re.I)).click()
    new_row = group.locator("select[name='managing_agent_relationships-0-managing_agent']")
    new_row.select_option(label="Riverside Lettings Partnership")
    page.locator("button[name=_continue], input[name=_continue]").first.click()
    expect(page.get_by_text("was changed successfully")).to_be_visible()
    expect(group).to_contain_text("Riverside Lettings Partnership")
    pennine = Organisation.objects.get(name="Pennine Care and Support")
    assert OrganisationRelationship.objects.filter(
        stock_owner=pennine, managing_agent__name="Riverside Lettings Partnership"
    ).exists()
