"""Sales logs of one collection year (spec cds-export §8): plugs in once `domain.models.SalesLog` exists.

Elements are the stored column names upper-cased, except the renames and computed fields declared
here; which columns exist comes from the year's sales form catalogue, as for lettings. A column of
the form that is neither exported nor in SALES_EXCLUDED is written after the known columns.
"""

from __future__ import annotations

from django.apps import apps

from domain import collection
from domain.forms import registry
from domain.models import LocalAuthority
from domain.selectors.organisation_names import NameBook

from . import values
from .collections import LogCollection
from .fields import ExportField, computed, stored

RENAMES = {
    "ownershipsch": "OWNERSHIP", "jointpur": "JOINT", "ethnic_group": "ETHNICGROUP1",
    "ethnic_group2": "ETHNICGROUP2", "previous_la_known": "PREVIOUSLAKNOWN", "income1nk": "INC1NK",
    "income2nk": "INC2NK", "postcode_full": "POSTCODE", "is_la_inferred": "ISLAINFERRED", "mortlen": "MORTLEN1",
    "ethnicbuy2": "ETHNIC2", "prevtenbuy2": "PREVTEN2", "address_line1": "ADDRESS1", "address_line2": "ADDRESS2",
    "town_or_city": "TOWNCITY", "address_line1_input": "ADDRESS1INPUT", "postcode_full_input": "POSTCODEINPUT",
    "uprn_selection": "UPRNSELECTED", "address_line1_as_entered": "BULKADDRESS1",
    "address_line2_as_entered": "BULKADDRESS2", "town_or_city_as_entered": "BULKTOWNCITY",
    "county_as_entered": "BULKCOUNTY", "postcode_full_as_entered": "BULKPOSTCODE", "la_as_entered": "BULKLA",
    "nationality_all": "NATIONALITYALL1", "nationality_all_buyer2": "NATIONALITYALL2",
    "buy1livein": "LIVEINBUYER1", "buy2livein": "LIVEINBUYER2", "has_management_fee": "HASESTATEFEE",
    "management_fee": "ESTATEFEE", "monthly_charges_value_check": "MSCHARGE_VALUE_CHECK",
    "duplicate_set_id": "DUPLICATESET", "staircasesale": "STAIRCASETOSALE", "creation_method": "CREATIONMETHOD",
    "bulk_upload_id": "BULKUPLOADID",
}
SALES_EXCLUDED = {
    "saledate": "exported as DAY, MONTH, YEAR",
    "hodate": "exported as HODAY, HOMONTH, HOYEAR",
    "lasttransaction": "exported as STAIRLASTDAY, STAIRLASTMONTH, STAIRLASTYEAR",
    "initialpurchase": "exported as STAIRINITIALDAY, STAIRINITIALMONTH, STAIRINITIALYEAR",
    "has_mscharge": "exported as HASMSCHARGE or HASSERVICECHARGES by ownership scheme",
    "mscharge": "exported as MSCHARGE or SERVICECHARGES by ownership scheme",
    "owning_organisation_id": "exported as OWNINGORGID / OWNINGORGNAME",
    "managing_organisation_id": "exported as MANINGORGID / MANINGORGNAME",
    "assigned_to_id": "exported as USERNAME / USERNAMEID",
    "income1": "exported as whole pounds (INCOME1), an integer in CDS",
    "income2": "exported as whole pounds (INCOME2), an integer in CDS",
    **{f"ho{part}": "the handover date's parts: CDS takes them from hodate" for part in ("day", "month", "year")},
    "age1_known": "routing question; CDS takes age1",
    **{f"age{n}_known": f"routing question; CDS takes age{n}" for n in range(2, 7)},
    **{f"details_known_{n}": f"routing question; CDS takes person {n}'s answers" for n in range(2, 7)},
    "nationality_all_group": "CDS takes the detailed nationality code (NATIONALITYALL1)",
    "nationality_all_buyer2_group": "CDS takes the detailed nationality code (NATIONALITYALL2)",
    "proplen_asked": "routing question; CDS takes proplen",
    "mortlen_known": "routing question; CDS takes mortlen (MORTLEN1)",
    "la_known": "routing question; CDS takes la",
    "uprn_known": "routing question; CDS takes uprn",
    "uprn_confirmed": "address confirmation: not in CDS's sales table",
    "manual_address_entry_selected": "internal: how the address was entered",
    "is_previous_la_inferred": "internal: whether prevloc came from the previous postcode",
    "ppostcode_full": "CDS takes its halves (PPOSTC1 / PPOSTC2)",
    **{c: "derived from the previous postcode: CDS takes PPOSTC1 / PPOSTC2 / PPCODENK"
       for c in ("pcode1", "pcode2", "pcodenk")},
    **{c: "derived household count: not in CDS's sales table" for c in ("hhmemb", "totchild", "totadult")},
    "soctenant": "derived: not in CDS's sales table",
    "hodate_check": "soft check confirmation not in CDS's table",
    **{c: "soft check confirmation not in CDS's table" for c in (
        "income1_value_check", "income2_value_check", "combined_income_value_check",
        "percentage_discount_value_check", "retirement_value_check", "old_persons_shared_ownership_value_check",
        "buyer_livein_value_check", "partner_under_16_value_check", "multiple_partners_value_check",
        "wheel_value_check", "mortgage_value_check", "savings_value_check", "deposit_value_check",
        "staircase_bought_value_check", "stairowned_value_check", "grant_value_check",
        "deposit_and_mortgage_value_check")},
    **{c: "legacy CORE identifiers: not in CDS's sales table" for c in ("old_id", "old_form_id")},
}
# Columns of the log that are not questions. The one the service does not store (the address search
# soft check) is written empty until the column exists, then exported as stored.
SYSTEM_COLUMNS = ("status", "creation_method", "bulk_upload_id", "duplicate_set_id", "address_search_value_check")
SHARED_OWNERSHIP, DISCOUNTED_OWNERSHIP = 1, 2


