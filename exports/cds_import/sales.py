"""Sales logs back from a CDS sales part (spec cds-export §8), read with the export's own field list.

Stored columns come back through the renames the export declares (exports/cds/sales.py: a field with a
`source`); the computed elements have an inverse here (INVERSES); the excluded columns are restored from
what CDS carries (RESTORED) or named in NOT_RESTORED with the reason.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from domain import collection
from domain.forms import registry
from domain.models import LogStatus, SalesLog
from exports.cds.sales import DISCOUNTED_OWNERSHIP, SHARED_OWNERSHIP, sales_fields

from . import texts
from .errors import RecordProblem
from .fields import read_stored, stored_readers
from .logs import Incoming, LogImporter

PEOPLE = range(1, 7)
WORKED_OUT = {
    "OWNINGORGNAME": "the organisation's name, from the organisations collection",
    "MANINGORGNAME": "the organisation's name, from the organisations collection",
    "COLLECTIONYEAR": "the year of the sale date",
    "LANAME": "the local authority's name, from the reference data",
    "PREVLOCNAME": "the local authority's name, from the reference data",
    "CREATEDBY": "read from CREATEDBYID", "USERNAME": "read from USERNAMEID", "AMENDEDBY": "read from AMENDEDBYID",
}
NOT_RESTORED = {
    "is_previous_la_inferred": "internal to the address look-up",
    "hhmemb": "derived by the pipeline", "totchild": "derived by the pipeline", "totadult": "derived by the pipeline",
    "soctenant": "derived by the pipeline", "pcode1": "derived by the pipeline", "pcode2": "derived by the pipeline",
    **{f"ho{part}": "derived by the pipeline from the handover date" for part in ("day", "month", "year")},
    "manual_address_entry_selected": "set by the pipeline when there is no UPRN",
    "uprn_confirmed": "derived by the pipeline from the UPRN",
    "old_id": "legacy CORE identifier: not in CDS's sales table",
    "old_form_id": "legacy CORE identifier: not in CDS's sales table",
    "hodate_check": "soft check confirmation not in CDS's table: given again for completed logs",
    **{c: "soft check confirmation not in CDS's table: given again for completed logs" for c in (
        "income1_value_check", "income2_value_check", "combined_income_value_check",
        "percentage_discount_value_check", "retirement_value_check", "old_persons_shared_ownership_value_check",
        "buyer_livein_value_check", "partner_under_16_value_check", "multiple_partners_value_check",
        "wheel_value_check", "mortgage_value_check", "savings_value_check", "deposit_value_check",
        "staircase_bought_value_check", "stairowned_value_check", "grant_value_check",
        "deposit_and_mortgage_value_check")},
}
INVERSES = ("ID", "DAY", "MONTH", "YEAR", "CREATEDDATE", "UPLOADDATE", "CREATEDBYID", "USERNAMEID", "AMENDEDBYID",
            "OWNINGORGID", "MANINGORGID", "HASMSCHARGE", "MSCHARGE", "HASSERVICECHARGES", "SERVICECHARGES",
            "HODAY", "HOMONTH", "HOYEAR", "STAIRLASTDAY", "STAIRLASTMONTH", "STAIRLASTYEAR", "STAIRINITIALDAY",
            "STAIRINITIALMONTH", "STAIRINITIALYEAR", "INCOME1", "INCOME2")
RESTORED = (
    "saledate", "hodate", "lasttransaction", "initialpurchase", "has_mscharge", "mscharge",
    "owning_organisation_id", "managing_organisation_id", "assigned_to_id", "income1", "income2",
    *(f"age{n}_known" for n in PEOPLE), *(f"details_known_{n}" for n in range(2, 7)),
    "nationality_all_group", "nationality_all_buyer2_group", "proplen_asked", "mortlen_known", "la_known",
    "uprn_known", "ppostcode_full", "pcodenk",
)


@lru_cache(maxsize=None)
def _fields(year: int):
    return sales_fields(registry.form_for_year("sales", year), SalesLog)


@lru_cache(maxsize=None)
def _readers(year: int):
    return stored_readers(_fields(year), SalesLog)


def _date(record: dict, prefix: str) -> date | None:
    parts = [texts.integer(record.get(f"{prefix}{p}"), f"{prefix}{p}") for p in ("DAY", "MONTH", "YEAR")]
    if all(p is None for p in parts):
        return None
    try:
        return date(parts[2], parts[1], parts[0])
    except (TypeError, ValueError):
        raise RecordProblem(f"{prefix}DAY", f"{prefix}DAY / {prefix}MONTH / {prefix}YEAR do not make a date.")


def _group(code, codes):
    """The nationality group of a nationality, by the answer codes of the log's year."""
    return None if code is None else code if code in (codes.UK, codes.PREFERS_NOT_TO_SAY) else codes.OTHER_NATIONALITY


