"""The blank template people download is made from the year's declaration, and a copy of it with a
log filled in is what an upload reads."""

import csv
import io

import pytest

from domain.bulk_upload.template import blank_template_csv, header_rows, template_for
from domain.models import LettingsLog, SalesLog, UploadStatus
from domain.services.bulk_uploads import bulk_upload_process, bulk_upload_start
from tests.bulk_upload_files import general_needs_row
from tests.factories import make_local_authority
from tests.sales_bulk_upload_files import shared_ownership_row

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def sheffield(db):
    return make_local_authority(code="E08000039", name="Sheffield", start_date="2000-04-01")


def _filled(log_type: str, cells: dict[int, str]) -> bytes:
    rows = list(csv.reader(io.StringIO(blank_template_csv(log_type, 2026).decode("utf-8-sig"))))
    numbers = [int(n) for n in rows[-1][1:]]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerows(rows)
    writer.writerow(["", *(cells.get(n, "") for n in numbers)])
    return buffer.getvalue().encode("utf-8")


@pytest.mark.parametrize("log_type, fields", [("lettings", 147), ("sales", 136)])
def test_header_rows_name_every_field_of_the_year_in_order(log_type, fields):
    rows = header_rows(log_type, 2026)
    assert [row[0] for row in rows] == ["Section", "Question", "Answers (code: meaning)", "Duplicate check field?",
                                        "Field number"]
    assert rows[-1][1:] == [str(n) for n in range(1, fields + 1)] == [str(n) for n in sorted(template_for(log_type, 2026).fields)]
    assert all(label and not label.startswith("Field ") for label in rows[1][1:])  # every question in words
    assert rows[0][1] == "Before you start"


def test_lettings_header_rows_give_questions_answers_and_the_duplicate_check():
    rows = header_rows("lettings", 2026)
    column = {int(n): i for i, n in enumerate(rows[-1]) if n.isdigit()}
    assert rows[1][column[28]] == "How many bedrooms does the property have?"
    assert rows[2][column[4]] == "1: General needs; 2: Supported housing"
    assert rows[3][column[13]] == "Yes" and rows[3][column[28]] == ""


def test_the_file_is_utf8_with_a_byte_order_mark_and_windows_line_endings():
    data = blank_template_csv("lettings", 2026)
    assert data.startswith(b"\xef\xbb\xbf") and data.count(b"\r\n") == 5


def test_no_template_for_a_year_without_one():
    with pytest.raises(LookupError):
        header_rows("lettings", 1999)


def test_a_filled_in_lettings_template_creates_its_log(uploader, owner):
    data = _filled("lettings", general_needs_row(owner, uploader))
    upload = bulk_upload_start(by=uploader, log_type="lettings", year=2026, fileobj=io.BytesIO(data),
                               file_name="from-template.csv", size=len(data), queue=False)
    upload = bulk_upload_process(upload=upload)
    assert upload.status == UploadStatus.LOGS_CREATED
    assert LettingsLog.objects.filter(bulk_upload=upload).count() == 1


def test_a_filled_in_sales_template_creates_its_log(uploader, owner):
    data = _filled("sales", shared_ownership_row(owner, uploader))
    upload = bulk_upload_start(by=uploader, log_type="sales", year=2026, fileobj=io.BytesIO(data),
                               file_name="sales-from-template.csv", size=len(data), queue=False)
    upload = bulk_upload_process(upload=upload)
    assert upload.status == UploadStatus.LOGS_CREATED, upload.error_summary
    assert SalesLog.objects.filter(bulk_upload=upload).count() == 1