def _parts(column: str, prefix: str) -> list[ExportField]:
    """DAY / MONTH / YEAR of a date column, as integers without padding."""
    return [computed(f"{prefix}{part.upper()}", lambda r, c, p=part: None if r[column] is None
                     else str(getattr(r[column], p)), column) for part in ("day", "month", "year")]


def _charge(scheme: int, column: str, element: str) -> ExportField:
    return computed(element, lambda r, c: values.text(r[column]) if r["ownershipsch"] == scheme else None,
                    column, "ownershipsch")


def _la_name(column: str, element: str) -> ExportField:
    return computed(element, lambda r, c: c.la_name(r[column]), column)


def _whole(column: str) -> ExportField:
    return computed(column.upper(), lambda r, c: values.whole(r[column]), column)


def _name_on_sale_date(relation: str, element: str) -> ExportField:
    """The organisation's name in force on the sale completion date (spec §3)."""
    return computed(element, lambda r, c: values.text(c.organisation_names.name(
        r[f"{relation}_id"], r[f"{relation}__name"], r["saledate"])),
        f"{relation}_id", f"{relation}__name", "saledate")


def _text(column: str, element: str) -> ExportField:
    return computed(element, lambda r, c: values.text(r[column]), column)


COMPUTED = [
    computed("ID", lambda r, c: str(r["id"]), "id"),
    *_parts("saledate", ""),
    computed("CREATEDDATE", lambda r, c: values.iso(r["created_at"]), "created_at"),
    _text("created_by__email", "CREATEDBY"), _text("created_by_id", "CREATEDBYID"),
    _text("assigned_to__email", "USERNAME"), _text("assigned_to_id", "USERNAMEID"),
    computed("UPLOADDATE", lambda r, c: values.iso(r["updated_at"]), "updated_at"),
    _text("updated_by__email", "AMENDEDBY"), _text("updated_by_id", "AMENDEDBYID"),
    _text("owning_organisation_id", "OWNINGORGID"), _name_on_sale_date("owning_organisation", "OWNINGORGNAME"),
    _text("managing_organisation_id", "MANINGORGID"), _name_on_sale_date("managing_organisation", "MANINGORGNAME"),
    computed("COLLECTIONYEAR", lambda r, c: str(collection.collection_year_of(r["saledate"])), "saledate"),
    _charge(DISCOUNTED_OWNERSHIP, "has_mscharge", "HASMSCHARGE"), _charge(DISCOUNTED_OWNERSHIP, "mscharge", "MSCHARGE"),
    _charge(SHARED_OWNERSHIP, "has_mscharge", "HASSERVICECHARGES"),
    _charge(SHARED_OWNERSHIP, "mscharge", "SERVICECHARGES"),
    *_parts("hodate", "HO"), *_parts("lasttransaction", "STAIRLAST"), *_parts("initialpurchase", "STAIRINITIAL"),
    _la_name("la", "LANAME"), _la_name("prevloc", "PREVLOCNAME"), _whole("income1"), _whole("income2"),
]

