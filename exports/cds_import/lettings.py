"""Lettings logs back from a CDS lettings part (spec cds-export §7), read with the export's own declaration.

Stored columns come back by the declaration's fields (`source`); the recoded and computed elements have
an inverse here (INVERSES); the columns the export leaves out are restored from the answers CDS does carry
(RESTORED) or are named in NOT_RESTORED with the reason. tests/exports/test_cds_import_fields.py fails
when the export gains an element or an exclusion that is in none of them.
"""

from __future__ import annotations

from functools import lru_cache

from domain import collection
from domain.forms import registry
from domain.models import LettingsLog, Location, LogStatus, Scheme
from exports.cds.lettings_declaration import Variant, declaration_for
from exports.cds.lettings_values import DETAILS_NOT_GIVEN, NOT_KNOWN_AGE

from . import texts
from .errors import RecordProblem
from .fields import read_stored, stored_readers
from .logs import Incoming, LogImporter

OTHER_PERSONS = range(2, 9)
NOT_GIVEN_PATTERN = {"sexrab": "R", "relat": "R", "ecstat": "10"}
CHARGES = ("brent", "scharge", "pscharge", "supcharg")

# Computed elements that are worked out from other records or answers, so not read back.
WORKED_OUT = {
    "formid": "log id + offset: the log id comes from log_id",
    "owningorgname": "the organisation's name, from the organisations collection",
    "hcnum": "the organisation's registration number, from the organisations collection",
    "maningorgname": "the organisation's name, from the organisations collection",
    "manhcnum": "the organisation's registration number, from the organisations collection",
    "providertype": "the owning organisation's provider type",
    "unittype_sh": "the location's type of unit, from the locations CSV",
    **{name: "the scheme's answers, from the schemes CSV" for name in (
        "confidential", "cligrp1", "cligrp2", "intstay", "mantype", "reghome", "schtype", "support",
        "units_scheme", "scheme_status")},
    **{name: "the location's answers, from the locations CSV" for name in (
        "mobstand", "scheme_old", "units", "location_status")},
}
# Excluded columns that cannot be read back from what CDS holds.
NOT_RESTORED = {
    "offered": "not in CDS's table; renewals get it from the pipeline's derived values",
    "is_la_inferred": "internal to the address look-up",
    "is_previous_la_inferred": "internal to the address look-up",
    **{name: "soft check confirmation not in CDS's table: given again for logs the original service completed"
       for name in ("void_date_value_check", "major_repairs_date_value_check", "tenancyother_value_check",
                    "pregnancy_value_check", "retirement_value_check", "working_situation_illness_check",
                    "reasonother_value_check")},
}


def _present(record: dict, name: str) -> bool:
    return record.get(name) is not None


def _person_given(record: dict, n: int) -> bool:
    """Whether person n's details were given: the export writes a fixed pattern when they were not."""
    return not (record.get(f"age{n}") == NOT_KNOWN_AGE
                and all(record.get(f"{k}{n}") == v for k, v in NOT_GIVEN_PATTERN.items()))


def _people(record: dict, values: dict) -> None:
    """age1..8 with their 'known' answers, and persons 2..8 whose details were not given (cds §7.1)."""
    members = values.get("hhmemb")
    for n in range(1, 9):
        age_text = record.get(f"age{n}")
        in_household = n == 1 or (members is not None and n <= members) or age_text is not None
        if n > 1:
            given = _person_given(record, n)
            values[f"details_known_{n}"] = (0 if given else DETAILS_NOT_GIVEN) if in_household else None
            if in_household and not given:
                values.update({f"age{n}_known": None, f"age{n}": None, f"sexrab{n}": "", f"relat{n}": "",
                               f"ecstat{n}": None})
                continue
            values[f"sexrab{n}"] = record.get(f"sexrab{n}") or ""
            values[f"relat{n}"] = record.get(f"relat{n}") or ""
            values[f"ecstat{n}"] = texts.integer(record.get(f"ecstat{n}"), f"ecstat{n}")
        if age_text == NOT_KNOWN_AGE:
            values[f"age{n}_known"], values[f"age{n}"] = 1, None
        else:
            values[f"age{n}"] = texts.integer(age_text, f"age{n}")
            values[f"age{n}_known"] = 0 if age_text is not None or (n == 1 and _present(record, "hhmemb")) else None


