"""The statisticians' export: every organisation, filters, columns, pseudonymised by default,
CSV / XLSX / JSON through a django-import-export Resource."""

import csv
import io
import json
from datetime import date

import openpyxl
import pytest
from django.urls import reverse

from domain.models import CsvDownload, DownloadKind
from exports import statistics, storage
from exports.tasks import csv_download_build
from tests.factories import make_lettings_log

pytestmark = pytest.mark.django_db


@pytest.fixture
def logs(org, other_org, provider, other_provider):
    make_lettings_log(org, provider, tenancycode="T-GREEN", la="E08000039", startdate=date(2026, 5, 1))
    make_lettings_log(other_org, other_provider, tenancycode="T-OTHER", la="E08000038", startdate=date(2026, 9, 1),
                      needstype=1)


def export(user, **filters):
    download = CsvDownload.objects.create(user=user, organisation=user.organisation, kind=DownloadKind.STATISTICS,
                                          filters={"log_type": "lettings", "years": ["2026"], **filters})
    csv_download_build(download.pk)
    download.refresh_from_db()
    assert download.status == "ready", download.error
    with storage.open_file(download.file_key) as stored:
        return download, stored.read()


def as_rows(data: bytes):
    return list(csv.reader(io.StringIO(data.decode("utf-8").removeprefix("\ufeff"))))


def test_statistician_export_covers_every_organisation_and_leaves_out_direct_identifiers(statistician, logs):
    download, data = export(statistician)
    header, *rows = as_rows(data)
    assert download.rows == 2 and len(rows) == 2
    for identifier in ("tenancycode", "propcode", "address_line1", "postcode_full", "uprn", "tenancyother",
                       "gender_description1", "created_by", "assigned_to"):
        assert identifier not in header
    assert "T-GREEN" not in data.decode() and "needstype" in header and "la" in header


def test_pseudonymising_can_be_turned_off(statistician, logs):
    _, data = export(statistician, pseudonymised=False)
    header, *rows = as_rows(data)
    assert sorted(r[header.index("tenancycode")] for r in rows) == ["T-GREEN", "T-OTHER"]


def test_filters_and_chosen_columns_in_codes(statistician, logs, org):
    _, data = export(statistician, owners=[str(org.pk)], columns=["id", "needstype", "la"], values="codes")
    assert as_rows(data)[0] == ["id", "needstype", "la"]
    assert as_rows(data)[1][1:] == ["1", "E08000039"]


def test_date_range_and_local_authority_filters(statistician, logs):
    _, data = export(statistician, start_from="2026-08-01", columns=["la"])
    assert as_rows(data)[1:] == [["E08000038"]]
    _, data = export(statistician, las=["E08000039"], columns=["la"])
    assert as_rows(data)[1:] == [["E08000039"]]


