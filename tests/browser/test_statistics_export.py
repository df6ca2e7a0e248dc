"""A statistician fills in the statistics export form: unfold's widgets, each local authority once,
labels in words, and the file format offered is the one the next page names."""

from datetime import date

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from domain.models import LocalAuthority, Role
from tests.factories import PASSWORD, make_lettings_log, make_organisation, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def statistician(transactional_db):
    LocalAuthority.objects.create(code="E08000019", name="Sheffield", start_date=date(2021, 4, 1),
                                  end_date=date(2025, 3, 31))
    LocalAuthority.objects.create(code="E08000039", name="Sheffield", start_date=date(2025, 4, 1))
    org = make_organisation(name="Greenfield Housing")
    make_lettings_log(org, make_user(org, Role.DATA_COORDINATOR, email="coordinator@greenfield.test"))
    return make_user(None, Role.STATISTICIAN, email="statistician@example.test")


def test_statistician_exports_a_workbook_from_a_styled_form(page, sign_in, statistician):
    sign_in(statistician.email, PASSWORD)
    page.goto(reverse("admin:domain_csvdownload_statistics"))
    form = page.locator("#statistics-export")
    authorities = form.locator("#field-las")
    expect(authorities.get_by_label("Sheffield", exact=True)).to_have_count(1)
    for legend in ("Collection years", "Log status", "Needs type", "Local authorities", "Columns", "File format"):
        expect(form.locator("legend", has_text=legend)).to_have_count(1)
    expect(form).not_to_contain_text("Needstypes")
    # unfold's widgets: its radio buttons and tick boxes, not the browser's bare ones
    assert "appearance-none" in (form.locator("input[name=format][value=xlsx]").get_attribute("class") or "")
    assert "appearance-none" in (form.locator("input[name=needstypes]").first.get_attribute("class") or "")
    form.get_by_label("Excel workbook (XLSX)").check()
    authorities.get_by_label("Sheffield", exact=True).check()
    page.get_by_role("button", name="Export").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Download an Excel workbook")
    expect(page.locator("#csv-download")).not_to_contain_text("CSV")
