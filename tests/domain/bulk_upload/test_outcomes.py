"""The outcomes of an upload: set-up errors stop everything; other errors wait for the uploader's
choice; soft checks are confirmed in bulk; duplicates are reported; logs are created all or none."""

import pytest
from django.core.exceptions import PermissionDenied

from domain.models import LettingsLog, LogStatus, Role, UploadStatus
from domain.services import bulk_uploads
from domain.services.bulk_uploads import bulk_upload_create_logs, bulk_upload_delete_logs, bulk_upload_upload_again
from tests.bulk_upload_files import general_needs_row, template_csv
from tests.factories import make_user

pytestmark = pytest.mark.django_db


def errors_of(upload):
    return {(e.row, e.field_number): e for e in upload.errors.all()}


def test_setup_error_creates_nothing_and_reports_the_cell(upload_file, owner, uploader, mailoutbox):
    rows = [general_needs_row(owner, uploader), general_needs_row(owner, uploader, **{"1": "ORG999999", "13": "T-9"})]
    upload = upload_file(template_csv(rows))
    assert upload.status == UploadStatus.IMPORTANT_ERRORS
    assert not LettingsLog.objects.exists()
    error = errors_of(upload)[(10, 1)]
    assert (error.cell, error.category, error.tenant_code) == ("B10", "setup", "T-9")
    assert error.message.startswith("No organisation has this code")
    assert mailoutbox[-1].subject == "CORE bulk upload: Your file has errors on important questions"


def test_invalid_answers_wait_for_a_choice_then_logs_are_created_with_them_cleared(upload_file, owner, uploader):
    rows = [general_needs_row(owner, uploader), general_needs_row(owner, uploader, **{"28": "99", "13": "T-2"})]
    upload = upload_file(template_csv(rows))
    assert upload.status == UploadStatus.CRITICAL_ERRORS
    assert not LettingsLog.objects.exists()
    error = errors_of(upload)[(10, 28)]
    assert (error.cell, error.category) == ("AC10", "")
    assert "no more than 12" in error.message
    upload = bulk_upload_create_logs(upload=upload, by=uploader)
    assert upload.status == UploadStatus.LOGS_CREATED_WITH_ERRORS
    first, second = LettingsLog.objects.order_by("id")
    assert (first.beds, first.status) == (2, LogStatus.COMPLETED)
    assert (second.beds, second.status, second.tenancycode) == (None, LogStatus.IN_PROGRESS, "T-2")
    assert {log.bulk_upload_id for log in (first, second)} == {upload.pk}


def test_choosing_to_upload_again_creates_nothing(upload_file, owner, uploader):
    upload = upload_file(template_csv([general_needs_row(owner, uploader, **{"28": "99"})]))
    upload = bulk_upload_upload_again(upload=upload, by=uploader)
    assert upload.status == UploadStatus.UPLOAD_AGAIN
    assert not LettingsLog.objects.exists()


def test_a_coordinator_of_the_organisation_may_choose_but_an_unrelated_user_may_not(upload_file, owner, uploader,
                                                                                     other_coordinator):
    upload = upload_file(template_csv([general_needs_row(owner, uploader, **{"28": "99"})]))
    with pytest.raises(PermissionDenied):
        bulk_upload_create_logs(upload=upload, by=other_coordinator)
    coordinator = make_user(owner, Role.DATA_COORDINATOR)
    assert bulk_upload_create_logs(upload=upload, by=coordinator).logs_created == 1


def test_soft_checks_are_confirmed_in_bulk(upload_file, owner, uploader):
    upload = upload_file(template_csv([general_needs_row(owner, uploader, **{"41": "80"})]))
    assert upload.status == UploadStatus.POTENTIAL_ERRORS, list(upload.errors.values_list("field_number", "message"))
    soft = upload.errors.filter(category="soft_validation")
    assert soft.exists() and not upload.errors.exclude(category="soft_validation").exists()
    assert {e.field_number for e in soft} & {41, 47}
    upload = bulk_upload_create_logs(upload=upload, by=uploader)
    assert upload.status == UploadStatus.LOGS_CREATED_CONFIRMED
    log = LettingsLog.objects.get()
    assert (log.age1, log.retirement_value_check, log.status) == (80, 0, LogStatus.COMPLETED)


class SameHash(str):
    """A text value whose hash is the same as every other's: forces a hash collision."""

    def __hash__(self):
        return 1


