"""`manage.py bulk_upload`: the same pipeline, synchronously, with a JSON summary."""

import json

import pytest
from django.core.management import CommandError, call_command

from domain.models import LettingsLog
from tests.bulk_upload_files import general_needs_row, template_csv

pytestmark = pytest.mark.django_db


def run(path, *args):
    from io import StringIO

    out = StringIO()
    call_command("bulk_upload", str(path), "--log-type", "lettings", "--year", "2026", *args, stdout=out)
    return out.getvalue()


def test_command_creates_logs_and_prints_json(tmp_path, owner, uploader):
    path = tmp_path / "lettings.csv"
    path.write_bytes(template_csv([general_needs_row(owner, uploader)]))
    summary = json.loads(run(path, "--user", uploader.email, "--json"))
    assert (summary["status"], summary["rows"], summary["logs_created"], summary["errors"]) == (
        "logs_created", 1, 1, [])
    assert LettingsLog.objects.get().tenancycode == "T-1001"


def test_command_lists_errors_by_row_and_field(tmp_path, owner, uploader):
    path = tmp_path / "lettings.csv"
    path.write_bytes(template_csv([general_needs_row(owner, uploader, **{"1": "ORG0"})]))
    summary = json.loads(run(path, "--user", uploader.email, "--json"))
    assert summary["status"] == "important_errors"
    assert {"row": 9, "field": 1, "message": "No organisation has this code. Check the owning organisation code "
            "(for example ORG123) on the organisation’s page and correct it."} in summary["errors"]


def test_command_rejects_a_workbook_and_an_unknown_user(tmp_path, uploader):
    path = tmp_path / "lettings.csv"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    with pytest.raises(CommandError, match="Excel workbook"):
        run(path, "--user", uploader.email)
    with pytest.raises(CommandError, match="cannot upload logs"):
        run(path, "--user", "nobody@example.com")
