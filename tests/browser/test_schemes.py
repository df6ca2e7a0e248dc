"""A coordinator builds a scheme with its locations on one page and deactivates one; a provider of an
unrelated organisation cannot open it."""

from datetime import timedelta

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from domain.collection import today
from domain.models import Role, Scheme
from tests.factories import PASSWORD, make_local_authority, make_location, make_organisation, make_scheme, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def greenfield(transactional_db):
    org = make_organisation(name="Greenfield Housing")
    make_local_authority()
    return org


def fill_location(page, index, postcode, units):
    prefix = f"locations-{index}-"
    page.fill(f"input[name={prefix}postcode]", postcode)
    page.select_option(f"select[name={prefix}local_authority]", label="Barnsley (E08000038)")
    page.fill(f"input[name={prefix}units]", units)
    page.select_option(f"select[name={prefix}type_of_unit]", "1")
    page.select_option(f"select[name={prefix}mobility_type]", "N")


def test_coordinator_creates_a_scheme_with_two_locations_and_deactivates_one(page, sign_in, greenfield):
    coordinator = make_user(greenfield, Role.DATA_COORDINATOR)
    sign_in(coordinator.email, PASSWORD)
    page.goto(reverse("admin:domain_scheme_add"))
    page.fill("input[name=service_name]", "Hill House")
    page.select_option("select[name=scheme_type]", "7")
    page.select_option("select[name=registered_under_care_act]", "1")
    page.select_option("select[name=arrangement_type]", "D")
    page.select_option("select[name=primary_client_group]", "M")
    page.select_option("select[name=has_other_client_group]", "0")
    page.select_option("select[name=support_type]", "2")
    page.select_option("select[name=intended_stay]", "P")
    page.check("input[name=confirmed]")
    expect(page.locator("select[name=owning_organisation]")).to_have_value(str(greenfield.pk))
    fill_location(page, 0, "s70 2ta", "4")
    page.locator("#locations-group .add-row").first.click()
    fill_location(page, 1, "S70 2TB", "2")
    page.locator("button[name=_continue]").first.click()
    page.wait_for_load_state("networkidle")

    scheme = Scheme.objects.get(service_name="Hill House")
    assert sorted(scheme.locations.values_list("postcode", "confirmed")) == [("S70 2TA", True), ("S70 2TB", True)]
    group = page.locator("#locations-group")
    expect(group).to_contain_text("Active")
    expect(group).not_to_contain_text("Deactivating soon")

    # Deactivate S70 2TA a month from now, from its own row.
    postcode_input = group.locator("input[name$='-postcode'][value='S70 2TA']")
    prefix = postcode_input.get_attribute("name").removesuffix("postcode")
    day = today() + timedelta(days=30)
    page.fill(f"input[name={prefix}deactivate_from]", day.isoformat())
    page.locator("button[name=_continue]").first.click()
    page.wait_for_load_state("networkidle")

    expect(page.locator("#locations-group")).to_contain_text("Deactivating soon")
    deactivating = scheme.locations.get(deactivation_periods__deactivation_date=day)
    assert deactivating.postcode == "S70 2TA"
    assert deactivating.displayed_status(today()) == "deactivating_soon"


def test_provider_of_an_unrelated_organisation_cannot_open_the_scheme(page, sign_in, greenfield):
    scheme = make_scheme(greenfield, service_name="Hill House")
    make_location(scheme)
    stranger = make_user(make_organisation(name="Unrelated Homes"), Role.DATA_PROVIDER)
    sign_in(stranger.email, PASSWORD)
    page.goto(reverse("admin:domain_scheme_change", args=[scheme.pk]))
    page.wait_for_load_state("networkidle")
    expect(page.locator("body")).not_to_contain_text("Hill House")
    expect(page.locator("body")).not_to_contain_text("S70 2TA")
    assert page.locator("input[name=service_name]").count() == 0
    page.goto(reverse("admin:domain_scheme_changelist"))
    expect(page.locator("body")).not_to_contain_text("Hill House")
