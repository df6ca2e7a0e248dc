"""The bulk upload pages: upload, history scoped by organisation, report, CSV and decisions."""

import csv
import io
from datetime import date

import pytest
from django.db import transaction
from django.test import Client
from django.urls import reverse

from domain import collection
from domain.models import BulkUpload, LettingsLog, UploadStatus
from domain.services.bulk_uploads import bulk_upload_process
from tests.bulk_upload_files import general_needs_row, template_csv

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def storage_and_date(settings, tmp_path, monkeypatch):
    settings.FILE_STORAGE_DIR = tmp_path
    monkeypatch.setattr(collection, "today", lambda: date(2026, 11, 28))


def _post(client, data: bytes, name="lettings.csv"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return client.post(reverse("admin:domain_bulkupload_add"),
                       {"log_type": "lettings", "year": "2026", "file": SimpleUploadedFile(name, data)})


def test_provider_uploads_a_file_and_the_job_is_queued(client_for, provider, org, django_capture_on_commit_callbacks,
                                                       monkeypatch):
    queued = []
    monkeypatch.setattr("django_q.tasks.async_task", lambda *args: queued.append(args))
    client = client_for(provider)
    with django_capture_on_commit_callbacks(execute=True):
        response = _post(client, template_csv([general_needs_row(org, provider)]))
    upload = BulkUpload.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"/{upload.pk}/change/")
    assert queued == [("domain.tasks.bulk_upload_process", upload.pk)]
    assert (upload.uploaded_by, upload.organisation, upload.status) == (provider, org, UploadStatus.QUEUED)


def test_upload_page_explains_a_rejected_file(client_for, provider):
    response = _post(client_for(provider), b"%PDF-1.7 binary")
    assert response.status_code == 200
    assert "The file is a PDF, not a CSV file." in response.content.decode()
    assert not BulkUpload.objects.exists()


def test_report_and_csv_show_each_error(client_for, provider, org):
    client = client_for(provider)
    _post(client, template_csv([general_needs_row(org, provider, **{"28": "99"})]))
    upload = bulk_upload_process(upload=BulkUpload.objects.get())
    page = client.get(reverse("admin:domain_bulkupload_change", args=[upload.pk])).content.decode()
    assert "Errors in the file" in page and "AC9" in page and "How many bedrooms does the property have?" in page
    csv_text = b"".join(client.get(reverse("admin:domain_bulkupload_report_csv", args=[upload.pk]))
                        .streaming_content).decode("utf-8-sig")
    assert csv_text.splitlines()[0] == "Row,Field number,Cell,Question,Error,Category,Tenant code,Property reference"
    assert csv_text.splitlines()[1].startswith("9,28,AC9,How many bedrooms does the property have?,")


def test_history_is_scoped_to_the_organisation(client_for, provider, org, other_provider):
    _post(client_for(provider), template_csv([general_needs_row(org, provider)]))
    upload = BulkUpload.objects.get()
    other = Client()
    other.force_login(other_provider)
    assert other.get(reverse("admin:domain_bulkupload_change", args=[upload.pk])).status_code == 404
    assert "lettings.csv" not in other.get(reverse("admin:domain_bulkupload_changelist")).content.decode()


def test_uploader_creates_the_logs_from_the_report_page(client_for, provider, org):
    client = client_for(provider)
    _post(client, template_csv([general_needs_row(org, provider, **{"28": "99"})]))
    upload = bulk_upload_process(upload=BulkUpload.objects.get())
    url = reverse("admin:domain_bulkupload_create_logs", args=[upload.pk])
    assert client.get(url).status_code == 200
    client.post(url)
    upload.refresh_from_db()
    assert upload.status == UploadStatus.LOGS_CREATED_WITH_ERRORS
    assert LettingsLog.objects.get().beds is None


def test_statistician_sees_history_but_cannot_upload(client_for, statistician):
    client = client_for(statistician)
    assert client.get(reverse("admin:domain_bulkupload_changelist")).status_code == 200
    assert client.get(reverse("admin:domain_bulkupload_add")).status_code == 403


def test_provider_uploads_a_sales_file_from_the_upload_page(client_for, provider, org):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from domain.models import SalesLog
    from tests.factories import make_local_authority
    from tests.sales_bulk_upload_files import sales_template_csv, shared_ownership_row

    make_local_authority(code="E08000039", name="Sheffield", start_date="2000-04-01")
    client = client_for(provider)
    assert "Sales" in client.get(reverse("admin:domain_bulkupload_add")).content.decode()
    data = sales_template_csv([shared_ownership_row(org, provider)])
    response = client.post(reverse("admin:domain_bulkupload_add"),
                           {"log_type": "sales", "year": "2026", "file": SimpleUploadedFile("sales.csv", data)})
    upload = BulkUpload.objects.get()
    assert response.status_code == 302 and (upload.log_type, upload.year) == ("sales", 2026)
    upload = bulk_upload_process(upload=upload)
    assert upload.status == UploadStatus.LOGS_CREATED, list(upload.errors.values_list("field_number", "message"))
    assert SalesLog.objects.get().bulk_upload == upload


