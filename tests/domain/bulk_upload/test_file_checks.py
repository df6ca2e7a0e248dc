"""Files that cannot be processed at all: each is a clear error and nothing is written."""

import io
import os
import zipfile

import pytest
from django.core.exceptions import ValidationError

from domain.models import BulkUpload, LettingsLog, UploadStatus
from domain.services.bulk_uploads import bulk_upload_start
from tests.bulk_upload_files import general_needs_row, header_rows, template_csv

pytestmark = pytest.mark.django_db


def _start(uploader, data: bytes):
    return bulk_upload_start(by=uploader, log_type="lettings", year=2026, fileobj=io.BytesIO(data),
                             file_name="upload.csv", size=len(data), queue=False)


def test_empty_file_is_rejected_on_arrival(uploader):
    with pytest.raises(ValidationError, match="The file is empty"):
        _start(uploader, b"")
    assert not BulkUpload.objects.exists()


def test_xlsx_renamed_to_csv_is_rejected_by_its_content(uploader):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as workbook:
        workbook.writestr("[Content_Types].xml", "<Types/>")
        workbook.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(ValidationError, match=r"Excel workbook \(.xlsx\).*Save As"):
        _start(uploader, buffer.getvalue())
    assert not BulkUpload.objects.exists()


def test_ten_megabytes_of_junk_bytes_is_not_a_csv(uploader):
    junk = os.urandom(10 * 1024 * 1024)
    with pytest.raises(ValidationError, match="not a CSV file: it is not readable text"):
        _start(uploader, junk)
    assert not BulkUpload.objects.exists()


def test_file_over_ten_megabytes_is_rejected(uploader):
    with pytest.raises(ValidationError, match="10MB or less"):
        _start(uploader, b"a," * (5 * 1024 * 1024 + 1))


def test_template_with_only_headers_is_blank(upload_file):
    upload = upload_file(template_csv([]))
    assert upload.status == UploadStatus.BLANK_TEMPLATE
    assert "The template is blank" in upload.error_summary
    assert not LettingsLog.objects.exists()


def test_file_without_header_rows_is_rejected(upload_file, owner, uploader):
    upload = upload_file(template_csv([general_needs_row(owner, uploader)], headers=False))
    assert upload.status == UploadStatus.WRONG_TEMPLATE
    assert "no “Field number” row" in upload.error_summary
    assert not LettingsLog.objects.exists()


def test_file_of_another_year_is_rejected(upload_file, owner, uploader):
    row = general_needs_row(owner, uploader, **{"10": "2025"})
    upload = upload_file(template_csv([row]))
    assert upload.status == UploadStatus.WRONG_TEMPLATE
    assert "not in the 2026 to 2027 collection year" in upload.error_summary
    assert not LettingsLog.objects.exists()


def test_file_with_fields_missing_is_the_wrong_template(upload_file, owner, uploader):
    upload = upload_file(template_csv([general_needs_row(owner, uploader)], field_numbers=range(1, 130)))
    assert upload.status == UploadStatus.WRONG_TEMPLATE
    assert "it has 129 of the template's 147 fields" in upload.error_summary


def test_duplicated_field_number_is_named(upload_file, owner, uploader):
    numbers = [*range(1, 147), 5]
    upload = upload_file(template_csv([general_needs_row(owner, uploader)], field_numbers=numbers))
    assert upload.status == UploadStatus.WRONG_TEMPLATE
    assert "field 5 is in both column F and column ER" in upload.error_summary


def test_extra_header_rows_and_unix_line_endings_still_work(upload_file, owner, uploader):
    data = template_csv([general_needs_row(owner, uploader)], bom=False, newline="\n")
    data = b"Some notes above the template\n\n" + data
    upload = upload_file(data)
    assert upload.status == UploadStatus.LOGS_CREATED
    assert upload.logs_created == 1


def test_failure_email_lists_the_problem(upload_file, mailoutbox):
    upload_file(template_csv([]))
    assert mailoutbox[-1].subject == "CORE bulk upload: We could not check your file"
    assert "- The template is blank" in mailoutbox[-1].body


def test_header_row_count_is_eight(owner):
    assert [row[0] for row in header_rows()][-1] == "Field number"
