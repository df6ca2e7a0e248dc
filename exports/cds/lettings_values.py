"""Lettings values worked out at export (spec cds-export §7.1): ids with offsets, people whose details
were not given, the property's LA and postcode from the location, scheme and location blocks.

Each getter takes (row, ctx): `row` is one log's `values()` dict, `ctx` a LettingsContext that caches
what is looked up once per scheme or location rather than once per log.
"""

from __future__ import annotations

from datetime import date

from domain import collection, schemes_status
from domain.models import LocalAuthority, Location, Scheme

from domain.selectors.organisation_names import NameBook

from . import values
from .fields import ExportField, computed

ID_OFFSET = 300_000_000_000  # keeps CORE's ids apart from the old system's in CDS
NOT_KNOWN_AGE = "-9"
DETAILS_NOT_GIVEN = 1  # details_known_N / ageN_known answer "No"


class LettingsContext:
    """Lookups shared by every log of a run: one query per scheme or location, not per log."""

    def __init__(self):
        self._schemes: dict[int, Scheme] = {}
        self._locations: dict[int, Location] = {}
        self._status: dict[tuple, str] = {}
        self._las: dict[tuple, str] = {}
        self.names = NameBook()

    def scheme(self, pk: int) -> Scheme:
        if pk not in self._schemes:
            self._schemes[pk] = (Scheme.objects.select_related("owning_organisation")
                                 .prefetch_related("deactivation_periods", "locations").get(pk=pk))
        return self._schemes[pk]

    def location(self, pk: int) -> Location:
        if pk not in self._locations:
            location = Location.objects.prefetch_related("deactivation_periods").get(pk=pk)
            location.scheme = self.scheme(location.scheme_id)
            self._locations[pk] = location
        return self._locations[pk]

    def status(self, kind: str, pk: int, on: date) -> str:
        key = (kind, pk, on)
        if key not in self._status:
            resource = self.scheme(pk) if kind == "scheme" else self.location(pk)
            self._status[key] = str(schemes_status.status_at(resource, on))
        return self._status[key]

    def units_of_scheme(self, pk: int) -> int:
        return sum(loc.units or 0 for loc in self.scheme(pk).locations.all())

    def la_of_location(self, code: str, year: int) -> str:
        """The location's LA code current on 1 April of the year, following LA links (new codes)."""
        key = (code, year)
        if key not in self._las:
            start = date(year, 4, 1)
            candidates = [code, *LocalAuthority.objects.filter(links__linked_local_authority__code=code)
                          .values_list("code", flat=True)]
            current = set(LocalAuthority.objects.valid_on(start).filter(code__in=candidates)
                          .values_list("code", flat=True))
            self._las[key] = next((c for c in candidates if c in current), code)
        return self._las[key]


# --- recodes of catalogue columns ----------------------------------------------------------------


def age(n: int) -> ExportField:
    name, known = f"age{n}", f"age{n}_known"
    if n == 1:
        return computed(name, lambda r, c: NOT_KNOWN_AGE if r[known] == DETAILS_NOT_GIVEN else values.text(r[name]),
                        name, known)
    details = f"details_known_{n}"
    return computed(
        name,
        lambda r, c: NOT_KNOWN_AGE if DETAILS_NOT_GIVEN in (r[known], r[details]) else values.text(r[name]),
        name, known, details,
    )


def when_details_not_given(name: str, n: int, code: str) -> ExportField:
    """sexrabN, relatN, ecstatN: a fixed code when person N's details were not given."""
    details = f"details_known_{n}"
    return computed(name, lambda r, c: code if r[details] == DETAILS_NOT_GIVEN else values.text(r[name]),
                    name, details)


def _la(row, ctx):
    if row["la"] or not row["location_id"]:
        return values.text(row["la"])
    year = collection.collection_year_of(row["startdate"])
    return values.text(ctx.la_of_location(row["location__location_code"], year))


def _postcode(row, ctx):
    if row["postcode_full"] or not row["location_id"]:
        return values.text(row["postcode_full"])
    return values.text(row["location__postcode"])


def _nocharge(row, ctx):
    if row["needstype"] == 2:
        return "1" if row["household_charge"] == 1 else None
    return values.text(row["nocharge"])


LA = computed("la", _la, "la", "location_id", "location__location_code", "startdate")
POSTCODE = computed("postcode_full", _postcode, "postcode_full", "location_id", "location__postcode")
NOCHARGE = computed("nocharge", _nocharge, "nocharge", "needstype", "household_charge")


