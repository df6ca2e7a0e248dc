"""2026 sales: values the service works out on every save (sales-2026-rules §4.2, in its order).

`derive(log, was)` updates the log in place. `was` maps a column to its value when the log was
loaded (empty for a new log), so rules that depend on what changed in this save can tell.

Postcode normalisation and LA lookup (§4.1), the location resets (§5.3), the UPRN lookup (§4.3) and
address selection (§4.4) need services and run outside this module, before and after it as the save
pipeline (§1) orders them. Rule 18 reads `la_active_on_saledate`, a helper attribute the model provides
(True, False, or None when unknown).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Mapping

from domain.forms.catalogue import DerivedField

PEOPLE = range(1, 7)
OTHER_PEOPLE = range(2, 7)
ADDRESS_FIELDS = ("uprn", "uprn_known", "address_line1", "address_line2", "town_or_city", "county", "postcode_full",
                  "pcode1", "pcode2", "pcodenk", "is_la_inferred", "la")

# Encoded derivations (#23): (conditions, values set while they hold). #1 undoes them when they stop holding.
ENCODED = (
    ({"buylivein": 2}, {"buy1livein": 2}),
    ({"buylivein": 2, "jointpur": 1}, {"buy1livein": 2, "buy2livein": 2}),
    ({"buylivein": 1, "jointpur": 2}, {"buy1livein": 1}),
    ({"mortgageused": 2}, {"mortgage": 0}),
    ({"mortgageused": 3}, {"mortgage": None}),
)

DERIVED_FIELDS = (
    DerivedField("hhmemb", "int", "Number of people in the household"),
    DerivedField("totchild", "int", "Children in the household"),
    DerivedField("totadult", "int", "Adults in the household"),
    DerivedField("hhtype", "int", "Household type"),
    DerivedField("pcode1", "str", "Property postcode, outward code", max_length=4),
    DerivedField("pcode2", "str", "Property postcode, inward code", max_length=3),
    DerivedField("pcodenk", "int", "Property postcode not known"),
    DerivedField("la_known", "int", "Local authority known (bulk upload)"),
    DerivedField("is_la_inferred", "bool", "Local authority worked out from the postcode"),
    DerivedField("uprn_known", "int", "UPRN known"),
    DerivedField("uprn_confirmed", "int", "UPRN confirmed"),
    DerivedField("uprn_selection", "str", "Chosen address", max_length=20),
    DerivedField("manual_address_entry_selected", "bool", "Address entered by hand"),
    DerivedField("ppostc1", "str", "Previous postcode, outward code", max_length=4),
    DerivedField("ppostc2", "str", "Previous postcode, inward code", max_length=3),
    DerivedField("is_previous_la_inferred", "bool", "Previous local authority worked out from the postcode"),
    DerivedField("hoday", "int", "Handover day"),
    DerivedField("homonth", "int", "Handover month"),
    DerivedField("hoyear", "int", "Handover year"),
    DerivedField("address_line1_as_entered", "str", "Address line 1 as entered (bulk upload)", max_length=255),
    DerivedField("address_line2_as_entered", "str", "Address line 2 as entered (bulk upload)", max_length=255),
    DerivedField("town_or_city_as_entered", "str", "Town or city as entered (bulk upload)", max_length=255),
    DerivedField("county_as_entered", "str", "County as entered (bulk upload)", max_length=255),
    DerivedField("postcode_full_as_entered", "str", "Postcode as entered (bulk upload)", max_length=255),
    DerivedField("la_as_entered", "str", "Local authority as entered (bulk upload)", max_length=255),
    DerivedField("address_line1_input", "str", "Address line 1 for address matching", max_length=255),
    DerivedField("postcode_full_input", "str", "Postcode for address matching", max_length=255),
    DerivedField("old_id", "str", "Identifier in the service this replaced", max_length=255),
    DerivedField("old_form_id", "int", "Form identifier in the service this replaced"),
)


class Changes:
    """What changed in this save, comparing the log with the values it was loaded with."""

    def __init__(self, log, was: Mapping[str, Any]):
        self.log, self.was = log, was

    def before(self, field: str):
        value = self.was.get(field)
        return None if value == "" else value

    def changed(self, field: str) -> bool:
        return self.before(field) != _get(self.log, field)


def _get(log, field):
    value = getattr(log, field, None)
    return None if value == "" else value


def _blank(log, field: str) -> None:
    """A blank: "" for a text column that holds a string (the model keeps text columns non-null), else None."""
    setattr(log, field, "" if isinstance(getattr(log, field, None), str) else None)


def derive(log, was: Mapping[str, Any] | None = None) -> None:
    """Set every derived value of a 2026 sales log, in the order of rules §4.2."""
    changes = Changes(log, was or {})
    _undo_stale_encoded(log, changes)  # 1
    _pregnancy_blank(log)  # 2
    if _get(log, "ethnic_group") == 17:  # 3
        log.ethnic = 17
    if _get(log, "has_mscharge") == 0:  # 4
        log.mscharge = None
    _date_parts(log, "exdate", "ex")  # 5
    _date_parts(log, "hodate", "ho")
    # 6 (the outright-sale deposit) only applies to ownershipsch 3, which 2026 has not got.
    _previous_address_from_property(log)  # 7
    _postcode_parts(log)  # 8
    _household(log)  # 9 to 12
    _social_tenant(log)  # 13
    _children_working_situation(log, changes)  # 14
    _uprn(log, changes)  # 15
    _beds(log, changes)  # 16
    for group, field in (("nationality_all_group", "nationality_all"),  # 17
                         ("nationality_all_buyer2_group", "nationality_all_buyer2")):
        if _get(log, group) in (0, 826):
            setattr(log, field, _get(log, group))
    _inactive_la(log, changes)  # 18
    if _get(log, "numstair") == 1 and changes.changed("firststair"):  # 19
        log.numstair = 1 if _get(log, "firststair") == 1 else None
    if _get(log, "stairowned") is not None and _get(log, "stairowned") == 100:  # 20
        log.mrent = 0
    if changes.before("noint") == 2 and _get(log, "noint") == 1 and _get(log, "mortlen") is not None:  # 21
        log.mortlen_known = 0
    for n in PEOPLE:  # 22
        same = _get(log, f"gender_same_as_sex{n}")
        if same is not None and same != 2:
            _blank(log, f"gender_description{n}")
    _apply_encoded(log)  # 23


def _holds(values: Mapping[str, Any], conditions: Mapping[str, Any]) -> bool:
    return all(values.get(field) is not None and values.get(field) == value for field, value in conditions.items())


def _undo_stale_encoded(log, changes: Changes) -> None:
    for conditions, derived in ENCODED:
        before = {field: changes.before(field) for field in conditions}
        if any(changes.changed(field) for field in conditions) and _holds(before, conditions):
            for field in derived:
                setattr(log, field, None)


def _apply_encoded(log) -> None:
    for conditions, derived in ENCODED:
        if _holds({field: _get(log, field) for field in conditions}, conditions):
            for field, value in derived.items():
                setattr(log, field, value)


def _pregnancy_blank(log) -> None:
    if all(_get(log, field) == 0 for field in ("pregyrha", "pregla", "pregghb", "pregother")):
        log.pregblank = 1


def _date_parts(log, field: str, prefix: str) -> None:
    day = _get(log, field)
    if isinstance(day, (date, datetime)):
        setattr(log, f"{prefix}day", day.day)
        setattr(log, f"{prefix}month", day.month)
        setattr(log, f"{prefix}year", day.year)


def _previous_address_from_property(log) -> None:
    """For discounted ownership the buyer's last settled home is taken to be the property."""
    if _get(log, "saledate") is None or _get(log, "ownershipsch") != 2:
        return
    for target, source in (("ppostcode_full", "postcode_full"), ("ppcodenk", "pcodenk"), ("prevloc", "la"),
                           ("is_previous_la_inferred", "is_la_inferred"), ("previous_la_known", "la_known")):
        setattr(log, target, getattr(log, source, None))


