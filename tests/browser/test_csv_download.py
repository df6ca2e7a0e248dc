"""A data coordinator downloads the lettings list they are looking at: request, job, link, file."""

import csv
import io

import pytest
from playwright.sync_api import expect

from domain.models import CsvDownload, Role
from exports.tasks import csv_download_build
from tests.factories import PASSWORD, make_lettings_log, make_organisation, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_coordinator_requests_a_download_from_the_lettings_list_and_gets_the_link(page, sign_in):
    org = make_organisation(name="Greenfield Housing")
    other = make_organisation(name="Unrelated Homes")
    coordinator = make_user(org, Role.DATA_COORDINATOR, email="coordinator@greenfield.test")
    make_lettings_log(org, coordinator, tenancycode="GF-0001")
    make_lettings_log(org, coordinator, tenancycode="GF-0002")
    make_lettings_log(other, None, tenancycode="UH-0001")

    sign_in(coordinator.email, PASSWORD)
    page.goto("/domain/lettingslog/?q=GF-0001")
    page.locator("#download-csv-link").click()
    expect(page.locator("#selected-count")).to_have_text("You've selected 1 log.")
    page.get_by_role("button", name="Send email").click()
    expect(page.locator("#csv-download")).to_contain_text("We are preparing your file")

    download = CsvDownload.objects.get()
    csv_download_build(download.pk)  # what a django-q2 worker does with the queued task
    page.reload()
    link = page.locator("#download-csv")
    expect(link).to_have_text("Download CSV")
    with page.expect_download() as started:
        link.click()
    saved = started.value
    assert saved.suggested_filename.startswith("lettings-logs-") and saved.suggested_filename.endswith(".csv")
    with open(saved.path(), encoding="utf-8") as f:
        text = f.read()
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text[1:])))
    codes = [row[rows[1].index("tenancycode")] for row in rows[2:]]
    assert codes == ["GF-0001"]