# --- fields that are not columns of the log --------------------------------------------------------


def _org_id(prefix):
    return lambda r, c: r[f"{prefix}__old_visible_id"] or str(r[f"{prefix}_id"] + ID_OFFSET)


def _name_on_log_date(row, ctx, relation):
    return values.text(ctx.names.name(row[f"{relation}_id"], row[f"{relation}__name"], row["startdate"]))


def _text_of(column):
    return lambda r, c: values.text(r[column])


def _iso_of(column):
    return lambda r, c: values.iso(r[column])


FORMID = computed("formid", lambda r, c: str(r["id"] + ID_OFFSET), "id")
LOG_ID = computed("log_id", lambda r, c: str(r["id"]), "id")
OWNING_ORGANISATION = (
    computed("owningorgid", _org_id("owning_organisation"), "owning_organisation_id",
             "owning_organisation__old_visible_id"),
    # Names in force on the tenancy start date (spec §3).
    computed("owningorgname", lambda r, c: _name_on_log_date(r, c, "owning_organisation"),
             "owning_organisation_id", "owning_organisation__name", "startdate"),
    computed("hcnum", _text_of("owning_organisation__housing_registration_no"),
             "owning_organisation__housing_registration_no"),
)
MANAGING_ORGANISATION = (
    computed("maningorgid", _org_id("managing_organisation"), "managing_organisation_id",
             "managing_organisation__old_visible_id"),
    computed("maningorgname", lambda r, c: _name_on_log_date(r, c, "managing_organisation"),
             "managing_organisation_id", "managing_organisation__name", "startdate"),
    computed("manhcnum", _text_of("managing_organisation__housing_registration_no"),
             "managing_organisation__housing_registration_no"),
)
CREATEDDATE = computed("createddate", _iso_of("created_at"), "created_at")
UPLOADDATE = computed("uploaddate", _iso_of("updated_at"), "updated_at")
ASSIGNED_TO = computed("assigned_to", _text_of("assigned_to__email"), "assigned_to__email")
CREATED_BY = computed("created_by", _text_of("created_by__email"), "created_by__email")
AMENDED_BY = computed("amended_by", _text_of("updated_by__email"), "updated_by__email")
RENTTYPE_DETAIL = computed("renttype_detail", lambda r, c: None if r["rent_type"] is None else str(r["rent_type"] + 1),
                           "rent_type")
PROVIDERTYPE = computed("providertype", _text_of("owning_organisation__provider_type"),
                        "owning_organisation__provider_type")

UNITTYPE_SH = computed("unittype_sh", _text_of("location__type_of_unit"), "location__type_of_unit")
SCHEME_BLOCK = (
    computed("confidential", lambda r, c: "1" if r["scheme__sensitive"] == 1 else None, "scheme__sensitive"),
    computed("cligrp1", _text_of("scheme__primary_client_group"), "scheme__primary_client_group"),
    computed("cligrp2", _text_of("scheme__secondary_client_group"), "scheme__secondary_client_group"),
    computed("intstay", _text_of("scheme__intended_stay"), "scheme__intended_stay"),
    computed("mantype", _text_of("scheme__arrangement_type"), "scheme__arrangement_type"),
    computed("reghome", _text_of("scheme__registered_under_care_act"), "scheme__registered_under_care_act"),
    computed("schtype", _text_of("scheme__scheme_type"), "scheme__scheme_type"),
    computed("support", _text_of("scheme__support_type"), "scheme__support_type"),
    computed("units_scheme", lambda r, c: str(c.units_of_scheme(r["scheme_id"])), "scheme_id"),
    computed("scheme", lambda r, c: str(r["scheme_id"]), "scheme_id"),
    computed("scheme_status", lambda r, c: c.status("scheme", r["scheme_id"], r["startdate"]),
             "scheme_id", "startdate"),
)
LOCATION_BLOCK = (
    computed("mobstand", _text_of("location__mobility_type"), "location__mobility_type"),
    computed("scheme_old", _text_of("location__old_visible_id"), "location__old_visible_id"),
    computed("units", _text_of("location__units"), "location__units"),
    computed("location_code", lambda r, c: str(r["location_id"]), "location_id"),
    computed("location_status", lambda r, c: c.status("location", r["location_id"], r["startdate"]),
             "location_id", "startdate"),
)
