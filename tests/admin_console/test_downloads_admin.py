"""Downloads in the console: asking from a list, the job, the email, the link and who may open it."""

import csv
import io
import re
import urllib.request
import uuid
from datetime import timedelta
from urllib.parse import urlencode

import pytest
from django.core import mail, signing
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_q.models import OrmQ

from domain.models import CsvDownload, DownloadStatus
from exports.tasks import csv_download_build
from tests.factories import make_lettings_log

pytestmark = pytest.mark.django_db


def read_csv(data: bytes):
    text = data.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:])))


def request_download(client, kind, list_query="", **form):
    url = reverse("admin:domain_csvdownload_request")
    return client.post(url, {"kind": kind, "list": list_query, **form})


@pytest.fixture
def logs(org, other_org, provider, other_provider):
    make_lettings_log(org, provider, tenancycode="OURS-1")
    make_lettings_log(org, provider, tenancycode="OURS-2", needstype=1)
    make_lettings_log(other_org, other_provider, tenancycode="THEIRS")


def file_url(download):
    return reverse("admin:domain_csvdownload_file", args=[download.token])


def page_url(download):
    return reverse("admin:domain_csvdownload_page", args=[download.token])


def fetch(client, download):
    """Follow the page's Download CSV link to the file, as a browser would."""
    response = client.get(file_url(download))
    assert response.status_code == 200
    return read_csv(b"".join(response.streaming_content))


@pytest.fixture
def ready(coordinator, logs):
    """A lettings download the coordinator asked for, built and stored."""
    download = CsvDownload.objects.create(user=coordinator, organisation=coordinator.organisation, kind="lettings",
                                          year=2026)
    csv_download_build(download.pk)
    download.refresh_from_db()
    return download


