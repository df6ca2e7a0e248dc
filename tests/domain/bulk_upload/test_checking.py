"""A file's rows checked by several processes at once: the same logs and the same errors as when the
upload's own process checks them, nothing created when a checking process fails, and no process left over.

These tests commit (the checking processes have connections of their own, which would not see the rows of
a test's transaction)."""

import io
import multiprocessing
import os

import pytest
from django.db import transaction

from domain.bulk_upload import checking, processor
from domain.models import LettingsLog, SalesLog, UploadStatus
from domain.services.bulk_uploads import bulk_upload_process, bulk_upload_start
from tests.bulk_upload_files import general_needs_row, template_csv
from tests.factories import make_local_authority
from tests.sales_bulk_upload_files import discounted_ownership_row, sales_template_csv, shared_ownership_row

pytestmark = pytest.mark.django_db(transaction=True)
ROWS = checking.SHARED_FROM_ROWS + 60
COMPARED = ("tenancycode", "age1", "beds", "startdate", "owning_organisation_id", "managing_organisation_id",
            "assigned_to_id", "status", "tcharge", "ecstat1", "la", "needstype", "renewal", "hhmemb")


@pytest.fixture
def checkers(settings, monkeypatch):
    """Sets how many processes check the rows; `.used` lists how many each upload was given."""
    def use(count: int):
        settings.BULK_UPLOAD_CHECKERS = count

    use.used = []
    monkeypatch.setattr(processor, "checker_count",
                        lambda rows: use.used.append(checking.checker_count(rows)) or use.used[-1])
    return use


def rows_of(owner, uploader, *, invalid_every=None):
    for n in range(ROWS):
        cells = {"13": f"T-{n}", "41": str(20 + n % 40)}
        if invalid_every and n % invalid_every == 0:
            cells["28"] = "99"  # more bedrooms than a home can have
        yield general_needs_row(owner, uploader, **cells)


def logs_of(upload) -> list[tuple]:
    return list(LettingsLog.objects.filter(bulk_upload=upload).order_by("tenancycode").values_list(*COMPARED))


def errors_of(upload) -> list[tuple]:
    return list(upload.errors.order_by("row", "field_number", "message")
                .values_list("row", "field_number", "cell", "category", "message"))


def test_rows_are_shared_only_where_other_processes_can_check_them(checkers):
    checkers(2)
    assert checking.checker_count(ROWS) == 2
    assert checking.checker_count(checking.SHARED_FROM_ROWS - 1) == 1  # a small file: not worth the processes
    with transaction.atomic():  # a caller's transaction: other connections could not see its rows
        assert checking.checker_count(ROWS) == 1
    checkers(1)
    assert checking.checker_count(ROWS) == 1


def test_a_valid_file_gives_the_same_logs_checked_in_two_processes_as_in_one(upload_file, owner, uploader, checkers):
    data = template_csv(rows_of(owner, uploader))
    checkers(1)
    alone = upload_file(data)
    assert alone.status == UploadStatus.LOGS_CREATED and alone.logs_created == ROWS
    expected = logs_of(alone)
    LettingsLog.objects.filter(bulk_upload=alone).delete()  # or the second upload's rows are duplicates
    checkers(2)
    shared = upload_file(data)
    assert (shared.status, shared.logs_created, shared.rows_processed) == (UploadStatus.LOGS_CREATED, ROWS, ROWS)
    assert logs_of(shared) == expected
    assert checkers.used == [1, 2]
    assert expected[0][:2] == ("T-0", 20) and len(expected) == ROWS
    assert multiprocessing.active_children() == []


def test_a_file_with_errors_gets_the_same_report_checked_in_two_processes(upload_file, owner, uploader, checkers):
    data = template_csv(rows_of(owner, uploader, invalid_every=97))
    checkers(1)
    alone = upload_file(data)
    checkers(2)
    shared = upload_file(data)
    assert alone.status == shared.status == UploadStatus.CRITICAL_ERRORS
    assert errors_of(shared) == errors_of(alone)
    assert checkers.used == [1, 2]
    assert [row for row, field, *_ in errors_of(shared) if field == 28] == [9 + n for n in range(0, ROWS, 97)]  # eight header rows
    assert (shared.rows_with_errors, shared.critical_errors) == (alone.rows_with_errors, alone.critical_errors) == (5, 5)
    assert not LettingsLog.objects.exists()


def test_a_row_that_breaks_a_checking_process_creates_nothing(upload_file, owner, uploader, checkers, monkeypatch):
    checkers(2)
    examine = checking.examine

    def breaks_on_row_300(row, context):
        if row.number == 300:
            raise RuntimeError("the checking process broke")
        return examine(row, context)

    monkeypatch.setattr(checking, "examine", breaks_on_row_300)  # the forked processes have it too
    upload = upload_file(template_csv(rows_of(owner, uploader)))
    assert upload.status == UploadStatus.PROCESSING_ERROR
    assert upload.error_summary.startswith("Something went wrong while checking the file. Upload it again")
    assert not LettingsLog.objects.exists()
    assert multiprocessing.active_children() == []


def test_a_checking_process_that_dies_fails_the_upload_instead_of_waiting_for_ever(upload_file, owner, uploader,
                                                                                 checkers, monkeypatch):
    checkers(2)
    examine = checking.examine

    def dies_on_row_300(row, context):
        if row.number == 300:
            os._exit(9)  # as if the machine had killed it
        return examine(row, context)

    monkeypatch.setattr(checking, "examine", dies_on_row_300)
    monkeypatch.setattr(checking, "BATCH_TIMEOUT_S", 5)
    upload = upload_file(template_csv(rows_of(owner, uploader)))
    assert upload.status == UploadStatus.PROCESSING_ERROR
    assert not LettingsLog.objects.exists()
    assert multiprocessing.active_children() == []


def test_a_sales_file_gives_the_same_logs_checked_in_two_processes(owner, uploader, checkers):
    make_local_authority(code="E08000039", name="Sheffield", start_date="2000-04-01")
    rows = [(shared_ownership_row if n % 2 else discounted_ownership_row)(owner, uploader, **{"7": f"P-{n}"})
            for n in range(ROWS)]
    data = sales_template_csv(rows)

    def upload_sales():
        upload = bulk_upload_start(by=uploader, log_type="sales", year=2026, fileobj=io.BytesIO(data),
                                   file_name="sales.csv", size=len(data), queue=False)
        return bulk_upload_process(upload=upload)

    def sales_logs(upload):
        return list(SalesLog.objects.filter(bulk_upload=upload).order_by("purchid")
                    .values_list("purchid", "ownershipsch", "type", "value", "status", "owning_organisation_id"))

    checkers(1)
    alone = upload_sales()
    expected = sales_logs(alone)
    SalesLog.objects.filter(bulk_upload=alone).delete()
    checkers(2)
    shared = upload_sales()
    assert (shared.status, shared.logs_created) == (UploadStatus.LOGS_CREATED, ROWS)
    assert sales_logs(shared) == expected and len(expected) == ROWS
    assert {ownership for _, ownership, *_ in expected} == {1, 2}
    assert checkers.used == [1, 2]
