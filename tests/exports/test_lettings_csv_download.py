"""Lettings downloads: each role gets exactly its logs and its columns, of one year, safely written."""

import json
from datetime import date

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import CommandError, call_command

from domain.selectors.logs import logs_listed
from domain.models import LettingsLog, LogStatus
from exports.csv import downloads
from exports.csv.writer import neutralise
from tests.exports.csv_text import log_download, read_csv
from tests.factories import make_lettings_log, make_user, relate

pytestmark = pytest.mark.django_db


def download(user, **options):
    return log_download(user, "lettings", **options)


def tenant_codes(rows):
    column = rows[1].index("tenancycode")
    return sorted(row[column] for row in rows[2:])


@pytest.fixture
def logs(org, other_org, provider, other_provider):
    make_lettings_log(org, provider, tenancycode="OWNED")
    make_lettings_log(other_org, other_provider, manager=org, tenancycode="MANAGED-FOR-US")
    make_lettings_log(other_org, other_provider, tenancycode="NOT-OURS")
    make_lettings_log(org, provider, tenancycode="LAST-YEAR", startdate=date(2026, 3, 31))
    make_lettings_log(org, provider, tenancycode="DELETED", status=LogStatus.DELETED)


def test_provider_gets_logs_their_organisation_owns_or_manages_and_no_others(provider, logs):
    assert tenant_codes(download(provider)) == ["MANAGED-FOR-US", "OWNED"]


def test_coordinator_gets_the_same_logs_as_their_organisation(coordinator, logs):
    assert tenant_codes(download(coordinator)) == ["MANAGED-FOR-US", "OWNED"]


def test_other_organisation_gets_only_its_own_logs(other_coordinator, logs):
    assert tenant_codes(download(other_coordinator)) == ["MANAGED-FOR-US", "NOT-OURS"]


def test_support_gets_every_log_of_the_year_and_every_column(support, logs):
    rows = download(support)
    assert tenant_codes(rows) == ["MANAGED-FOR-US", "NOT-OURS", "OWNED"]
    assert len(rows[1]) == 232 and "created_by" in rows[1] and "la_as_entered" in rows[1]


def test_statistician_gets_every_log_with_the_non_support_columns(statistician, logs):
    rows = download(statistician)
    assert tenant_codes(rows) == ["MANAGED-FOR-US", "NOT-OURS", "OWNED"]
    assert len(rows[1]) == 185 and "created_by" not in rows[1]


def test_non_support_users_get_185_columns_without_soft_checks(provider, logs):
    header = download(provider)[1]
    assert len(header) == 185
    assert not [h for h in header if h.endswith("_value_check")]


@pytest.mark.parametrize("who", ["provider", "coordinator", "statistician"])
def test_only_support_may_download_codes(request, who, logs):
    with pytest.raises(PermissionDenied, match="Only customer support"):
        download(request.getfixturevalue(who), codes=True)


def test_rows_come_in_ascending_id_order(support, logs):
    ids = [int(row[0]) for row in download(support)[2:]]
    assert ids == sorted(ids) and len(ids) == 3


def test_a_formula_looking_tenant_code_is_neutralised(provider, org):
    make_lettings_log(org, provider, tenancycode="=HYPERLINK(\"http://evil.test\",\"x\")", propcode="@SUM(A1)")
    header, row = download(provider)[1:]
    values = dict(zip(header, row))
    assert values["tenancycode"] == "'=HYPERLINK(\"http://evil.test\",\"x\")"
    assert values["propcode"] == "'@SUM(A1)"


def test_neutralising_leaves_numbers_and_plain_text_alone():
    assert neutralise("-9") == "-9" and neutralise("-12.5") == "-12.5"
    assert neutralise("+44 20") == "'+44 20" and neutralise("-x") == "'-x" and neutralise("T-1") == "T-1"
    assert neutralise(None) == ""


def test_list_filters_and_search_narrow_the_download(support, logs, org):
    listed = logs_listed(support, LettingsLog, {"q": "owned"})
    rows = list(downloads.log_rows(support, "lettings", 2026, queryset=listed))
    assert [r[rows[1].index("tenancycode")] for r in rows[2:]] == ["OWNED"]
    by_owner = logs_listed(support, LettingsLog, {"owner": str(org.pk)})
    rows = list(downloads.log_rows(support, "lettings", 2026, queryset=by_owner))
    assert sorted(r[rows[1].index("tenancycode")] for r in rows[2:]) == ["OWNED"]