ORDER_2026 = """
ID STATUS PURCHID TYPE JOINTMORE BEDS AGE1 SEXRAB1 ETHNIC BUILTYPE PROPTYPE AGE2 RELAT2 SEXRAB2 NOINT ECSTAT2
PRIVACYNOTICE ECSTAT1 WHEEL HHOLDCOUNT AGE3 LA INCOME1 AGE4 AGE5 AGE6 INC1MORT INCOME2 SAVINGSNK SAVINGS PREVOWN
SEXRAB3 MORTGAGE INC2MORT ECSTAT3 ECSTAT4 ECSTAT5 ECSTAT6 RELAT3 RELAT4 RELAT5 RELAT6 HB SEXRAB4 SEXRAB5 SEXRAB6
FROMBEDS STAIRCASE STAIRBOUGHT STAIROWNED MRENT RESALE DEPOSIT CASHDIS DISABLED VALUE EQUITY DISCOUNT GRANT
PPCODENK PPOSTC1 PPOSTC2 PREVLOC HHREGRES HHREGRESSTILL PROPLEN MSCHARGE PREVTEN MORTGAGEUSED WCHAIR
ARMEDFORCESSPOUSE HODAY HOMONTH HOYEAR FROMPROP SOCPREVTEN EXTRABOR HHTYPE VALUE_VALUE_CHECK PREVSHARED BUY2LIVING
UPRN COUNTY ADDRESS_SEARCH_VALUE_CHECK FIRSTSTAIR NUMSTAIR MRENTPRESTAIRCASING BUILDHEIGHTCLASS
GENDER_SAME_AS_SEX1 GENDER_DESCRIPTION1 GENDER_SAME_AS_SEX2 GENDER_DESCRIPTION2 GENDER_SAME_AS_SEX3
GENDER_DESCRIPTION3 GENDER_SAME_AS_SEX4 GENDER_DESCRIPTION4 GENDER_SAME_AS_SEX5 GENDER_DESCRIPTION5
GENDER_SAME_AS_SEX6 GENDER_DESCRIPTION6 DAY MONTH YEAR CREATEDDATE CREATEDBY CREATEDBYID USERNAME USERNAMEID
UPLOADDATE AMENDEDBY AMENDEDBYID OWNINGORGID OWNINGORGNAME MANINGORGID MANINGORGNAME CREATIONMETHOD BULKUPLOADID
COLLECTIONYEAR OWNERSHIP JOINT ETHNICGROUP1 ETHNICGROUP2 PREVIOUSLAKNOWN HASMSCHARGE HASSERVICECHARGES
SERVICECHARGES INC1NK INC2NK POSTCODE ISLAINFERRED MORTLEN1 ETHNIC2 PREVTEN2 ADDRESS1 ADDRESS2 TOWNCITY LANAME
ADDRESS1INPUT POSTCODEINPUT UPRNSELECTED BULKADDRESS1 BULKADDRESS2 BULKTOWNCITY BULKCOUNTY BULKPOSTCODE BULKLA
NATIONALITYALL1 NATIONALITYALL2 PREVLOCNAME LIVEINBUYER1 LIVEINBUYER2 HASESTATEFEE ESTATEFEE STAIRLASTDAY
STAIRLASTMONTH STAIRLASTYEAR STAIRINITIALDAY STAIRINITIALMONTH STAIRINITIALYEAR MSCHARGE_VALUE_CHECK DUPLICATESET
STAIRCASETOSALE HASSERVICECHARGESCHANGED NEWSERVICECHARGES
""".split()
POSITION = {name: i for i, name in enumerate(ORDER_2026)}
NEW_COLUMNS_AT = POSITION["DAY"] - 0.5  # columns CDS has not placed go after the stored block


def sales_fields(form, model) -> list[ExportField]:
    """Stored columns (upper-cased or renamed), then computed fields, in CDS's order."""
    columns = [c for c in dict.fromkeys([*form.columns, *SYSTEM_COLUMNS]) if c not in SALES_EXCLUDED]
    fields = [stored(model, c, RENAMES.get(c, c.upper())) for c in columns] + COMPUTED
    return sorted(fields, key=lambda f: POSITION.get(f.name, NEW_COLUMNS_AT))


class SalesContext:
    def __init__(self):
        self._names: dict[str, str | None] = {}
        self.organisation_names = NameBook()

    def la_name(self, code: str | None) -> str | None:
        if not code:
            return None
        if code not in self._names:
            self._names[code] = LocalAuthority.objects.filter(code=code).values_list("name", flat=True).first()
        return self._names[code]


class SalesCollection(LogCollection):
    name = "sales"
    date_field = "saledate"

    def __init__(self, year: int, model=None):
        super().__init__(year)
        self.model = model or apps.get_model("domain", "SalesLog")
        self.archive_prefix = f"core_sales_{year}_{year + 1}_apr_mar"
        self._fields = sales_fields(registry.form_for_year("sales", year), self.model)

    def fields(self):
        return self._fields

    def context(self):
        return SalesContext()
