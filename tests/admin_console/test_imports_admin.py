"""The imports page (Operations): support upload the original service's files, the job imports them, and the
run's progress and report show on the page; nobody else sees it."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django_q.models import OrmQ
from django_q.signing import SignedPackage

from domain.models import ImportRun, ImportStatus, LettingsLog, Organisation
from exports.cds.run import cds_export_run
from exports.storage import get_storage
from exports.tasks import import_core_run
from tests.exports.cds_import_support import build_small_world, empty_the_database
from tests.factories import make_user

CHANGELIST = "admin:domain_importrun_changelist"
START = "admin:domain_importrun_start_import"


@pytest.fixture
def export_files(db, settings, tmp_path):
    """The small world's full export as uploads, and an empty database (the support user comes after)."""
    settings.FILE_STORAGE_DIR = tmp_path / "original"
    build_small_world()
    cds_export_run(full=True)
    files = [SimpleUploadedFile(path.name, path.read_bytes()) for path in sorted((tmp_path / "original").iterdir())]
    empty_the_database()
    settings.FILE_STORAGE_DIR = tmp_path / "storage"
    return files


@pytest.fixture
def support_user(export_files):
    from domain.models import Role

    return make_user(role=Role.SUPPORT, email="support@mhclg.test", name="Sam Support")


def test_support_uploads_the_files_and_the_job_imports_them(client_for, support_user, export_files,
                                                             django_capture_on_commit_callbacks):
    client = client_for(support_user)
    assert "Export files" in client.get(reverse(START)).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse(START), {"files": export_files})
    assert response.status_code == 302
    run = ImportRun.objects.get()
    assert (run.status, run.started_by, run.dry_run) == (ImportStatus.QUEUED, support_user, False)
    assert sorted(name.rsplit("/", 1)[-1] for name in run.files) == sorted(f.name for f in export_files)
    assert all(get_storage().exists(name) for name in run.files)
    (queued,) = OrmQ.objects.all()
    task = SignedPackage.loads(queued.payload)
    assert (task["func"], task["args"]) == ("exports.tasks.import_core_run", (run.pk,))

    summary = import_core_run(run.pk)  # what the worker runs

    assert summary["status"] == "succeeded"
    run.refresh_from_db()
    assert run.status == ImportStatus.SUCCEEDED
    assert (run.records_read, run.records_total, run.progress_percent) == (7, 7, 100)
    assert run.report["counts"]["lettings"]["created"] == 3
    assert LettingsLog.objects.count() == 3
    assert Organisation.objects.filter(name="Moorland Homes").exists()

    page = client.get(reverse("admin:domain_importrun_change", args=[run.pk])).content.decode()
    assert "Succeeded" in page
    assert "Relationships inferred" in page and "Dale Lettings" in page
    listing = client.get(reverse(CHANGELIST)).content.decode()
    assert "7 of 7 records (100%)" in listing


def test_a_failed_job_shows_the_file_record_and_element(client_for, support_user, export_files,
                                                       django_capture_on_commit_callbacks):
    lettings_only = [f for f in export_files if f.name.startswith("core_2026")]
    with django_capture_on_commit_callbacks(execute=True):
        client_for(support_user).post(reverse(START), {"files": lettings_only})
    run = ImportRun.objects.get()

    summary = import_core_run(run.pk)

    assert summary["status"] == "failed"
    run.refresh_from_db()
    assert run.status == ImportStatus.FAILED
    assert "record 1" in run.error and "<owningorgid>" in run.error
    page = client_for(support_user).get(reverse("admin:domain_importrun_change", args=[run.pk])).content.decode()
    assert "owningorgid" in page


def test_only_zip_and_csv_files_are_taken(client_for, support_user):
    response = client_for(support_user).post(reverse(START), {"files": [SimpleUploadedFile("notes.txt", b"hi")]})
    assert response.status_code == 200
    assert "Only .zip and .csv files can be imported, not notes.txt." in response.content.decode()
    assert not ImportRun.objects.exists() and not OrmQ.objects.exists()


@pytest.mark.parametrize("role_fixture", ["coordinator", "statistician", "provider"])
def test_other_roles_cannot_see_or_start_imports(request, client_for, role_fixture):
    client = client_for(request.getfixturevalue(role_fixture))
    assert client.get(reverse(CHANGELIST)).status_code == 403
    assert client.post(reverse(START), {"files": [SimpleUploadedFile("a.zip", b"x")]}).status_code == 403
    assert not ImportRun.objects.exists() and not OrmQ.objects.exists()

