"""A provider uploads a lettings file on the upload page and sees the outcome and the error report."""

from datetime import date

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from domain import collection
from domain.models import LettingsLog, ProviderType, Role
from tests.bulk_upload_files import general_needs_row, template_csv
from tests.factories import PASSWORD, make_organisation, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def provider(transactional_db, settings, tmp_path, monkeypatch):
    from django_q.conf import Conf

    settings.FILE_STORAGE_DIR = tmp_path
    monkeypatch.setattr(Conf, "SYNC", True)  # the queued job runs as soon as the upload commits
    monkeypatch.setattr(collection, "today", lambda: date(2026, 11, 28))
    org = make_organisation(name="Greenfield Housing", provider_type=ProviderType.PRP, holds_own_stock=True)
    return make_user(org, Role.DATA_PROVIDER, email="provider@greenfield.test")


def upload(page, name: str, data: bytes):
    page.goto(reverse("admin:domain_bulkupload_add"))
    page.check("input[name=log_type][value=lettings]")
    page.check("input[name=year][value='2026']")
    page.set_input_files("input[name=file]", files=[{"name": name, "mimeType": "text/csv", "buffer": data}])
    page.get_by_role("button", name="Upload file").click()
    page.wait_for_load_state("networkidle")


def test_provider_uploads_a_valid_file_and_sees_the_logs_created(page, sign_in, provider):
    org = provider.organisation
    sign_in(provider.email, PASSWORD)
    upload(page, "june-lettings.csv", template_csv([general_needs_row(org, provider),
                                                    general_needs_row(org, provider, **{"13": "T-2"})]))
    expect(page.locator(".outcome")).to_contain_text("All 2 logs were created.")
    expect(page.get_by_text("2 of 2")).to_be_visible()
    assert LettingsLog.objects.filter(bulk_upload__file_name="june-lettings.csv").count() == 2


def test_provider_sees_the_report_of_a_file_with_errors_and_creates_the_logs(page, sign_in, provider):
    org = provider.organisation
    sign_in(provider.email, PASSWORD)
    upload(page, "errors.csv", template_csv([general_needs_row(org, provider, **{"28": "99"})]))
    expect(page.locator(".outcome")).to_contain_text("Some answers are invalid or missing.")
    report = page.locator("table.errors")
    expect(report).to_contain_text("AC9")
    expect(report).to_contain_text("How many bedrooms does the property have?")
    page.get_by_role("link", name="Create logs (invalid answers cleared)").click()
    page.get_by_role("button", name="Create the logs").click()
    page.wait_for_load_state("networkidle")
    expect(page.locator(".outcome")).to_contain_text("1 logs were created.")
    assert LettingsLog.objects.get().beds is None


def test_upload_page_says_why_a_workbook_is_refused(page, sign_in, provider):
    sign_in(provider.email, PASSWORD)
    upload(page, "lettings.csv", b"PK\x03\x04workbook bytes")
    expect(page.locator(".error-message")).to_contain_text("The file is an Excel workbook (.xlsx)")
