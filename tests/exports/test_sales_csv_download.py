"""Sales downloads: each role gets exactly its logs and its columns, of one year, through the same
writer and command as lettings."""

import json
from datetime import date

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import CommandError, call_command

from domain.selectors.logs import logs_listed
from domain.models import LogStatus, SalesLog
from exports.csv import downloads
from tests.exports.csv_text import log_download, read_csv

pytestmark = pytest.mark.django_db


def make_sales_log(owner, user, *, manager=None, status=LogStatus.COMPLETED, saledate=date(2026, 5, 1), **answers):
    return SalesLog.objects.create(owning_organisation=owner, managing_organisation=manager or owner, assigned_to=user,
                                   created_by=user, saledate=saledate, status=status, **answers)


def download(user, **options):
    return log_download(user, "sales", **options)


def purchaser_codes(rows):
    header = [h.lower() for h in rows[1]]
    column = header.index("purchid")
    return sorted(row[column] for row in rows[2:])


@pytest.fixture
def logs(org, other_org, provider, other_provider):
    make_sales_log(org, provider, purchid="OWNED")
    make_sales_log(other_org, other_provider, manager=org, purchid="REPORTED-BY-US")
    make_sales_log(other_org, other_provider, purchid="NOT-OURS")
    make_sales_log(org, provider, purchid="LAST-YEAR", saledate=date(2026, 3, 31))
    make_sales_log(org, provider, purchid="DELETED", status=LogStatus.DELETED)
    make_sales_log(org, provider, purchid="PENDING", status=LogStatus.PENDING)


def test_provider_gets_logs_their_organisation_owns_or_reports_and_no_others(provider, logs):
    assert purchaser_codes(download(provider)) == ["OWNED", "REPORTED-BY-US"]


def test_coordinator_gets_the_same_logs_as_their_organisation(coordinator, logs):
    assert purchaser_codes(download(coordinator)) == ["OWNED", "REPORTED-BY-US"]


def test_other_organisation_gets_only_its_own_logs(other_coordinator, logs):
    assert purchaser_codes(download(other_coordinator)) == ["NOT-OURS", "REPORTED-BY-US"]


def test_provider_gets_the_154_non_support_columns_with_internal_names(provider, logs):
    header = download(provider)[1]
    assert len(header) == 154 and header[:3] == ["id", "status", "duplicate_set_id"]
    assert {"pcode1", "pcode2", "uprn_confirmed"} <= set(header)
    removed = {"created_by", "created_by_id", "value_value_check", "mscharge_value_check", "postcode_full",
               "la_as_entered", "is_la_inferred"}
    assert not removed & set(header)


def test_support_gets_every_log_of_the_year_and_the_164_cds_named_columns(support, logs):
    rows = download(support)
    assert purchaser_codes(rows) == ["NOT-OURS", "OWNED", "REPORTED-BY-US"]
    assert len(rows[1]) == 164 and rows[1][:3] == ["ID", "STATUS", "DUPLICATESET"]
    assert {"CREATEDBY", "POSTCODE", "BULKLA", "MSCHARGE_VALUE_CHECK"} <= set(rows[1])
    assert "UPRNCONFIRMED" not in rows[1] and "PCODE1" not in rows[1]


def test_statistician_gets_every_log_with_the_non_support_columns(statistician, logs):
    rows = download(statistician)
    assert purchaser_codes(rows) == ["NOT-OURS", "OWNED", "REPORTED-BY-US"]
    assert len(rows[1]) == 154


@pytest.mark.parametrize("who", ["provider", "coordinator", "statistician"])
def test_only_support_may_download_codes(request, who, logs):
    with pytest.raises(PermissionDenied, match="Only customer support"):
        download(request.getfixturevalue(who), codes=True)