def test_coordinator_request_queues_a_job_and_the_job_emails_a_working_link(
        client_for, coordinator, logs, django_capture_on_commit_callbacks):
    client = client_for(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        response = request_download(client, "lettings", urlencode({"q": "OURS-1"}), year="2026")
    download = CsvDownload.objects.get()
    assert response.status_code == 302 and response["Location"] == page_url(download)
    assert OrmQ.objects.count() == 1  # queued for a worker
    assert (download.user, download.organisation, download.total) == (coordinator, coordinator.organisation, 1)
    assert csv_download_build(download.pk) == 1
    download.refresh_from_db()
    assert download.status == DownloadStatus.READY and download.filename.startswith("lettings-logs-")
    assert download.expires_at - download.completed_at == timedelta(days=2)
    message = mail.outbox[-1]
    assert message.to == [coordinator.email] and "2 days" in message.body
    assert page_url(download) in message.body
    page = client.get(page_url(download))
    assert "Download CSV" in page.content.decode()
    rows = fetch(client, download)
    assert [r[rows[1].index("tenancycode")] for r in rows[2:]] == ["OURS-1"]


def test_the_requester_organisation_and_support_may_open_the_link_but_nobody_else(
        client, coordinator, provider, support, other_coordinator, ready):
    for user, expected in ((coordinator, 200), (provider, 200), (support, 200), (other_coordinator, 404)):
        client.force_login(user)
        assert client.get(page_url(ready)).status_code == expected, user.email
        assert client.get(file_url(ready)).status_code == expected, user.email


def test_requester_colleague_and_support_get_the_file_itself(client, coordinator, provider, support, ready):
    for user in (coordinator, provider, support):
        client.force_login(user)
        rows = fetch(client, ready)
        assert sorted(r[rows[1].index("tenancycode")] for r in rows[2:]) == ["OURS-1", "OURS-2"], user.email


def test_a_signed_out_visitor_is_sent_to_sign_in_and_gets_no_file(ready):
    anonymous = Client()
    for url in (page_url(ready), file_url(ready)):
        response = anonymous.get(url)
        assert response.status_code == 302 and response["Location"].startswith(reverse("admin:login")), url


def test_links_name_a_random_token_never_the_id_or_the_storage_path(client_for, coordinator, ready):
    # The stored name is random: it gives away neither the id, nor the kind, nor the time.
    assert re.fullmatch(r"csv-downloads/[0-9a-f]{32}\.csv", ready.file_key)
    client = client_for(coordinator)
    page = client.get(page_url(ready)).content.decode()
    listing = client.get(reverse("admin:domain_csvdownload_changelist")).content.decode()
    response = client.get(file_url(ready))
    for text in (page, listing, file_url(ready), page_url(ready), mail.outbox[-1].body, str(response.headers)):
        assert ready.file_key not in text and ready.file_key.split("/")[1] not in text
    assert str(ready.token) in page_url(ready) and f"/{ready.pk}/" not in page_url(ready)
    assert f'href="{page_url(ready)}"' in listing


def test_a_forged_or_tampered_link_finds_nothing(client_for, coordinator, ready):
    client = client_for(coordinator)
    tampered = str(ready.token)[:-2] + ("00" if not str(ready.token).endswith("00") else "11")
    assert client.get(reverse("admin:domain_csvdownload_file", args=[tampered])).status_code == 404
    assert client.get(reverse("admin:domain_csvdownload_page", args=[uuid.uuid4()])).status_code == 404
    # The old id-based and signed storage links are gone: one signed with another key opens nothing.
    forged = signing.dumps({"name": ready.file_key, "ttl": 60}, key="another-key-" + "x" * 40,
                           salt="exports.storage.url")
    for url in (f"/files/{forged}/", f"/domain/csvdownload/{ready.pk}/file/", f"/domain/csvdownload/{ready.pk}/get/"):
        assert client.get(url, follow=True).status_code == 404, url


def test_the_list_opens_a_download_by_id_only_within_scope(client, coordinator, other_coordinator, ready):
    change = reverse("admin:domain_csvdownload_change", args=[ready.pk])
    client.force_login(coordinator)
    assert client.get(change)["Location"] == page_url(ready)
    client.force_login(other_coordinator)
    assert client.get(change).status_code == 404


def test_an_expired_link_is_refused_with_a_clear_page(client_for, coordinator, ready):
    CsvDownload.objects.filter(pk=ready.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    client = client_for(coordinator)
    page = client.get(page_url(ready))
    assert page.status_code == 410
    assert "This link has expired." in page.content.decode()
    assert "Download the data again to get a new link." in page.content.decode()
    file_attempt = client.get(file_url(ready))
    assert file_attempt.status_code == 410 and "This link has expired." in file_attempt.content.decode()


def test_a_file_not_ready_yet_leads_back_to_its_progress(client_for, coordinator):
    download = CsvDownload.objects.create(user=coordinator, organisation=coordinator.organisation, kind="users")
    response = client_for(coordinator).get(file_url(download))
    assert response.status_code == 302 and response["Location"] == page_url(download)


def test_a_file_gone_from_storage_says_so(client_for, coordinator, ready):
    from exports import storage

    storage.get_storage().delete(ready.file_key)
    response = client_for(coordinator).get(file_url(ready))
    assert response.status_code == 410 and "This file is no longer available." in response.content.decode()


def test_on_s3_the_checked_link_redirects_to_a_one_minute_presigned_url(client_for, coordinator, logs, s3):
    download = CsvDownload.objects.create(user=coordinator, organisation=coordinator.organisation, kind="lettings",
                                          year=2026)
    csv_download_build(download.pk)
    download.refresh_from_db()
    response = client_for(coordinator).get(file_url(download))
    assert response.status_code == 302 and "X-Amz-Expires=60" in response["Location"]
    with urllib.request.urlopen(response["Location"]) as fetched:
        rows = read_csv(fetched.read())
        assert download.filename in fetched.headers["Content-Disposition"]
    assert sorted(r[rows[1].index("tenancycode")] for r in rows[2:]) == ["OURS-1", "OURS-2"]
    assert Client().get(file_url(download)).status_code == 302  # signed out: to the sign-in page, not S3
    assert "X-Amz" not in Client().get(file_url(download))["Location"]


def test_provider_cannot_ask_for_codes(client_for, provider, logs):
    response = request_download(client_for(provider), "lettings", year="2026", values="codes")
    assert CsvDownload.objects.count() == 1 and not CsvDownload.objects.get().codes  # the option is not offered
    assert response.status_code == 302


def test_support_can_ask_for_codes(client_for, support, logs):
    request_download(client_for(support), "lettings", year="2026", values="codes")
    assert CsvDownload.objects.get().codes


def test_nothing_selected_shows_no_send_button(client_for, provider, logs):
    response = client_for(provider).get(reverse("admin:domain_csvdownload_request"),
                                        {"kind": "lettings", "list": urlencode({"q": "no-such-log"})})
    page = response.content.decode()
    assert "You haven't selected any logs" in page and "Send email" not in page


def test_request_page_counts_the_logs_the_list_shows(client_for, provider, logs):
    response = client_for(provider).get(reverse("admin:domain_csvdownload_request"), {"kind": "lettings"})
    assert "You've selected 2 logs" in response.content.decode()


def test_lettings_list_links_to_a_download_of_its_filters(client_for, provider, logs):
    page = client_for(provider).get(reverse("admin:domain_lettingslog_changelist"), {"q": "OURS"}).content.decode()
    assert 'id="download-csv-link"' in page and "list=q%3DOURS" in page


def test_users_list_offers_the_download_to_coordinators_but_not_providers(client_for, coordinator, provider):
    url = reverse("admin:domain_user_changelist")
    assert 'id="download-csv-link"' in client_for(coordinator).get(url).content.decode()
    assert 'id="download-csv-link"' not in client_for(provider).get(url).content.decode()


def test_provider_cannot_ask_for_users(client_for, provider):
    response = request_download(client_for(provider), "users")
    assert response.status_code == 403 and not CsvDownload.objects.exists()


def test_failed_job_records_a_plain_reason(coordinator):
    download = CsvDownload.objects.create(user=coordinator, organisation=coordinator.organisation, kind="lettings",
                                          year=2019)
    assert csv_download_build(download.pk) == 0
    download.refresh_from_db()
    assert download.status == DownloadStatus.FAILED and "There is no lettings download for 2019" in download.error


def test_scheme_download_action_goes_through_the_job(client_for, coordinator, org):
    from tests.factories import make_scheme

    make_scheme(org, service_name="Mine")
    client = client_for(coordinator)
    response = client.get(reverse("admin:domain_scheme_download_schemes"))
    assert response.status_code == 302 and "kind=schemes" in response["Location"]
    request_download(client, "schemes")
    download = CsvDownload.objects.get()
    assert csv_download_build(download.pk) == 1
    assert fetch(client, download)[1][1] == "Mine"


def test_downloads_list_shows_only_what_the_user_may_open(client_for, coordinator, other_coordinator):
    CsvDownload.objects.create(user=coordinator, organisation=coordinator.organisation, kind="users",
                               filename="mine.csv")
    CsvDownload.objects.create(user=other_coordinator, organisation=other_coordinator.organisation, kind="users",
                               filename="theirs.csv")
    page = client_for(coordinator).get(reverse("admin:domain_csvdownload_changelist")).content.decode()
    assert "mine.csv" in page and "theirs.csv" not in page


def test_support_sees_every_download(client_for, support, coordinator):
    CsvDownload.objects.create(user=coordinator, organisation=coordinator.organisation, kind="users",
                               filename="mine.csv")
    page = client_for(support).get(reverse("admin:domain_csvdownload_changelist")).content.decode()
    assert "mine.csv" in page
