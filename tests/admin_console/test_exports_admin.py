"""The CDS exports page: support follow runs and start partial or full exports; nobody else sees it."""

import urllib.request
from datetime import date
from unittest import mock

import pytest
from django.urls import reverse
from django_q.models import OrmQ
from django_q.signing import SignedPackage

from domain.models import Export
from exports import storage
from exports.tasks import cds_export
from tests.factories import make_organisation, make_user
from tests.clock import on

CHANGELIST = "admin:domain_export_changelist"


@pytest.fixture
def running_export(db):
    from django.utils import timezone

    return Export.objects.create(collection="lettings", year=2026, started_at=timezone.now(), records=3000)


def test_support_sees_runs_with_status_and_records_written(client_for, support, running_export):
    response = client_for(support).get(reverse(CHANGELIST))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Lettings logs 2026" in page and "Running" in page and "3000" in page
    assert "Start a partial export" in page and "Start a full export" in page


@pytest.mark.parametrize("role_fixture", ["coordinator", "statistician", "provider"])
def test_other_roles_cannot_see_or_start_exports(request, client_for, role_fixture, running_export):
    client = client_for(request.getfixturevalue(role_fixture))
    assert client.get(reverse(CHANGELIST)).status_code == 403
    assert client.post(reverse("admin:domain_export_start_full")).status_code == 403
    assert not OrmQ.objects.exists()


def test_start_asks_for_confirmation_before_queuing(client_for, support):
    response = client_for(support).get(reverse("admin:domain_export_start_partial"))
    assert response.status_code == 200
    assert "Every record changed since the last successful export" in response.content.decode()
    assert not OrmQ.objects.exists()


@pytest.mark.parametrize("action, full", [("start_partial", False), ("start_full", True)])
def test_support_queues_an_export_job(client_for, support, action, full, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(support).post(reverse(f"admin:domain_export_{action}"))
    assert response.status_code == 302
    (queued,) = OrmQ.objects.all()
    task = SignedPackage.loads(queued.payload)
    assert (task["func"], task["kwargs"]) == ("exports.tasks.cds_export", {"full": full})


def test_the_export_task_runs_the_service_and_returns_its_summary(db, tmp_path, settings):
    settings.FILE_STORAGE_DIR, settings.S3_BUCKET = tmp_path, ""
    make_user(make_organisation(name="Task Homes"), email="task@homes.test")
    with on(date(2026, 11, 28)):
        summary = cds_export(collection="users")
    assert summary["collections"][0]["archive"] == "users_2024_2025_apr_mar_f0001_inc0001.zip"
    assert (tmp_path / summary["manifest"]).is_file()


def test_support_can_open_a_run_read_only(client_for, support, running_export):
    response = client_for(support).get(reverse("admin:domain_export_change", args=[running_export.pk]))
    assert response.status_code == 200
    assert 'name="records"' not in response.content.decode()  # read-only: no inputs


def test_a_start_while_an_export_runs_is_refused_with_a_clear_message(client_for, support,
                                                                      django_capture_on_commit_callbacks):
    from django.utils import timezone

    from domain.models import RunLock

    RunLock.objects.create(name="cds_export", held_since=timezone.now())
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(support).post(reverse("admin:domain_export_start_full"), follow=True)
    assert "is still running. Wait for it to finish, then try again." in response.content.decode()
    assert not OrmQ.objects.exists()


def test_the_export_task_records_a_refusal_instead_of_failing(db, tmp_path, settings):
    from django.utils import timezone

    from domain.models import RunLock

    settings.FILE_STORAGE_DIR, settings.S3_BUCKET = tmp_path, ""
    RunLock.objects.create(name="cds_export", held_since=timezone.now())
    summary = cds_export(collection="users")
    assert "is still running" in summary["refused"] and not Export.objects.exists()


def test_a_queued_export_shows_as_queued_instead_of_an_empty_list(client_for, support,
                                                                  django_capture_on_commit_callbacks):
    client = client_for(support)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("admin:domain_export_start_partial"))
    page = client.get(reverse(CHANGELIST)).content.decode()
    assert "Partial export: queued. It starts when a background worker picks it up." in page
    assert 'id="export-progress"' in page and "data-live-status" in page  # the page follows it by itself


def test_a_running_export_shows_its_records_so_far_and_its_year_in_words(client_for, support, running_export):
    page = client_for(support).get(reverse(CHANGELIST)).content.decode()
    assert "Lettings logs 2026 to 2027: running, 3000 records written so far." in page
    assert "Lettings logs 2026 to 2027</td>" in page or ">Lettings logs 2026 to 2027<" in page


def test_nothing_left_to_follow_once_every_export_finished(client_for, support, running_export):
    Export.objects.update(status="succeeded")
    page = client_for(support).get(reverse(CHANGELIST)).content.decode()
    assert "data-live-status" not in page and "Exports not finished yet" not in page


def _finished_export(tmp_path, settings):
    settings.FILE_STORAGE_DIR, settings.S3_BUCKET = tmp_path, ""
    make_user(make_organisation(name="Archive Homes"), email="archive@homes.test")
    with on(date(2026, 11, 28)):
        cds_export(collection="users")
    return Export.objects.get(collection="users")


def test_support_downloads_a_finished_archive_from_the_local_folder(client_for, support, tmp_path, settings):
    export = _finished_export(tmp_path, settings)
    client = client_for(support)
    page = client.get(reverse(CHANGELIST)).content.decode()
    url = reverse("admin:domain_export_archive", args=[export.pk])
    assert f'href="{url}"' in page
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="{export.archive}.zip"'
    assert b"".join(response.streaming_content) == (tmp_path / f"{export.archive}.zip").read_bytes()


def test_support_downloads_a_finished_archive_from_s3(client_for, support, tmp_path, settings, s3):
    bucket = settings.S3_BUCKET
    export = _finished_export(tmp_path, settings)  # written to the local folder, then copied to the bucket
    local = (tmp_path / f"{export.archive}.zip").read_bytes()
    settings.S3_BUCKET = bucket
    with open(tmp_path / f"{export.archive}.zip", "rb") as archive:
        storage.save_file(f"{export.archive}.zip", archive)
    response = client_for(support).get(reverse("admin:domain_export_archive", args=[export.pk]))
    assert response.status_code == 302  # to a presigned link on the bucket
    with urllib.request.urlopen(response["Location"]) as stored:
        assert stored.read() == local


@pytest.mark.parametrize("role_fixture", ["coordinator", "statistician", "provider"])
def test_nobody_else_finds_an_archive(db, request, client_for, role_fixture, tmp_path, settings):
    export = _finished_export(tmp_path, settings)
    client = client_for(request.getfixturevalue(role_fixture))
    assert client.get(reverse("admin:domain_export_archive", args=[export.pk])).status_code == 404


def test_a_running_export_has_no_archive_to_download(client_for, support, running_export):
    running_export.archive = "core_2026_2027_apr_mar_f0001_inc0001"
    running_export.save()
    response = client_for(support).get(reverse("admin:domain_export_archive", args=[running_export.pk]))
    assert response.status_code == 404
