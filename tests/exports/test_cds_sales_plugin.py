"""Sales plug into the CDS export with a field list: the machinery, before sales logs exist."""

from datetime import date
from decimal import Decimal
from unittest import mock

import pytest

from domain.forms.catalogue import DATE, NUMERIC, RADIO, TEXT, Form, Page, Question, Section, Subsection, options
from domain.models import LettingsLog
from exports.cds import plan
from exports.cds.collections import LogCollection
from exports.cds.fields import stored
from exports.cds.run import cds_export_run
from exports.cds.sales import sales_fields
from tests.exports.cds_support import exported_records
from tests.factories import make_organisation, make_user
from tests.lettings_answers import general_needs_answers
from tests.clock import on

SALES_LIKE_FORM = Form("sales", 2026, sections=(Section("s", "S", (Subsection("sub", "Sub", pages=(
    Page("p", (
        Question("purchid", TEXT, "Purchaser code"),
        Question("saledate", DATE, "Sale date"),
        Question("ownershipsch", RADIO, "Ownership", options=options((1, "Shared"), (2, "Discounted"))),
        Question("has_mscharge", RADIO, "Has charges", options=options((0, "No"), (1, "Yes"))),
        Question("mscharge", NUMERIC, "Charges", step=Decimal("0.01")),
        Question("jointpur", RADIO, "Joint", options=options((1, "Yes"), (2, "No"))),
        Question("brand_new_question", TEXT, "New this year"),
    )),
)),)),))


def test_sales_elements_are_upper_case_renamed_and_in_cds_order():
    names = [f.name for f in sales_fields(SALES_LIKE_FORM, LettingsLog)]
    assert names[:3] == ["ID", "STATUS", "PURCHID"]
    assert names.index("BRAND_NEW_QUESTION") == names.index("DAY") - 1  # after the known stored columns
    assert "JOINT" in names and "JOINTPUR" not in names
    assert {"SALEDATE", "MSCHARGE_VALUE_CHECK", "DISCARDED_AT"}.isdisjoint(names)
    assert names[names.index("DAY"):names.index("DAY") + 3] == ["DAY", "MONTH", "YEAR"]


def test_service_charges_go_to_the_element_of_the_ownership_scheme():
    fields = {f.name: f for f in sales_fields(SALES_LIKE_FORM, LettingsLog)}
    shared = {"ownershipsch": 1, "has_mscharge": 1, "mscharge": Decimal("120.50"), "saledate": date(2026, 4, 9)}
    discounted = shared | {"ownershipsch": 2}
    read = lambda row, *names: [fields[n].get(row, None) for n in names]  # noqa: E731
    elements = ("HASSERVICECHARGES", "SERVICECHARGES", "HASMSCHARGE", "MSCHARGE")
    assert read(shared, *elements) == ["1", "120.5", None, None]
    assert read(discounted, *elements) == [None, None, "1", "120.5"]
    assert read(shared, "DAY", "MONTH", "YEAR", "COLLECTIONYEAR") == ["9", "4", "2026", "2026"]


class StandInSales(LogCollection):
    """A sales collection over lettings rows: enough to drive the run machinery."""

    name = "sales"
    model = LettingsLog
    date_field = "startdate"

    def __init__(self, year):
        super().__init__(year)
        self.archive_prefix = f"core_sales_{year}_{year + 1}_apr_mar"

    def fields(self):
        return [stored(LettingsLog, "id", "ID")]


@pytest.mark.django_db
def test_a_sales_collection_is_exported_for_years_from_2025_and_listed_after_lettings(storage):
    owner = make_organisation(name="Sales Homes")
    user = make_user(owner, email="seller@homes.test")
    LettingsLog.objects.create(**general_needs_answers(owner, user, startdate=date(2026, 6, 1)), status=2)
    with on(date(2026, 11, 28)), \
            mock.patch.object(plan, "sales_collection_class", return_value=StandInSales):
        assert [c.year for c in plan.collections_for("sales")] == [2025, 2026, 2027]
        result = cds_export_run()
    archives = [c.export.archive for c in result.collections if c.export.archive]
    assert "core_sales_2026_2027_apr_mar_f0001_inc0001" in archives
    manifest = storage.open(result.manifest).read().decode().splitlines()
    assert [line.split(",")[0] for line in manifest[1:]] == [
        "core_2026_2027_apr_mar_f0001_inc0001", "core_sales_2026_2027_apr_mar_f0001_inc0001",
        "users_2024_2025_apr_mar_f0001_inc0001", "organisations_2024_2025_apr_mar_f0001_inc0001"]
    (record,) = exported_records(storage, "core_sales_2026_2027_apr_mar_f0001_inc0001.zip")
    assert record == [("ID", str(LettingsLog.objects.get().pk))]


def test_sales_are_exported_now_the_service_holds_sales_logs():
    assert plan.sales_collection_class() is not None
    assert {c.name for c in plan.collections_for()} == {"users", "organisations", "lettings", "sales"}