def _halves(postcode) -> tuple[str, str] | None:
    if not isinstance(postcode, str) or " " not in postcode.strip():
        return None
    outward, inward = postcode.strip().split(" ", 1)
    return outward, inward.strip()


def _postcode_parts(log) -> None:
    for field, first, second in (("postcode_full", "pcode1", "pcode2"), ("ppostcode_full", "ppostc1", "ppostc2")):
        halves = _halves(_get(log, field))
        if halves:
            setattr(log, first, halves[0])
            setattr(log, second, halves[1])


def _age(log, n: int):
    return _get(log, f"age{n}")


def children(log) -> int:
    """#9: persons 2 to 6 under 18 (or under 20 and recorded as a child, a code older years used)."""
    count = 0
    for n in OTHER_PEOPLE:
        age = _age(log, n)
        if age is not None and (age < 18 or (age < 20 and _get(log, f"relat{n}") == "C")):
            count += 1
    return count


def elders(log) -> int:
    return sum(1 for n in PEOPLE if _age(log, n) is not None and _age(log, n) >= 60)


def adults_under_60(log) -> int:
    """Buyer 1 aged 16 to 59, and persons 2 to 6 aged 20 to 59 or 18 to 19 and not recorded as a child."""
    age1 = _age(log, 1)
    count = 1 if age1 is not None and 16 <= age1 <= 59 else 0
    for n in OTHER_PEOPLE:
        age = _age(log, n)
        if age is None:
            continue
        if 20 <= age <= 59 or (18 <= age <= 19 and _get(log, f"relat{n}") != "C"):
            count += 1
    return count


