"""Every `--json` command prints only JSON on standard output: development emails and logs go to
standard error, so a script can parse what a command prints."""

import io
import json

import pytest
from django.core.management import call_command

from domain.models import ProviderType, Role
from tests.bulk_upload_files import general_needs_row, template_csv
from tests.factories import make_lettings_log, make_organisation, make_user

pytestmark = pytest.mark.django_db
DEVELOPMENT_EMAIL = "config.mail_backends.StderrEmailBackend"


@pytest.fixture(autouse=True)
def development_email(settings):
    """Emails as `make run` sends them (the suite otherwise keeps them in memory)."""
    settings.EMAIL_BACKEND = DEVELOPMENT_EMAIL


def printed_json(capsys, *args):
    """Run a command as a script would (its output on the process's own standard output) and parse
    everything it printed there as one JSON document."""
    call_command(*args)
    captured = capsys.readouterr()
    return json.loads(captured.out), captured.err


def test_development_email_is_the_standard_error_backend_when_no_mail_server_is_set(monkeypatch):
    from tests.config.fresh_settings import fresh_settings

    monkeypatch.delenv("EMAIL_HOST", raising=False)
    monkeypatch.delenv("EMAIL_URL", raising=False)
    assert fresh_settings().EMAIL_BACKEND == DEVELOPMENT_EMAIL
    monkeypatch.setenv("EMAIL_HOST", "smtp.example.test")
    assert fresh_settings().EMAIL_BACKEND == "django.core.mail.backends.smtp.EmailBackend"


def test_bulk_upload_prints_only_json_and_its_email_goes_to_standard_error(capsys, tmp_path):
    owner = make_organisation(name="Greenfield Homes", provider_type=ProviderType.PRP, holds_own_stock=True)
    uploader = make_user(owner, Role.DATA_PROVIDER, email="provider@greenfield.test")
    path = tmp_path / "lettings.csv"
    path.write_bytes(template_csv([general_needs_row(owner, uploader)]))
    summary, err = printed_json(capsys, "bulk_upload", str(path), "--log-type", "lettings", "--year", "2026",
                                "--user", uploader.email, "--json")
    assert (summary["status"], summary["logs_created"]) == ("logs_created", 1)
    assert "To: provider@greenfield.test" in err  # the notification was sent, to standard error


def test_load_reference_data_and_seed_demo_print_only_json(capsys):
    loaded, _ = printed_json(capsys, "load_reference_data", "--json")
    assert loaded["local_authorities"] > 0
    seeded, _ = printed_json(capsys, "seed_demo", "--json")
    assert {"password", "users"} <= set(seeded) and seeded["users"]


def test_export_cds_prints_only_json(capsys, org, provider):
    make_lettings_log(org, provider)
    result, _ = printed_json(capsys, "export_cds", "--collection", "users", "--json")
    assert result["manifest"].startswith("Manifest_") and result["collections"][0]["name"] == "users"


def test_download_csv_prints_only_json(capsys, tmp_path, org, coordinator):
    make_lettings_log(org, coordinator)
    out = tmp_path / "lettings.csv"
    result, _ = printed_json(capsys, "download_csv", "--log-type", "lettings", "--year", "2026", "--labels",
                             "--user", coordinator.email, "--out", str(out), "--json")
    assert result == {"rows": 1, "path": str(out)}


def test_setup_schedules_prints_only_json(capsys):
    result, _ = printed_json(capsys, "setup_schedules", "--json")
    assert [s["name"] for s in result["schedules"]] == ["cds_export_nightly", "review_digest_daily"]


def test_check_answers_prints_only_json(capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO(json.dumps({"needstype": 1})))
    result, _ = printed_json(capsys, "check_answers", "--log-type", "lettings", "--year", "2026", "--json")
    assert result["status"] == "in_progress" and "needstype" in result["shown"]


def test_describe_form_prints_only_json(capsys):
    result, _ = printed_json(capsys, "describe_form", "--log-type", "sales", "--year", "2026", "--json")
    assert result["log_type"] == "sales" and result["questions"]