def _person_present(record: dict, n: int) -> bool:
    return any(record.get(f"{k}{n}") is not None for k in ("AGE", "SEXRAB", "SEX", "RELAT", "ECSTAT"))


def _restore(record: dict, values: dict, completed: bool, codes) -> None:
    get = values.get
    for n in PEOPLE:
        present = n == 1 or _person_present(record, n)
        if n > 1:
            values[f"details_known_{n}"] = 1 if present else 2
        values[f"age{n}_known"] = (0 if get(f"age{n}") is not None else (1 if completed else None)) if present \
            else None
    values["nationality_all_group"] = _group(get("nationality_all"), codes)
    values["nationality_all_buyer2_group"] = _group(get("nationality_all_buyer2"), codes)
    values["proplen_asked"] = 0 if get("proplen") is not None else (1 if completed else None)
    values["mortlen_known"] = 0 if get("mortlen") is not None else (1 if completed else None)
    values["uprn_known"] = 1 if get("uprn") else (0 if get("address_line1") else None)
    if get("ownershipsch") == DISCOUNTED_OWNERSHIP:
        # The pipeline copies the property's postcode and LA answers to the buyer's last settled home for
        # discounted ownership, so those CDS carries are the property's too.
        values["pcodenk"], values["la_known"] = get("ppcodenk"), get("previous_la_known")
    else:
        values["pcodenk"] = None
        values["la_known"] = 1 if get("la") else (0 if completed else None)
    if get("ppostc1") and get("ppostc2"):
        values["ppostcode_full"] = f"{get('ppostc1')} {get('ppostc2')}"


class SalesImporter(LogImporter):
    model = SalesLog
    kind = "sales"
    date_field = "saledate"
    date_words = "sale completion date"

    def __init__(self, part, year: int):
        super().__init__(part)
        self.exported_columns = {f.source for f in _fields(year) if f.source}

    def identify(self, record: dict):
        return record.get("ID")

    def _user_id(self, element: str, text: str | None) -> int | None:
        pk = texts.integer(text, element)
        if pk is not None and pk not in self.lookups.user_ids:
            raise RecordProblem(element, f"user {pk} is not in this service. Import the users collection first.")
        return pk

    def read(self, number: int, record: dict) -> Incoming:
        pk = texts.integer(record.get("ID"), "ID")
        if pk is None:
            raise RecordProblem("ID", "every log needs its id.")
        sold = _date(record, "")
        if sold is None:
            raise RecordProblem("DAY", "a log without a sale date is never exported; this is not a CDS sales record.")
        year = collection.collection_year_of(sold)
        values = read_stored(_readers(year), record)
        values.pop("bulk_upload_id", None)
        values["saledate"] = sold
        for column, prefix in (("hodate", "HO"), ("lasttransaction", "STAIRLAST"), ("initialpurchase", "STAIRINITIAL")):
            values[column] = _date(record, prefix)
        ownership = values.get("ownershipsch")
        has_charge, charge = {DISCOUNTED_OWNERSHIP: ("HASMSCHARGE", "MSCHARGE"),
                              SHARED_OWNERSHIP: ("HASSERVICECHARGES", "SERVICECHARGES")}.get(ownership, (None, None))
        values["has_mscharge"] = texts.integer(record.get(has_charge), has_charge) if has_charge else None
        values["mscharge"] = texts.decimal(record.get(charge), charge) if charge else None
        values["income1"] = texts.decimal(record.get("INCOME1"), "INCOME1")
        values["income2"] = texts.decimal(record.get("INCOME2"), "INCOME2")
        values["owning_organisation_id"] = self.lookups.organisation_by_id("OWNINGORGID", record.get("OWNINGORGID"))
        values["managing_organisation_id"] = self.lookups.organisation_by_id("MANINGORGID", record.get("MANINGORGID"))
        values["created_by_id"] = self._user_id("CREATEDBYID", record.get("CREATEDBYID"))
        values["assigned_to_id"] = self._user_id("USERNAMEID", record.get("USERNAMEID"))
        values["updated_by_id"] = self._user_id("AMENDEDBYID", record.get("AMENDEDBYID"))
        status = texts.integer(record.get("STATUS"), "STATUS")
        if status not in (0, 1, 2, 4):
            raise RecordProblem("STATUS", f"'{record.get('STATUS')}' is not an exported log status (0, 1, 2, 4).")
        _restore(record, values, completed=status in (LogStatus.COMPLETED, LogStatus.DELETED),
                 codes=registry.log_year("sales", year).codes)
        owner, manager = values["owning_organisation_id"], values["managing_organisation_id"]
        return Incoming(
            number=number, pk=pk, values=values, status=status,
            created_at=texts.moment(record.get("CREATEDDATE"), "CREATEDDATE"),
            updated_at=texts.moment(record.get("UPLOADDATE"), "UPLOADDATE"),
            pair=(owner, manager) if owner and manager else None,
        )