def household_type(elder_count: int, adult_count: int, child_count: int) -> int:
    """#12, from elders, adults under 60 and children."""
    table = {(1, 0, 0): 1, (2, 0, 0): 2, (0, 1, 0): 3, (0, 2, 0): 4}
    if (elder_count, adult_count, child_count) in table:
        return table[(elder_count, adult_count, child_count)]
    if elder_count == 0 and adult_count == 1 and child_count >= 1:
        return 5
    if elder_count == 0 and adult_count >= 2 and child_count >= 1:
        return 6
    return 9


def _household(log) -> None:
    log.totchild = children(log)
    elder_count, adult_count = elders(log), adults_under_60(log)
    log.totadult = adult_count + elder_count
    hholdcount, jointpur = _get(log, "hholdcount"), _get(log, "jointpur")
    log.hhmemb = hholdcount if hholdcount is not None and jointpur is not None else None
    log.hhtype = household_type(elder_count, adult_count, log.totchild)


def _social_tenant(log) -> None:
    prevten = _get(log, "prevten")
    if _get(log, "ownershipsch") == 1 and prevten is not None:
        log.soctenant = 1 if prevten in (1, 2) or _get(log, "prevtenbuy2") in (1, 2) else 2
    else:
        log.soctenant = None


def _children_working_situation(log, changes: Changes) -> None:
    start = 3 if _get(log, "jointpur") == 1 else 2
    for n in range(start, 7):
        if changes.changed(f"age{n}") and _get(log, f"ecstat{n}") == 9:
            setattr(log, f"ecstat{n}", None)
        age = _age(log, n)
        if age is not None and age < 16:
            setattr(log, f"ecstat{n}", 9)


def _reset_address(log) -> None:
    for field in ADDRESS_FIELDS:
        _blank(log, field)


def _uprn(log, changes: Changes) -> None:
    if _get(log, "address_line1") and _get(log, "town_or_city") and _get(log, "uprn") is None:
        log.uprn_known = 0
    if _get(log, "uprn_known") == 0:
        _blank(log, "uprn")
        if changes.before("uprn_known") == 1:
            _reset_address(log)
    if _get(log, "uprn_known") == 1 and _get(log, "uprn_confirmed") == 0:
        _reset_address(log)
        log.uprn_known = 0
        log.uprn_confirmed = None
    if getattr(log, "manual_address_entry_selected", None) is True:
        log.uprn_known = 0
        _blank(log, "uprn_selection")
        log.uprn_confirmed = None
        return
    if _get(log, "uprn") is not None:
        log.uprn_confirmed = 1
        log.uprn_known = 1
    else:
        _reset_address(log)
    if changes.changed("uprn"):
        log.uprn_selection = _get(log, "uprn")


def _beds(log, changes: Changes) -> None:
    if _get(log, "proptype") == 2:
        log.beds = 1
    elif changes.changed("proptype") and changes.before("proptype") == 2:
        log.beds = None


def _inactive_la(log, changes: Changes) -> None:
    if not changes.changed("saledate"):
        return
    if _get(log, "la") is None or getattr(log, "la_active_on_saledate", None) is False:
        _blank(log, "la")
        log.is_la_inferred = False