def test_support_codes_write_codes(support, org, provider):
    make_sales_log(org, provider, purchid="P1", ownershipsch=2, jointpur=1)
    labels = dict(zip(*download(support)[1:]))
    codes = dict(zip(*download(support, codes=True)[1:]))
    assert (labels["OWNERSHIP"], codes["OWNERSHIP"]) == ("Discounted Ownership", "2")
    assert (labels["JOINT"], codes["JOINT"]) == ("Yes", "1")
    assert (labels["DAY"], labels["MONTH"], labels["YEAR"]) == ("1", "5", "2026")


def test_monthly_charges_are_service_charges_for_shared_ownership_only(provider, org):
    make_sales_log(org, provider, purchid="SHARED", ownershipsch=1, has_mscharge=1, mscharge="120.50")
    make_sales_log(org, provider, purchid="DISCOUNTED", ownershipsch=2, has_mscharge=1, mscharge="99.00")
    header, *rows = download(provider)[1:]
    by_code = {row[header.index("purchid")]: dict(zip(header, row)) for row in rows}
    shared, discounted = by_code["SHARED"], by_code["DISCOUNTED"]
    assert (shared["has_servicecharges"], shared["servicecharges"]) == ("Yes", "120.5")
    assert (shared["has_mscharge"], shared["mscharge"]) == ("", "")
    assert (discounted["has_servicecharges"], discounted["servicecharges"]) == ("", "")
    assert (discounted["has_mscharge"], discounted["mscharge"]) == ("Yes", "99.0")


def test_rows_come_in_ascending_id_order(support, logs):
    ids = [int(row[0]) for row in download(support)[2:]]
    assert ids == sorted(ids) and len(ids) == 3


def test_a_formula_looking_purchaser_code_is_neutralised(provider, org):
    make_sales_log(org, provider, purchid="=1+2")
    header, row = download(provider)[1:]
    assert dict(zip(header, row))["purchid"] == "'=1+2"


def test_list_filters_and_search_narrow_the_download(support, logs):
    listed = logs_listed(support, SalesLog, {"q": "OWNED"})
    rows = list(downloads.log_rows(support, "sales", 2026, queryset=listed))
    assert purchaser_codes(rows) == ["OWNED"]


def test_a_list_queryset_never_widens_what_the_user_may_see(provider, logs):
    rows = list(downloads.log_rows(provider, "sales", 2026, queryset=SalesLog.objects.all()))
    assert purchaser_codes(rows) == ["OWNED", "REPORTED-BY-US"]


def test_a_year_without_a_sales_layout_is_refused_plainly(support):
    with pytest.raises(LookupError, match="There is no sales download for 2019. Choose one of: 2026"):
        next(downloads.log_rows(support, "sales", 2019))


def test_command_writes_the_sales_labels_file_and_prints_json(provider, logs, tmp_path, capsys):
    out = tmp_path / "sales.csv"
    call_command("download_csv", "--log-type", "sales", "--year", "2026", "--labels", "--user", provider.email,
                 "--out", str(out), "--json")
    assert json.loads(capsys.readouterr().out) == {"rows": 2, "path": str(out)}
    text = out.read_text(encoding="utf-8")
    assert text.startswith("\ufeff") and "REPORTED-BY-US" in text and "NOT-OURS" not in text


def test_command_writes_sales_codes_for_support(support, logs, tmp_path, capsys):
    out = tmp_path / "codes.csv"
    call_command("download_csv", "--log-type", "sales", "--year", "2026", "--codes", "--user", support.email,
                 "--out", str(out), "--json")
    assert json.loads(capsys.readouterr().out)["rows"] == 3
    rows = read_csv(out.read_text(encoding="utf-8"))
    assert rows[1][0] == "ID" and {row[rows[1].index("STATUS")] for row in rows[2:]} == {"completed"}


def test_command_refuses_sales_codes_to_a_provider(provider, tmp_path):
    with pytest.raises(CommandError, match="Only customer support can download codes"):
        call_command("download_csv", "--log-type", "sales", "--year", "2026", "--codes", "--user", provider.email,
                     "--out", str(tmp_path / "x.csv"))
