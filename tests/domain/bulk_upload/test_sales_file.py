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


def test_a_sales_file_for_another_year_is_the_wrong_template(upload_sales, owner, uploader):
    upload = upload_sales(sales_template_csv([shared_ownership_row(owner, uploader, **{"3": "2025", "2": "6"})]))
    assert upload.status == UploadStatus.WRONG_TEMPLATE
    assert "not in the 2026 to 2027 collection year" in upload.error_summary
    assert "sales template" in upload.error_summary
    assert not SalesLog.objects.exists()


def test_a_setup_error_on_any_row_creates_nothing(upload_sales, owner, uploader):
    rows = [shared_ownership_row(owner, uploader), discounted_ownership_row(owner, uploader, **{"11": "27"})]
    upload = upload_sales(sales_template_csv(rows))
    assert upload.status == UploadStatus.IMPORTANT_ERRORS
    assert [(row, field, category) for row, field, _, category in
            upload.errors.values_list("row", "field_number", "message", "category")] == [(10, 11, "setup")]
    assert "type of discounted ownership sale" in upload.errors.get().message
    assert upload.errors.get().purchaser_code == "P-202"
    assert (upload.logs_created, SalesLog.objects.count()) == (0, 0)


def test_missing_setup_answers_are_set_up_errors(upload_sales, owner, uploader):
    row = shared_ownership_row(owner, uploader, **{"1": None, "9": None, "15": None})
    upload = upload_sales(sales_template_csv([row]))
    assert upload.status == UploadStatus.IMPORTANT_ERRORS
    fields = set(upload.errors.filter(category="setup").values_list("field_number", flat=True))
    assert {1, 9, 15} <= fields
    assert not SalesLog.objects.exists()


def test_errors_on_an_answer_asked_per_kind_of_sale_go_on_that_sale_s_field(upload_sales, owner, uploader):
    """The price is field 99 for a shared ownership initial purchase and 128 for discounted ownership."""
    rows = [shared_ownership_row(owner, uploader, **{"99": "5"}),
            discounted_ownership_row(owner, uploader, **{"128": "5"})]
    upload = upload_sales(sales_template_csv(rows))
    value_errors = set(upload.errors.filter(field_number__in=(99, 120, 128)).values_list("row", "field_number"))
    assert value_errors == {(9, 99), (10, 128)}
    assert not SalesLog.objects.exists()


def test_letters_and_codes_are_read_as_the_template_says(upload_sales, owner, uploader):
    row = shared_ownership_row(owner, uploader, **{"29": "r", "71": "r", "83": "R", "107": "R", "14": "1",
                                                   "103": "R"})
    upload = upload_sales(sales_template_csv([row]))
    log = SalesLog.objects.get(bulk_upload=upload)
    assert (log.age1_known, log.age1, log.prevten, log.income1nk, log.income1) == (1, None, 0, 1, None)
    assert (log.has_mscharge, log.mscharge, log.mortlen_known, log.mortlen) == (0, None, 1, None)


def test_r_for_mortgage_length_is_refused_when_the_buyer_was_interviewed(upload_sales, owner, uploader):
    upload = upload_sales(sales_template_csv([shared_ownership_row(owner, uploader, **{"103": "R"})]))
    assert list(upload.errors.values_list("field_number", flat=True)) == [103]
    assert "interviewed" in upload.errors.get().message


def test_a_sales_file_uploaded_as_lettings_is_the_wrong_template(upload_sales, owner, uploader):
    upload = upload_sales(sales_template_csv([shared_ownership_row(owner, uploader)]), log_type="lettings")
    assert upload.status == UploadStatus.WRONG_TEMPLATE
    assert "does not match the lettings 2026 to 2027 template" in upload.error_summary
    assert not (SalesLog.objects.exists() or LettingsLog.objects.exists())


def test_a_lettings_file_uploaded_as_sales_is_the_wrong_template(upload_sales, owner, uploader):
    from tests.bulk_upload_files import general_needs_row, template_csv

    upload = upload_sales(template_csv([general_needs_row(owner, uploader)]))
    assert upload.status == UploadStatus.WRONG_TEMPLATE
    assert "does not match the sales 2026 to 2027 template" in upload.error_summary
    assert not (SalesLog.objects.exists() or LettingsLog.objects.exists())


def test_the_command_uploads_a_sales_file(tmp_path, owner, uploader):
    import json

    from django.core.management import call_command

    path = tmp_path / "sales.csv"
    path.write_bytes(sales_template_csv([shared_ownership_row(owner, uploader), discounted_ownership_row(owner, uploader)]))
    out = io.StringIO()
    call_command("bulk_upload", str(path), "--log-type", "sales", "--year", "2026", "--user", uploader.email, "--json",
                 stdout=out)
    summary = json.loads(out.getvalue())
    assert (summary["status"], summary["rows"], summary["logs_created"], summary["errors"]) == (
        "logs_created", 2, 2, [])
    assert sorted(SalesLog.objects.values_list("purchid", flat=True)) == ["P-101", "P-202"]


def test_the_error_report_names_the_purchaser_code(upload_sales, owner, uploader):
    from domain.bulk_upload.report import csv_lines

    upload = upload_sales(sales_template_csv([discounted_ownership_row(owner, uploader, **{"11": "27"})]))
    lines = "".join(csv_lines(upload)).lstrip("\ufeff").splitlines()
    assert lines[0] == "Row,Field number,Cell,Question,Error,Category,Purchaser code"
    assert lines[1].startswith("9,11,L9,Type of discounted ownership sale,")
    assert lines[1].endswith(",P-202")