def _restore_routing(record: dict, values: dict, codes) -> None:
    """Answers the export leaves out, worked back from the answers it writes (RESTORED's columns) by the
    answer codes of the log's year."""
    get = values.get
    supported = get("needstype") == 2
    status = texts.integer(record.get("status"), "status")
    values["declaration"] = 1 if status in (LogStatus.COMPLETED, LogStatus.DELETED) or get("ethnic") is not None \
        else None
    rsnvac = get("rsnvac")
    values["first_time_property_let_as_social_housing"] = None if rsnvac is None else int(rsnvac in codes.FIRST_LETS)
    values["majorrepairs"] = 1 if get("mrcdate") else (0 if rsnvac is not None and rsnvac not in codes.FIRST_LETS
                                                       else None)
    ethnic = get("ethnic")
    values["ethnic_group"] = None if ethnic is None else codes.ETHNIC_GROUPS.get(ethnic)
    nationality = get("nationality_all")
    own_group = (codes.UK, codes.PREFERS_NOT_TO_SAY)  # nationalities that are their own group
    values["nationality_all_group"] = (None if nationality is None else
                                       nationality if nationality in own_group else codes.OTHER_NATIONALITY)
    if get("housingneeds") == 1:
        flags = [get(f"housingneeds_{x}") for x in "abc"]
        values["housingneeds_type"] = flags.index(1) if 1 in flags else 3
        values["housingneeds_other"] = get("housingneeds_f")
    else:
        values["housingneeds_type"] = values["housingneeds_other"] = None
    prevloc = get("prevloc")
    values["previous_la_known"] = 1 if prevloc else (0 if get("ppcodenk") == 1 else None)
    allocation = [get(name) for name in ("cbl", "cap", "chr", "accessible_register")]
    values["letting_allocation_unknown"] = (None if all(a is None for a in allocation)
                                            else 0 if 1 in allocation else 1)
    incref = get("incref")
    known_by_incref = {ref: known for known, ref in codes.INCREF.items()}
    values["net_income_known"] = known_by_incref.get(incref) if incref is not None else (
        0 if get("earnings") is not None else None)
    nocharge = texts.integer(record.get("nocharge"), "nocharge")
    if supported:
        values["household_charge"] = 1 if nocharge == 1 else (0 if any(get(c) is not None for c in CHARGES)
                                                               else None)
    else:
        values["household_charge"] = nocharge
    values["nocharge"] = values["household_charge"]
    values["tshortfall_known"] = 0 if get("tshortfall") is not None else (1 if get("hbrentshortfall") == 1
                                                                           else None)
    values["postcode_known"] = 1 if get("postcode_full") else (0 if get("la") and not supported else None)


RESTORED = (
    "declaration", "first_time_property_let_as_social_housing", "majorrepairs", "ethnic_group",
    "nationality_all_group", "housingneeds_type", "housingneeds_other", "previous_la_known",
    "letting_allocation_unknown", "net_income_known", "household_charge", "tshortfall_known", "postcode_known",
    "rent_type", "owning_organisation_id", "managing_organisation_id", "assigned_to_id", "scheme_id",
    "location_id", *(f"age{n}_known" for n in range(1, 9)), *(f"details_known_{n}" for n in OTHER_PERSONS),
)
# Recoded and computed elements read back here (beside the routing answers above).
INVERSES = (
    *(f"age{n}" for n in range(1, 9)), *(f"{k}{n}" for k in NOT_GIVEN_PATTERN for n in OTHER_PERSONS),
    "la", "postcode_full", "nocharge", "owningorgid", "maningorgid", "createddate", "uploaddate", "log_id",
    "assigned_to", "created_by", "amended_by", "renttype_detail", "scheme", "location_code",
)


@lru_cache(maxsize=None)
def _year(year: int):
    return registry.form_for_year("lettings", year), declaration_for(year)


@lru_cache(maxsize=None)
def _readers(year: int, variant: Variant):
    form, declaration = _year(year)
    fields = declaration.fields(form, LettingsLog, variant)
    return stored_readers(fields, LettingsLog)


def exported_columns(year: int) -> set[str]:
    form, declaration = _year(year)
    return {f.source for f in declaration.all_fields(form, LettingsLog) if f.source}