def test_xlsx_and_json_formats(statistician, logs):
    _, data = export(statistician, columns=["needstype", "la"], format="xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    assert [c.value for c in next(sheet.rows)] == ["needstype", "la"] and sheet.max_row == 3
    download, data = export(statistician, columns=["needstype"], format="json")
    assert json.loads(data) == [{"needstype": "General needs"}, {"needstype": "General needs"}]
    assert download.filename.endswith(".json")


def test_resource_is_a_django_import_export_resource():
    from import_export.resources import Resource

    cols = statistics.export_columns("lettings", 2026, chosen=["needstype"])
    assert isinstance(statistics.resource_for(cols, codes=False), Resource)


@pytest.mark.parametrize("who, status", [("statistician", 200), ("support", 200), ("coordinator", 403), ("provider", 403)])
def test_export_page_is_for_statisticians_and_support(request, client_for, who, status):
    response = client_for(request.getfixturevalue(who)).get(reverse("admin:domain_csvdownload_statistics"))
    assert response.status_code == status


def test_export_page_queues_the_export(client_for, statistician, logs):
    response = client_for(statistician).post(reverse("admin:domain_csvdownload_statistics"), {
        "log_type": "lettings", "years": ["2026"], "values": "labels", "pseudonymised": "on", "format": "csv"})
    download = CsvDownload.objects.get()
    assert response.status_code == 302 and download.kind == "statistics" and download.total == 2
    assert download.filters["pseudonymised"] is True


def test_sales_are_exported_by_sale_date_without_purchaser_codes(statistician, org, coordinator):
    from domain.models import LocalAuthority, SalesLog
    from domain.services.logs import log_save
    from tests.lettings_answers import apply
    from tests.sales_answers import discounted_ownership_answers

    LocalAuthority.objects.create(code="E08000039", name="Sheffield", start_date=date(2025, 4, 1))
    sale = apply(SalesLog(), discounted_ownership_answers(org, coordinator, purchid="BUYER-7"))
    log_save(log=sale, by=coordinator)
    download, data = export(statistician, log_type="sales", start_from="2026-06-01", start_to="2026-06-01")
    header, *rows = as_rows(data)
    assert download.rows == 1 and len(rows) == 1
    assert "BUYER-7" not in data.decode()  # pseudonymised: no purchaser code
    _, none = export(statistician, log_type="sales", start_from="2026-06-02")
    assert len(as_rows(none)) == 1  # the header only


def test_review_state_column_and_the_approved_only_filter(statistician, logs, org, coordinator):
    from domain.models import LettingsLog

    LettingsLog.objects.filter(tenancycode="T-GREEN").update(review_state="approved")
    _, data = export(statistician)
    header, *rows = as_rows(data)
    assert header[-1] == "review_state"
    assert sorted(row[-1] for row in rows) == ["Approved", "Not submitted"]
    _, data = export(statistician, approved_only=True, columns=["la", "review_state"], values="codes")
    assert as_rows(data) == [["la", "review_state"], ["E08000039", "approved"]]


def test_pseudonyms_join_within_one_export_and_differ_between_exports(statistician, org, other_org, provider,
                                                                      other_provider):
    own = make_lettings_log(org, provider, startdate=date(2026, 5, 1))
    managed = make_lettings_log(other_org, other_provider, startdate=date(2026, 6, 1), manager=org)
    columns = ["id", "owning_organisation_name", "managing_organisation_name"]
    _, first = export(statistician, columns=columns)
    _, second = export(statistician, columns=columns)
    header, *rows = as_rows(first)
    assert header == columns and len(rows) == 2
    by_id = {row[0]: row for row in rows}
    assert len(by_id) == 2 and all(len(pseudonym) == 16 for row in rows for pseudonym in row)
    # Within one file: Greenfield owns the first log and manages the second, under one pseudonym.
    (own_row,) = [r for r in rows if r[1] == r[2]]
    (managed_row,) = [r for r in rows if r[1] != r[2]]
    assert own_row[1] == managed_row[2] and managed_row[1] != own_row[1]
    # Between files: the same logs and organisations have nothing in common.
    _, *again = as_rows(second)
    first_values = {value for row in rows for value in row}
    assert first_values.isdisjoint({value for row in again for value in row})
    # No raw id or name is left.
    for raw in (str(own.pk), str(managed.pk), str(org.pk), str(other_org.pk), org.name, other_org.name):
        assert raw not in {value for row in rows for value in row}
    assert org.name not in first.decode() and other_org.name not in first.decode()


def test_sales_pseudonyms_cover_organisation_and_user_ids(statistician, org, coordinator):
    from domain.models import LocalAuthority, SalesLog
    from domain.services.logs import log_save
    from tests.lettings_answers import apply
    from tests.sales_answers import discounted_ownership_answers

    LocalAuthority.objects.create(code="E08000039", name="Sheffield", start_date=date(2025, 4, 1))
    sale = apply(SalesLog(), discounted_ownership_answers(org, coordinator))
    log_save(log=sale, by=coordinator)
    _, data = export(statistician, log_type="sales")
    header, row = as_rows(data)
    cell = dict(zip(header, row))
    assert cell["OWNINGORGID"] == cell["MANINGORGID"] == cell["OWNINGORGNAME"] == cell["MANINGORGNAME"]
    assert cell["USERNAMEID"] == cell["AMENDEDBYID"] and len(cell["USERNAMEID"]) == 16
    assert cell["ID"] not in (str(sale.pk), "") and cell["OWNINGORGID"] != str(org.pk)
    assert cell["USERNAMEID"] != cell["OWNINGORGID"] and cell["ID"] != cell["OWNINGORGID"]
    assert "CREATEDBY" not in header and coordinator.email not in data.decode()


def test_an_export_without_pseudonyms_keeps_the_ids(statistician, org, provider):
    log = make_lettings_log(org, provider, startdate=date(2026, 5, 1))
    _, data = export(statistician, pseudonymised=False, columns=["id", "owning_organisation_name"])
    assert as_rows(data)[1] == [str(log.pk), org.name]


def test_an_authority_whose_code_was_replaced_is_one_choice_covering_both_codes(db):
    from admin_console.downloads.statistics import StatisticsExportForm
    from domain.models import LocalAuthority

    LocalAuthority.objects.create(code="E08000019", name="Sheffield", start_date=date(2021, 4, 1),
                                  end_date=date(2025, 3, 31))
    LocalAuthority.objects.create(code="E08000039", name="Sheffield", start_date=date(2025, 4, 1))
    LocalAuthority.objects.create(code="E08000038", name="Barnsley", start_date=date(2021, 4, 1))
    form = StatisticsExportForm({"log_type": "lettings", "values": "labels", "format": "csv", "las": ["Sheffield"]})
    assert [label for _, label in form.fields["las"].choices] == ["Barnsley", "Sheffield"]
    assert form.is_valid(), form.errors
    assert form.as_filters()["las"] == ["E08000019", "E08000039"]


def test_the_download_page_of_a_workbook_names_a_workbook_not_a_csv_file(client_for, statistician, logs):
    client = client_for(statistician)
    response = client.post(reverse("admin:domain_csvdownload_statistics"), {
        "log_type": "lettings", "values": "labels", "pseudonymised": "on", "format": "xlsx"}, follow=True)
    page = response.content.decode()
    assert "Download an Excel workbook" in page
    assert "CSV" not in page.split('id="csv-download"', 1)[1]