def test_a_list_queryset_never_widens_what_the_user_may_see(provider, logs):
    everything = LettingsLog.objects.all()
    rows = list(downloads.log_rows(provider, "lettings", 2026, queryset=everything))
    assert sorted(r[rows[1].index("tenancycode")] for r in rows[2:]) == ["MANAGED-FOR-US", "OWNED"]


def test_a_year_without_a_layout_is_refused_plainly(support):
    with pytest.raises(LookupError, match="There is no lettings download for 2019"):
        download_rows = downloads.log_rows(support, "lettings", 2019)
        next(download_rows)


def test_command_writes_the_labels_file_and_prints_json(provider, logs, tmp_path, capsys):
    out = tmp_path / "lettings.csv"
    call_command("download_csv", "--log-type", "lettings", "--year", "2026", "--labels", "--user", provider.email,
                 "--out", str(out), "--json")
    assert json.loads(capsys.readouterr().out) == {"rows": 2, "path": str(out)}
    text = out.read_text(encoding="utf-8")
    assert text.startswith("\ufeff") and "MANAGED-FOR-US" in text and "NOT-OURS" not in text


def test_command_codes_for_support(support, logs, tmp_path, capsys):
    out = tmp_path / "codes.csv"
    call_command("download_csv", "--log-type", "lettings", "--year", "2026", "--codes", "--user", support.email,
                 "--out", str(out), "--json")
    assert json.loads(capsys.readouterr().out)["rows"] == 3
    rows = read_csv(out.read_text(encoding="utf-8"))
    assert {row[rows[1].index("needstype")] for row in rows[2:]} == {"1"}


def test_command_refuses_codes_to_a_provider(provider, tmp_path):
    with pytest.raises(CommandError, match="Only customer support can download codes"):
        call_command("download_csv", "--log-type", "lettings", "--year", "2026", "--codes", "--user", provider.email,
                     "--out", str(tmp_path / "x.csv"))


def test_command_needs_a_year_for_logs(provider, tmp_path):
    with pytest.raises(CommandError, match="--year"):
        call_command("download_csv", "--log-type", "lettings", "--user", provider.email, "--out", str(tmp_path / "x.csv"))


def test_command_refuses_kind_and_log_type_together(provider, tmp_path):
    with pytest.raises(CommandError, match="either --kind or --log-type"):
        call_command("download_csv", "--kind", "users", "--log-type", "lettings", "--year", "2026",
                     "--user", provider.email, "--out", str(tmp_path / "x.csv"))


def test_coordinator_users_download_holds_their_organisation_only(coordinator, provider, other_provider, tmp_path,
                                                                  capsys):
    out = tmp_path / "users.csv"
    call_command("download_csv", "--kind", "users", "--user", coordinator.email, "--out", str(out), "--json")
    assert json.loads(capsys.readouterr().out)["rows"] == 2
    rows = read_csv(out.read_text(encoding="utf-8"))
    assert rows[0] == ["id", "email", "name", "organisation_name", "role", "old_user_id", "is_dpo", "is_key_contact",
                       "active", "sign_in_count", "last_sign_in_at"]
    assert sorted(r[1] for r in rows[1:]) == [coordinator.email, provider.email]
    assert {r[4] for r in rows[1:]} == {"data_coordinator", "data_provider"}


def test_support_users_download_holds_everyone(support, provider, other_provider):
    rows = list(downloads.rows(support, "users"))
    assert {provider.email, other_provider.email, support.email} <= {r[1] for r in rows[1:]}


def test_provider_cannot_download_users(provider):
    with pytest.raises(PermissionDenied):
        list(downloads.rows(provider, "users"))


def test_organisations_a_user_is_related_to_do_not_widen_the_users_download(coordinator, other_org, org):
    relate(org, other_org)
    make_user(other_org, email="agent@agent.test")
    assert "agent@agent.test" not in {r[1] for r in downloads.rows(coordinator, "users")}
