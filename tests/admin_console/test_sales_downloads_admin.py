"""Sales downloads in the console: the list's link, the request page, the job and its file."""

from datetime import date
from urllib.parse import urlencode

import pytest
from django.urls import reverse

from domain.models import CsvDownload, DownloadStatus, LogStatus, SalesLog
from exports.tasks import csv_download_build
from tests.admin_console.test_downloads_admin import fetch, request_download

pytestmark = pytest.mark.django_db


@pytest.fixture
def sales_logs(org, other_org, provider, other_provider):
    for owner, user, code in ((org, provider, "OURS-1"), (org, provider, "OURS-2"), (other_org, other_provider, "THEIRS")):
        SalesLog.objects.create(owning_organisation=owner, managing_organisation=owner, assigned_to=user,
                                created_by=user, saledate=date(2026, 6, 1), purchid=code, status=LogStatus.COMPLETED)


def test_sales_list_links_to_a_download_of_its_filters(client_for, provider, sales_logs):
    page = client_for(provider).get(reverse("admin:domain_saleslog_changelist"), {"q": "OURS"}).content.decode()
    assert 'id="download-csv-link"' in page and "kind=sales" in page and "list=q%3DOURS" in page


def test_request_page_counts_the_sales_logs_the_list_shows(client_for, provider, sales_logs):
    response = client_for(provider).get(reverse("admin:domain_csvdownload_request"), {"kind": "sales"})
    assert "You've selected 2 logs" in response.content.decode()


def test_coordinator_sales_request_builds_the_file_of_the_listed_logs(
        client_for, coordinator, sales_logs, django_capture_on_commit_callbacks):
    client = client_for(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        request_download(client, "sales", urlencode({"q": "OURS-2"}), year="2026")
    download = CsvDownload.objects.get()
    assert (download.kind, download.total, download.codes) == ("sales", 1, False)
    assert csv_download_build(download.pk) == 1
    download.refresh_from_db()
    assert download.status == DownloadStatus.READY and download.filename.startswith("sales-logs-")
    rows = fetch(client, download)
    assert len(rows[1]) == 154 and [r[rows[1].index("purchid")] for r in rows[2:]] == ["OURS-2"]


def test_provider_is_not_offered_sales_codes(client_for, provider, sales_logs):
    request_download(client_for(provider), "sales", year="2026", values="codes")
    assert not CsvDownload.objects.get().codes


def test_support_sales_codes_file_has_cds_headers_and_codes(client_for, support, sales_logs):
    client = client_for(support)
    request_download(client, "sales", year="2026", values="codes")
    download = CsvDownload.objects.get()
    assert download.codes and csv_download_build(download.pk) == 3
    rows = fetch(client, download)
    assert rows[1][:2] == ["ID", "STATUS"] and len(rows[1]) == 164