class LettingsImporter(LogImporter):
    model = LettingsLog
    kind = "lettings"
    date_field = "startdate"
    date_words = "tenancy start date"

    def __init__(self, part, year: int):
        super().__init__(part)
        self.year = year
        self.exported_columns = exported_columns(year)
        schemes = (Scheme.objects.select_related("owning_organisation")
                   .prefetch_related("deactivation_periods", "locations__deactivation_periods").in_bulk())
        locations = Location.objects.prefetch_related("deactivation_periods").in_bulk()
        for location in locations.values():
            location.scheme = schemes[location.scheme_id]
        self.schemes = {pk: scheme.owning_organisation_id for pk, scheme in schemes.items()}
        self.locations = {pk: location.scheme_id for pk, location in locations.items()}
        self.relations.update(scheme=schemes, location=locations)
        self._usable_locations: dict[int, list] = {}

    def _attach_related(self, log) -> None:
        """Beside the related objects, a scheme's usable locations are worked out once per file (by the
        log model's own method) instead of once per question that asks about them."""
        super()._attach_related(log)
        found = self._usable_locations

        def usable_locations(log=log):
            if log.scheme_id not in found:
                found[log.scheme_id] = LettingsLog.usable_locations(log)
            return found[log.scheme_id]

        log.usable_locations = usable_locations

    def identify(self, record: dict):
        return record.get("log_id")

    def read(self, number: int, record: dict) -> Incoming:
        pk = texts.integer(record.get("log_id"), "log_id")
        if pk is None:
            raise RecordProblem("log_id", "every log needs its id.")
        start = texts.day(record.get("startdate"), "startdate")
        if start is None:
            raise RecordProblem("startdate", "a log without a tenancy start date is never exported; this "
                                             "record is not a CDS lettings record.")
        year = collection.collection_year_of(start)
        variant = Variant(supported_housing=record.get("needstype") == "2", scheme="scheme" in record,
                          location="location_code" in record, owning_organisation="owningorgid" in record,
                          managing_organisation="maningorgid" in record)
        values = read_stored(_readers(year, variant), record)
        if values.pop("bulk_upload_id", None) is not None:
            self.report.note("Bulk upload references are not kept: the original service's uploads are not "
                             "imported.")
        values["startdate"] = start
        _people(record, values)
        values["la"] = record.get("la") or ""
        values["postcode_full"] = record.get("postcode_full") or ""
        detail = texts.integer(record.get("renttype_detail"), "renttype_detail")
        values["rent_type"] = None if detail is None else detail - 1
        look = self.lookups
        values["owning_organisation_id"] = look.organisation("owningorgid", record.get("owningorgid"))
        values["managing_organisation_id"] = look.organisation("maningorgid", record.get("maningorgid"))
        values["assigned_to_id"] = look.user("assigned_to", record.get("assigned_to"))
        values["created_by_id"] = look.user("created_by", record.get("created_by"))
        values["updated_by_id"] = look.user("amended_by", record.get("amended_by"))
        values["scheme_id"] = self._scheme(record)
        values["location_id"] = self._location(record, values["scheme_id"])
        _restore_routing(record, values, registry.log_year("lettings", year).codes)
        status = texts.integer(record.get("status"), "status")
        if status not in (0, 1, 2, 4):
            raise RecordProblem("status", f"'{record.get('status')}' is not an exported log status (0, 1, 2, 4).")
        owner, manager = values["owning_organisation_id"], values["managing_organisation_id"]
        return Incoming(
            number=number, pk=pk, values=values, status=status,
            created_at=texts.moment(record.get("createddate"), "createddate"),
            updated_at=texts.moment(record.get("uploaddate"), "uploaddate"),
            pair=(owner, manager) if owner and manager else None,
        )

    def _scheme(self, record: dict) -> int | None:
        pk = texts.integer(record.get("scheme"), "scheme")
        if pk is not None and pk not in self.schemes:
            raise RecordProblem("scheme", f"scheme S{pk} is not in this service. Give the schemes CSV download "
                                          "with the export files.")
        return pk

    def _location(self, record: dict, scheme: int | None) -> int | None:
        pk = texts.integer(record.get("location_code"), "location_code")
        if pk is None:
            return None
        if pk not in self.locations:
            raise RecordProblem("location_code", f"location {pk} is not in this service. Give the locations CSV "
                                                 "download with the export files.")
        if scheme is not None and self.locations[pk] != scheme:
            raise RecordProblem("location_code", f"location {pk} is not a location of scheme S{scheme}.")
        return pk