def test_different_rows_whose_keys_share_a_hash_are_not_duplicates(upload_file, owner, uploader, monkeypatch):
    from domain.bulk_upload import reader

    read_rows = reader.data_rows

    def rows_with_colliding_tenant_codes(*args, **kwargs):
        for row in read_rows(*args, **kwargs):
            if row.values.get(13) is not None:
                row.values[13] = SameHash(row.values[13])
            yield row

    monkeypatch.setattr(reader, "data_rows", rows_with_colliding_tenant_codes)
    assert hash(("x", SameHash("T-1"))) == hash(("x", SameHash("T-2")))  # the two keys below collide
    upload = upload_file(template_csv([general_needs_row(owner, uploader, **{"13": "T-1"}),
                                       general_needs_row(owner, uploader, **{"13": "T-2"})]))
    assert upload.status == UploadStatus.LOGS_CREATED, list(upload.errors.values_list("row", "message"))
    assert sorted(LettingsLog.objects.values_list("tenancycode", flat=True)) == ["T-1", "T-2"]


def test_repeated_rows_still_match_when_their_hashes_collide_with_others(upload_file, owner, uploader, monkeypatch):
    from domain.bulk_upload import reader

    read_rows = reader.data_rows

    def rows_with_colliding_tenant_codes(*args, **kwargs):
        for row in read_rows(*args, **kwargs):
            row.values[13] = SameHash(row.values[13])
            yield row

    monkeypatch.setattr(reader, "data_rows", rows_with_colliding_tenant_codes)
    first, second = (general_needs_row(owner, uploader, **{"13": code}) for code in ("T-1", "T-2"))
    upload = upload_file(template_csv([first, second, first]))
    repeated = {e.row for e in upload.errors.all() if e.message.startswith("This row is the same as row")}
    assert upload.status == UploadStatus.IMPORTANT_ERRORS and repeated == {9, 11}


def test_repeated_rows_in_a_file_are_set_up_errors(upload_file, owner, uploader):
    row = general_needs_row(owner, uploader)
    upload = upload_file(template_csv([row, row]))
    assert upload.status == UploadStatus.IMPORTANT_ERRORS
    assert not LettingsLog.objects.exists()
    messages = {(e.row, e.field_number): e.message for e in upload.errors.all()}
    assert messages[(9, 13)] == ("This row is the same as row 10 of the file. Remove the repeated rows, or correct "
                                 "them if they are different lettings.")
    assert (10, 142) in messages and (10, 1) in messages


def test_rows_that_repeat_existing_logs_are_reported(upload_file, owner, uploader):
    data = template_csv([general_needs_row(owner, uploader)])
    assert upload_file(data).logs_created == 1
    again = upload_file(data)
    assert again.status == UploadStatus.DUPLICATES
    assert LettingsLog.objects.count() == 1
    assert "already exists" in errors_of(again)[(9, 8)].message


def test_blank_rows_are_skipped_and_counted(upload_file, owner, uploader):
    upload = upload_file(template_csv([{}, general_needs_row(owner, uploader)]))
    assert (upload.status, upload.rows_total, upload.logs_created) == (UploadStatus.LOGS_CREATED, 2, 1)


def test_a_failure_half_way_creates_no_log(upload_file, owner, uploader, monkeypatch):
    rows = [general_needs_row(owner, uploader, **{"13": f"T-{n}", "28": "99" if n == 2 else "2"}) for n in range(3)]
    upload = upload_file(template_csv(rows))
    from domain.bulk_upload import rows as row_module

    real = row_module.pipeline("lettings")
    calls = []

    def failing_save(**kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("disk full")
        return real[1](**kwargs)

    monkeypatch.setattr(row_module, "pipeline", lambda log_type: (real[0], failing_save))
    monkeypatch.setattr("domain.bulk_upload.processor.pipeline", lambda log_type: (real[0], failing_save))
    with pytest.raises(RuntimeError):
        bulk_upload_create_logs(upload=upload, by=uploader)
    assert not LettingsLog.objects.exists()


def test_a_coordinator_deletes_the_logs_of_an_upload(upload_file, owner, uploader):
    upload = upload_file(template_csv([general_needs_row(owner, uploader), general_needs_row(owner, uploader,
                                                                                             **{"13": "T-2"})]))
    with pytest.raises(PermissionDenied):
        bulk_upload_delete_logs(upload=upload, by=uploader)
    coordinator = make_user(owner, Role.DATA_COORDINATOR)
    assert bulk_upload_delete_logs(upload=upload, by=coordinator, reason="Uploaded twice") == 2
    assert set(LettingsLog.objects.values_list("status", "deletion_reason")) == {(LogStatus.DELETED, "Uploaded twice")}


def test_years_offered_are_the_open_collection_years():
    assert bulk_uploads.bulk_upload_years() == [2026]