def test_upload_again_asks_first_and_acts_only_on_a_post_with_the_csrf_token(provider, org):
    client = Client(enforce_csrf_checks=True)
    client.force_login(provider)
    _post_with_token(client, template_csv([general_needs_row(org, provider, **{"28": "99"})]))
    upload = bulk_upload_process(upload=BulkUpload.objects.get())
    assert upload.status == UploadStatus.CRITICAL_ERRORS
    url = reverse("admin:domain_bulkupload_upload_again", args=[upload.pk])
    confirm = client.get(url)
    upload.refresh_from_db()
    assert confirm.status_code == 200 and upload.status == UploadStatus.CRITICAL_ERRORS  # a GET changes nothing
    assert "Correct the file and upload it again" in confirm.content.decode()
    assert client.post(url).status_code == 403  # no CSRF token
    upload.refresh_from_db()
    assert upload.status == UploadStatus.CRITICAL_ERRORS
    response = client.post(url, {"csrfmiddlewaretoken": confirm.context["csrf_token"]})
    upload.refresh_from_db()
    assert response.status_code == 302 and response["Location"] == reverse("admin:domain_bulkupload_add")
    assert upload.status == UploadStatus.UPLOAD_AGAIN and not LettingsLog.objects.exists()


def _post_with_token(client, data: bytes):
    from django.core.files.uploadedfile import SimpleUploadedFile

    page = client.get(reverse("admin:domain_bulkupload_add"))
    return client.post(reverse("admin:domain_bulkupload_add"),
                       {"log_type": "lettings", "year": "2026", "file": SimpleUploadedFile("lettings.csv", data),
                        "csrfmiddlewaretoken": page.context["csrf_token"]})


def test_error_report_csv_writes_formula_cells_as_text(client_for, provider, org):
    client = client_for(provider)
    _post(client, template_csv([general_needs_row(org, provider, **{"13": "=HYPERLINK(\"http://x.test\")",
                                                                     "14": "@SUM(A1)", "28": "99"})]))
    upload = bulk_upload_process(upload=BulkUpload.objects.get())
    text = b"".join(client.get(reverse("admin:domain_bulkupload_report_csv", args=[upload.pk]))
                    .streaming_content).decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text[1:])))
    assert rows[0][-2:] == ["Tenant code", "Property reference"]
    assert {(row[-2], row[-1]) for row in rows[1:]} == {("'=HYPERLINK(\"http://x.test\")", "'@SUM(A1)")}


def test_error_report_csv_is_for_signed_in_users_of_the_upload_scope(client_for, provider, org, other_provider):
    _post(client_for(provider), template_csv([general_needs_row(org, provider, **{"28": "99"})]))
    upload = bulk_upload_process(upload=BulkUpload.objects.get())
    url = reverse("admin:domain_bulkupload_report_csv", args=[upload.pk])
    anonymous = Client().get(url)
    assert anonymous.status_code == 302 and anonymous["Location"].startswith(reverse("admin:login"))
    other = Client()
    other.force_login(other_provider)
    assert other.get(url).status_code == 404


@pytest.mark.django_db(transaction=True)
def test_an_upload_the_busy_database_cannot_save_gets_a_plain_message(client_for, provider, org):
    """Another connection holds the uploads table (as SQLite's single writer is held while the worker checks
    a large file); the page answers in plain English instead of failing, and nothing is saved."""
    import threading

    from django.db import connection

    locked, release = threading.Event(), threading.Event()

    def hold_the_table():
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(f"LOCK TABLE {BulkUpload._meta.db_table} IN EXCLUSIVE MODE")
            locked.set()
            release.wait(20)
        connection.close()

    holder = threading.Thread(target=hold_the_table)
    holder.start()
    try:
        assert locked.wait(20)
        with connection.cursor() as cursor:
            cursor.execute("SET lock_timeout = '300ms'")  # stands in for SQLite's busy timeout
        response = _post(client_for(provider), template_csv([general_needs_row(org, provider)]))
    finally:
        release.set()
        holder.join(30)
        with connection.cursor() as cursor:
            cursor.execute("RESET lock_timeout")
    assert response.status_code == 200
    assert "The service is busy checking another file, so this one was not saved." in response.content.decode()
    assert not BulkUpload.objects.exists()


def test_upload_page_links_to_the_blank_template_of_the_chosen_year(client_for, provider):
    page = client_for(provider).get(reverse("admin:domain_bulkupload_add")).content.decode()
    assert 'id="template-link"' in page and reverse("admin:domain_bulkupload_template") in page


def test_provider_downloads_the_blank_template_with_its_header_rows(client_for, provider):
    response = client_for(provider).get(reverse("admin:domain_bulkupload_template"),
                                        {"log_type": "lettings", "year": "2026"})
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="bulk-upload-lettings-2026-to-2027.csv"'
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[-1][0] == "Field number" and rows[-1][1:4] == ["1", "2", "3"]


def test_a_year_without_a_template_is_not_found(client_for, provider):
    response = client_for(provider).get(reverse("admin:domain_bulkupload_template"),
                                        {"log_type": "lettings", "year": "1999"})
    assert response.status_code == 404


def test_a_statistician_cannot_download_the_upload_template(client_for, statistician):
    response = client_for(statistician).get(reverse("admin:domain_bulkupload_template"),
                                            {"log_type": "lettings", "year": "2026"})
    assert response.status_code == 403
