"""2026 lettings: values the service works out on every save (lettings-2026-rules §3).

`derive(log, was)` updates the log in place. `was` maps a column to its value when the log was
loaded (empty for a new log), so rules that depend on what changed in this save can tell.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any, Mapping

from domain.forms.catalogue import DerivedField
from domain.forms.money import weekly
from domain.forms.y2026.codes import FIRST_LETS, INCREF

PERSONS = range(1, 9)
OTHER_PERSONS = range(2, 9)
LA, PRP = 1, 2

# rent_type -> (renttype, lar, irproduct, unitletas for renewals)
RENT_TYPE_TABLE = {
    0: (1, None, None, 1),
    1: (2, 2, None, 2),
    2: (2, 1, None, 5),
    3: (3, None, 1, 6),
    4: (3, None, 2, 7),
    5: (3, None, 3, 8),
    6: (4, None, None, 9),
}
# lettype by renttype, in the order GN+PRP, SH+PRP, GN+LA, SH+LA.
LETTYPE_COLUMN = {(1, PRP): 0, (2, PRP): 1, (1, LA): 2, (2, LA): 3}
RENEWAL_DEFAULTS = {
    "referral_register": 1,
    "waityear": 2,
    "offered": 0,
    "rsnvac": 14,
    "first_time_property_let_as_social_housing": 0,
}
EXISTING_TENANT_PREVTEN = {6, 30, 31, 32, 33, 34, 35}
CHECKBOX_GROUPS = (
    tuple(f"illness_type_{n}" for n in range(1, 11)),
    ("cbl", "cap", "chr", "accessible_register", "letting_allocation_unknown"),
    ("rp_homeless", "rp_insan_unsat", "rp_medwel", "rp_hardship", "rp_dontknow"),
    ("declaration",),
)

DERIVED_FIELDS = (
    DerivedField("renttype", "int", "Rent type group"),
    DerivedField("lettype", "int", "Letting type"),
    DerivedField("lar", "int", "London Affordable Rent or Affordable Rent"),
    DerivedField("irproduct", "int", "Intermediate rent product"),
    DerivedField("newprop", "int", "New to the social rented sector"),
    DerivedField("vacdays", "int", "Days vacant"),
    DerivedField("offered", "int", "Times previously offered"),
    DerivedField("totchild", "int", "Children in the household"),
    DerivedField("totelder", "int", "Elders in the household"),
    DerivedField("totadult", "int", "Adults in the household"),
    DerivedField("hhtype", "int", "Household type"),
    DerivedField("refused", "int", "Any answer refused"),
    DerivedField("new_old", "int", "New or existing tenant"),
    DerivedField("incref", "int", "Income refused"),
    DerivedField("has_benefits", "int", "Receives benefits"),
    DerivedField("nocharge", "int", "No charge"),
    DerivedField("wrent", "decimal", "Weekly rent"),
    DerivedField("wscharge", "decimal", "Weekly service charge"),
    DerivedField("wpschrge", "decimal", "Weekly personal service charge"),
    DerivedField("wsupchrg", "decimal", "Weekly support charge"),
    DerivedField("wtcharge", "decimal", "Weekly total charge"),
    DerivedField("wtshortfall", "decimal", "Weekly shortfall"),
    DerivedField("housingneeds_a", "int"),
    DerivedField("housingneeds_b", "int"),
    DerivedField("housingneeds_c", "int"),
    DerivedField("housingneeds_f", "int"),
    DerivedField("housingneeds_g", "int"),
    DerivedField("housingneeds_h", "int"),
    DerivedField("postcode_known", "int", "Postcode known"),
    DerivedField("is_la_inferred", "bool", "Local authority worked out from the postcode"),
    DerivedField("is_previous_la_inferred", "bool", "Previous local authority worked out from the postcode"),
    DerivedField("uprn_known", "int", "UPRN known"),
)


class Changes:
    """What changed in this save, comparing the log with the values it was loaded with."""

    def __init__(self, log, was: Mapping[str, Any]):
        self.log, self.was = log, was

    def before(self, field: str):
        return self.was.get(field)

    def changed(self, field: str) -> bool:
        return self.was.get(field) != getattr(self.log, field, None)


def _get(log, field):
    value = getattr(log, field, None)
    return None if value == "" else value


def derive(log, was: Mapping[str, Any] | None = None) -> None:
    """Set every derived value of a 2026 lettings log, in the order the rules give."""
    changes = Changes(log, was or {})
    _renewal_and_income_defaults(log, changes)
    _rent_type(log)
    _household_counts(log)
    _ethnic_and_nationality(log)
    _charges(log)
    _beds(log, changes)
    _people(log, changes)
    _hhtype(log)
    _new_old(log)
    _property(log, changes)
    _checkbox_zero_fill(log)


def _renewal_and_income_defaults(log, changes: Changes) -> None:
    if changes.changed("renewal") and changes.before("renewal") == 1:
        for field in RENEWAL_DEFAULTS:
            setattr(log, field, None)
        log.voiddate = None
        log.unitletas = None
    if (changes.changed("needstype") or changes.changed("renewal")) and changes.before("needstype") == 1 \
            and changes.before("renewal") == 1:
        log.prevten = None
    if changes.changed("net_income_known") and changes.before("net_income_known") in INCREF:
        log.incref = None
    if changes.changed("needstype") and changes.before("needstype") == 2:
        log.wchair = None
        log.location_id = None
    if _get(log, "renewal") == 1:
        for field, value in RENEWAL_DEFAULTS.items():
            setattr(log, field, value)
    if _get(log, "net_income_known") in INCREF:
        log.incref = INCREF[log.net_income_known]
    rsnvac = _get(log, "rsnvac")
    if rsnvac is not None:
        log.newprop = 1 if rsnvac in FIRST_LETS else 2


def _rent_type(log) -> None:
    row = RENT_TYPE_TABLE.get(_get(log, "rent_type"))
    log.renttype, log.lar, log.irproduct = (row[0], row[1], row[2]) if row else (None, None, None)
    provider = getattr(log, "owning_organisation_provider_type", None)
    column = LETTYPE_COLUMN.get((_get(log, "needstype"), provider))
    log.lettype = None if row is None or column is None else (row[0] - 1) * 4 + column + 1


def _age(log, n):
    return _get(log, f"age{n}")


def _household_counts(log) -> None:
    ages = [_age(log, n) for n in PERSONS]
    log.totchild = sum(1 for age in ages if age is not None and age < 16)
    log.totelder = sum(1 for age in ages if age is not None and age >= 60)
    adults = 1 if ages[0] is not None and 16 <= ages[0] < 60 else 0
    for n in OTHER_PERSONS:
        age = _age(log, n)
        if age is None:
            continue
        if 18 <= age < 60 or (16 <= age < 18 and _get(log, f"relat{n}") in ("P", "X")):
            adults += 1
    log.totadult = adults
    log.refused = 1 if (
        any(_get(log, f"details_known_{n}") == 1 for n in OTHER_PERSONS)
        or any(_get(log, f"age{n}_known") == 1 for n in PERSONS)
        or any(_get(log, f"sexrab{n}") == "R" for n in PERSONS)
        or any(_get(log, f"relat{n}") == "R" for n in OTHER_PERSONS)
        or any(_get(log, f"ecstat{n}") == 10 for n in PERSONS)
    ) else 0


def _ethnic_and_nationality(log) -> None:
    if _get(log, "ethnic_group") == 17:
        log.ethnic = 17
    if _get(log, "nationality_all_group") in (0, 826):
        log.nationality_all = log.nationality_all_group


def _charges(log) -> None:
    parts = ("brent", "scharge", "pscharge", "supcharg")
    if any(_get(log, part) is not None for part in parts):
        for part in parts:
            if _get(log, part) is None:
                setattr(log, part, Decimal("0"))
        log.tcharge = sum((Decimal(getattr(log, part)) for part in parts), Decimal("0")).quantize(Decimal("0.01"))
    period = _get(log, "period")
    if period is not None:
        for source, target in (("brent", "wrent"), ("scharge", "wscharge"), ("pscharge", "wpschrge"),
                               ("supcharg", "wsupchrg"), ("tcharge", "wtcharge")):
            if _get(log, source) is not None:
                setattr(log, target, weekly(getattr(log, source), period))
    shortfall = _get(log, "tshortfall")
    if shortfall is not None:
        log.tshortfall_known = 0
    log.wtshortfall = (
        weekly(shortfall, period) if shortfall is not None and period is not None and _get(log, "hb") in (1, 6)
        else None
    )
    hb = _get(log, "hb")
    log.has_benefits = None if hb is None else (1 if hb in (1, 6, 7, 8) else 0)
    log.nocharge = _get(log, "household_charge")


def _beds(log, changes: Changes) -> None:
    if _get(log, "unittype_gn") == 2:
        log.beds = 1
    elif changes.changed("unittype_gn") and changes.before("unittype_gn") == 2:
        log.beds = None


def _people(log, changes: Changes) -> None:
    members = _get(log, "hhmemb")
    new_partners = [n for n in OTHER_PERSONS if _get(log, f"relat{n}") == "P" and changes.changed(f"relat{n}")]
    if new_partners and members is not None:
        partner = new_partners[0]
        for n in range(2, min(members, 8) + 1):
            if n != partner and _get(log, f"relat{n}") in ("P", None):
                setattr(log, f"relat{n}", "X")
    for n in OTHER_PERSONS:
        if changes.changed(f"age{n}"):
            if _get(log, f"ecstat{n}") == 9:
                setattr(log, f"ecstat{n}", None)
            previous_age = changes.before(f"age{n}")
            if _get(log, f"relat{n}") == "X" and previous_age is not None and previous_age < 16:
                setattr(log, f"relat{n}", None)
        age = _age(log, n)
        if age is not None and age < 16:
            setattr(log, f"ecstat{n}", 9)
            setattr(log, f"relat{n}", "X")


def household_type(elders: int | None, adults: int | None, children: int | None) -> int | None:
    if elders is None or adults is None or children is None:
        return None
    if elders == 1 and adults == 0 and children == 0:
        return 1
    if elders + adults == 2 and elders >= 1:
        return 2
    if elders == 0 and adults == 1 and children == 0:
        return 3
    if elders == 0 and adults == 2 and children == 0:
        return 4
    if elders == 0 and adults == 1 and children >= 1:
        return 5
    if elders == 0 and adults >= 2 and children >= 1:
        return 6
    return 9


def _hhtype(log) -> None:
    log.hhtype = household_type(log.totelder, log.totadult, log.totchild)


def _new_old(log) -> None:
    if _get(log, "startdate") is None:
        log.new_old = None
    else:
        log.new_old = 2 if _get(log, "prevten") in EXISTING_TENANT_PREVTEN else 1


def _property(log, changes: Changes) -> None:
    location = getattr(log, "location", None) if getattr(log, "location_id", None) else None
    if _get(log, "needstype") == 2 and location is not None:
        log.wchair = 1 if location.mobility_type == "W" else 2
    housingneeds = _get(log, "housingneeds")
    if housingneeds:
        kind, other = _get(log, "housingneeds_type"), _get(log, "housingneeds_other")
        log.housingneeds_a = int(housingneeds == 1 and kind == 0)
        log.housingneeds_b = int(housingneeds == 1 and kind == 1)
        log.housingneeds_c = int(housingneeds == 1 and kind == 2)
        log.housingneeds_f = int(housingneeds == 1 and other == 1)
        log.housingneeds_g = int(housingneeds == 2)
        log.housingneeds_h = int(housingneeds == 3)
    if _get(log, "postcode_full") is not None:
        log.postcode_known = 1
    if _get(log, "address_line1") and _get(log, "town_or_city") and not _get(log, "uprn"):
        log.uprn_known = 0
    elif _get(log, "uprn"):
        log.uprn_known = 1
    if _get(log, "renewal") == 1:
        startdate = _get(log, "startdate")
        log.voiddate = startdate
        row = RENT_TYPE_TABLE.get(_get(log, "rent_type"))
        log.unitletas = row[3] if row else None
        if _get(log, "needstype") == 1:
            provider = getattr(log, "owning_organisation_provider_type", None)
            log.prevten = {PRP: 32, LA: 30}.get(provider, log.prevten)
        log.ppostcode_full = getattr(log, "postcode_full", "")
        known = _get(log, "postcode_known")
        log.ppcodenk = {0: 1, 1: 0}.get(known)
        log.is_previous_la_inferred = bool(getattr(log, "is_la_inferred", False))
        la = _get(log, "la")
        log.previous_la_known = 1 if la else None
        log.prevloc = la or ""
    startdate, mrcdate, voiddate = _get(log, "startdate"), _get(log, "mrcdate"), _get(log, "voiddate")
    if startdate is None:
        log.vacdays = None
    elif isinstance(mrcdate, date):
        log.vacdays = (startdate - mrcdate).days
    elif isinstance(voiddate, date):
        log.vacdays = (startdate - voiddate).days
    else:
        log.vacdays = None
    for n in PERSONS:
        same = _get(log, f"gender_same_as_sex{n}")
        if same is not None and same != 2:
            setattr(log, f"gender_description{n}", "")


def _checkbox_zero_fill(log) -> None:
    for group in CHECKBOX_GROUPS:
        if any(getattr(log, column, None) == 1 for column in group):
            for column in group:
                if getattr(log, column, None) is None:
                    setattr(log, column, 0)
