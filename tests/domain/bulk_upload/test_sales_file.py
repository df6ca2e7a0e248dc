"""2026 sales files in the official layout, through the same pipeline as lettings files."""

import io
from datetime import date
from decimal import Decimal

import pytest
from django.core import mail

from domain.models import CreationMethod, LettingsLog, LogStatus, SalesLog, UploadStatus
from domain.services.bulk_uploads import bulk_upload_process, bulk_upload_start
from tests.factories import make_local_authority
from tests.sales_bulk_upload_files import discounted_ownership_row, sales_template_csv, shared_ownership_row

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def sheffield(db):
    return make_local_authority(code="E08000039", name="Sheffield", start_date="2000-04-01")


@pytest.fixture
def upload_sales(uploader):
    def run(data: bytes, *, log_type="sales", year=2026):
        upload = bulk_upload_start(by=uploader, log_type=log_type, year=year, fileobj=io.BytesIO(data),
                                   file_name="sales.csv", size=len(data), queue=False)
        return bulk_upload_process(upload=upload)

    return run


def _errors(upload):
    return list(upload.errors.values_list("row", "field_number", "message"))


def test_a_valid_sales_file_creates_complete_logs_with_every_answer(upload_sales, owner, uploader):
    upload = upload_sales(sales_template_csv([shared_ownership_row(owner, uploader),
                                              discounted_ownership_row(owner, uploader)]))
    assert (_errors(upload), upload.error_summary) == ([], "")
    assert upload.status == UploadStatus.LOGS_CREATED
    assert (upload.rows_total, upload.logs_created) == (2, 2)
    shared, discounted = SalesLog.objects.order_by("id")
    assert list(upload.sales_logs.order_by("id")) == [shared, discounted]
    for log in (shared, discounted):
        assert log.status == LogStatus.COMPLETED
        assert (log.bulk_upload_id, log.creation_method) == (upload.pk, CreationMethod.BULK_UPLOAD)
        assert (log.owning_organisation, log.managing_organisation, log.assigned_to) == (owner, owner, uploader)
        assert (log.saledate, log.jointpur, log.privacynotice) == (date(2026, 6, 12), 2, 1)
        assert (log.address_line1, log.town_or_city, log.postcode_full, log.la) == (
            "1 Sale Street", "Sheffield", "S1 2AB", "E08000039")
        assert (log.proptype, log.buildheightclass, log.beds, log.builtype, log.wchair) == (1, 2, 2, 1, 2)
        assert (log.age1_known, log.age1, log.sexrab1, log.gender_same_as_sex1) == (0, 34, "F", 1)
        assert (log.ethnic, log.ethnic_group, log.nationality_all_group, log.ecstat1, log.buy1livein) == (
            1, 0, 826, 1, 1)
        assert (log.hholdcount, log.prevten, log.ppcodenk, log.prevloc) == (1, 1, 0, "E08000039")
        assert (log.hhregres, log.disabled, log.wheel) == (7, 2, 2)
        assert (log.income1nk, log.income1, log.inc1mort, log.hb, log.savingsnk, log.savings, log.prevown) == (
            0, Decimal("32000"), 1, 1, 0, 15000, 2)
    assert (shared.purchid, shared.ownershipsch, shared.type, shared.staircase, shared.noint) == ("P-101", 1, 30, 2, 2)
    assert (shared.resale, shared.proplen_asked, shared.hodate, shared.frombeds, shared.fromprop) == (
        2, 1, date(2026, 5, 1), 2, 1)
    assert (shared.socprevten, shared.value, shared.equity, shared.mortgageused, shared.mortgage) == (
        1, Decimal("150000"), Decimal("40"), 1, Decimal("50000"))
    assert (shared.mortlen, shared.deposit, shared.mrent, shared.has_mscharge, shared.mscharge) == (
        25, Decimal("10000"), Decimal("300.50"), 1, Decimal("50"))
    assert (shared.has_management_fee, shared.soctenant, shared.ppostcode_full) == (0, 1, "S2 3CD")
    assert discounted.ppostcode_full == "S1 2AB"  # a discounted sale's last home is the property itself
    assert (discounted.purchid, discounted.ownershipsch, discounted.type, discounted.noint) == ("P-202", 2, 9, 1)
    assert (discounted.proplen, discounted.value, discounted.grant, discounted.discount) == (
        5, Decimal("120000"), None, Decimal("30"))
    assert (discounted.mortgageused, discounted.mortgage, discounted.mortlen_known, discounted.mortlen) == (
        1, Decimal("80000"), 1, None)
    assert (discounted.extrabor, discounted.deposit, discounted.has_mscharge, discounted.mscharge) == (
        2, Decimal("4000"), 0, None)
    assert "2 logs uploaded" in mail.outbox[-1].subject
