"""Support start a CDS export, see it queued, watch it finish without reloading, and download its archive."""

import zipfile

import pytest
from django.urls import reverse
from django_q.models import OrmQ
from playwright.sync_api import expect

from domain.models import Export, Role
from exports.tasks import cds_export
from tests.factories import PASSWORD, make_organisation, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def support(transactional_db, settings, tmp_path, monkeypatch):
    from django_q.conf import Conf

    settings.FILE_STORAGE_DIR, settings.S3_BUCKET = tmp_path, ""
    monkeypatch.setattr(Conf, "SYNC", False)  # the job waits in the queue until the test runs it
    make_user(make_organisation(name="Export Homes"), email="someone@export-homes.test")
    return make_user(None, Role.SUPPORT, email="support@example.test")


def test_support_follow_a_queued_export_to_its_archive(page, sign_in, support):
    sign_in(support.email, PASSWORD)
    page.goto(reverse("admin:domain_export_changelist"))
    page.get_by_role("link", name="Start a partial export").click()
    # By keyboard: a mouse left over the button shows its hover colour to the page's accessibility scan.
    page.get_by_role("button", name="Start a partial export").press("Enter")
    progress = page.locator("#export-progress")
    expect(progress).to_contain_text("Partial export: queued. It starts when a background worker picks it up.")
    expect(page.locator("main")).not_to_contain_text("No results found")

    OrmQ.objects.all().delete()  # a worker takes the job...
    cds_export(full=False)  # ...and runs it, while the page is open

    users = Export.objects.get(collection="users")
    link = page.get_by_role("link", name=f"Download {users.archive}.zip")
    expect(link).to_be_visible(timeout=20_000)  # the page loaded the finished list by itself
    expect(progress).to_be_empty()
    with page.expect_download() as download_info:
        link.click()
    download = download_info.value
    assert download.suggested_filename == f"{users.archive}.zip"
    with zipfile.ZipFile(download.path()) as archive:
        assert "manifest.xml" in archive.namelist()
