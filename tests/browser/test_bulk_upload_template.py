"""A provider downloads the blank template from the upload page, fills it in, uploads it, and the
upload's page follows the check by itself until the logs are created."""

import csv
import io
from datetime import date

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from domain import collection
from domain.models import BulkUpload, LettingsLog, ProviderType, Role
from domain.tasks import bulk_upload_process
from tests.bulk_upload_files import general_needs_row
from tests.factories import PASSWORD, make_organisation, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def provider(transactional_db, settings, tmp_path, monkeypatch):
    from django_q.conf import Conf

    settings.FILE_STORAGE_DIR = tmp_path
    monkeypatch.setattr(Conf, "SYNC", False)  # the job waits in the queue until the test runs it
    monkeypatch.setattr(collection, "today", lambda: date(2026, 11, 28))
    org = make_organisation(name="Greenfield Housing", provider_type=ProviderType.PRP, holds_own_stock=True)
    return make_user(org, Role.DATA_PROVIDER, email="provider@greenfield.test")


def test_provider_downloads_the_template_uploads_it_filled_in_and_sees_the_logs_created(page, sign_in, provider):
    sign_in(provider.email, PASSWORD)
    page.goto(reverse("admin:domain_bulkupload_add"))
    page.check("input[name=log_type][value=lettings]")
    page.check("input[name=year][value='2026']")
    link = page.get_by_role("link", name="Download the blank lettings template for the chosen collection year (CSV)")
    with page.expect_download() as download_info:
        link.click()
    download = download_info.value
    assert download.suggested_filename == "bulk-upload-lettings-2026-to-2027.csv"
    content = open(download.path(), "rb").read()
    assert content.startswith(b"\xef\xbb\xbf")  # UTF-8 with a byte order mark, as spreadsheets read it
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    assert [row[0] for row in rows] == ["Section", "Question", "Answers (code: meaning)", "Duplicate check field?",
                                        "Field number"]
    numbers = rows[-1][1:]
    assert numbers == [str(n) for n in range(1, 148)]
    assert rows[1][numbers.index("28") + 1] == "How many bedrooms does the property have?"
    assert rows[2][numbers.index("4") + 1] == "1: General needs; 2: Supported housing"
    assert rows[3][numbers.index("13") + 1] == "Yes"  # the tenant code is part of the duplicate check

    # The downloaded file, one log filled in below its header rows, is what the upload reads.
    cells = general_needs_row(provider.organisation, provider)
    filled = io.StringIO()
    writer = csv.writer(filled, lineterminator="\r\n")
    writer.writerows(rows)
    writer.writerow(["", *(cells.get(int(n), "") for n in numbers)])
    page.set_input_files("input[name=file]", files=[{"name": "from-template.csv", "mimeType": "text/csv",
                                                     "buffer": filled.getvalue().encode("utf-8")}])
    page.get_by_role("button", name="Upload file").click()
    outcome = page.locator("#upload-outcome")
    expect(outcome).to_contain_text("We are checking the file")
    upload = BulkUpload.objects.get(file_name="from-template.csv")

    bulk_upload_process(upload.pk)  # the worker's job, while the page is open

    expect(page.locator(".outcome")).to_contain_text("All 1 logs were created.", timeout=20_000)
    assert LettingsLog.objects.filter(bulk_upload=upload).count() == 1


def test_template_link_follows_the_chosen_log_type(page, sign_in, provider):
    sign_in(provider.email, PASSWORD)
    page.goto(reverse("admin:domain_bulkupload_add"))
    page.check("input[name=year][value='2026']")
    page.check("input[name=log_type][value=sales]")
    link = page.locator("#template-link a")
    expect(link).to_have_attribute("href", reverse("admin:domain_bulkupload_template") + "?log_type=sales&year=2026")
    with page.expect_download() as download_info:
        link.click()
    rows = list(csv.reader(io.StringIO(open(download_info.value.path(), encoding="utf-8-sig").read())))
    assert rows[-1][1:] == [str(n) for n in range(1, 137)]
