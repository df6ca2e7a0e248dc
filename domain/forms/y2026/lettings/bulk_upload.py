"""2026 lettings: the official bulk upload template (147 fields), declared once.

`FIELDS` maps each template field number to the catalogue columns its answer feeds (errors on those
columns are reported on that field). `build` turns a row of typed cells into answers in catalogue
names and codes; the bulk-only checks are in `bulk_upload_checks.py`. Field numbers, codes and formats
are those of the published 2026 to 2027 lettings template and its specification.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from domain.bulk_upload.reader import date_from_parts
from domain.bulk_upload.template import STR, Cell, Template, cell

from . import bulk_upload_checks

PERSONS = range(2, 9)


def person_base(n: int) -> int:
    """The first of person n's six fields (age, partner, sex, gender same, gender identity, working)."""
    return 48 + 6 * (n - 2)


def _people_fields() -> dict[int, Cell]:
    fields = {}
    for n in PERSONS:
        base = person_base(n)
        fields.update({
            base: cell(f"age{n}", f"age{n}_known", f"details_known_{n}", kind=STR, upper=True,
                       label=f"Age of person {n}"),
            base + 1: cell(f"relat{n}"),
            base + 2: cell(f"sexrab{n}", kind=STR, upper=True),
            base + 3: cell(f"gender_same_as_sex{n}"),
            base + 4: cell(f"gender_description{n}", kind=STR),
            base + 5: cell(f"ecstat{n}"),
        })
    return fields


FIELDS: dict[int, Cell] = {
    1: cell("owning_organisation_id", kind=STR),
    2: cell("managing_organisation_id", kind=STR),
    3: cell("assigned_to_id", kind=STR),
    4: cell("needstype"),
    5: cell("scheme_id", kind=STR),
    6: cell("location_id", kind=STR),
    7: cell("renewal"),
    8: cell("startdate", label="Tenancy start date (day)"),
    9: cell("startdate", label="Tenancy start date (month)"),
    10: cell("startdate", label="Tenancy start date (year)"),
    11: cell("rent_type"),
    12: cell("irproduct_other", kind=STR),
    13: cell("tenancycode", kind=STR),
    14: cell("propcode", kind=STR),
    15: cell("declaration"),
    16: cell("rsnvac", "first_time_property_let_as_social_housing"),
    17: cell("unitletas"),
    18: cell("uprn", kind=STR),
    19: cell("address_line1", kind=STR),
    20: cell("address_line2", kind=STR),
    21: cell("town_or_city", kind=STR),
    22: cell("county", kind=STR),
    23: cell("postcode_full", kind=STR, label="Postcode (first part)"),
    24: cell("postcode_full", kind=STR, label="Postcode (second part)"),
    25: cell("la", kind=STR),
    26: cell("unittype_gn"),
    27: cell("wchair"),
    28: cell("beds"),
    29: cell("voiddate", label="Void date (day)"),
    30: cell("voiddate", label="Void date (month)"),
    31: cell("voiddate", label="Void date (year)"),
    32: cell("mrcdate", "majorrepairs", label="Major repairs completion date (day)"),
    33: cell("mrcdate", "majorrepairs", label="Major repairs completion date (month)"),
    34: cell("mrcdate", "majorrepairs", label="Major repairs completion date (year)"),
    35: cell("sheltered"),
    36: cell("joint"),
    37: cell("startertenancy"),
    38: cell("tenancy"),
    39: cell("tenancyother", kind=STR),
    40: cell("tenancylength"),
    41: cell("age1", "age1_known", kind=STR, upper=True, label="Age of the lead tenant"),
    42: cell("sexrab1", kind=STR, upper=True),
    43: cell("gender_same_as_sex1"),
    44: cell("gender_description1", kind=STR),
    45: cell("ethnic", "ethnic_group"),
    46: cell("nationality_all", "nationality_all_group"),
    47: cell("ecstat1"),
    **_people_fields(),
    90: cell("armedforces"),
    91: cell("leftreg"),
    92: cell("reservist"),
    93: cell("preg_occ"),
    94: cell("housingneeds_type", label="Disabled access needs: fully wheelchair accessible housing"),
    95: cell("housingneeds_type", label="Disabled access needs: wheelchair access to essential rooms"),
    96: cell("housingneeds_type", label="Disabled access needs: level access housing"),
    97: cell("housingneeds_other", label="Disabled access needs: other"),
    98: cell("housingneeds", label="Disabled access needs: none"),
    99: cell("housingneeds", label="Disabled access needs: don’t know"),
    100: cell("illness"),
    **{number: cell(column) for number, column in zip(range(101, 111), (
        "illness_type_4", "illness_type_5", "illness_type_2", "illness_type_6", "illness_type_7",
        "illness_type_3", "illness_type_9", "illness_type_8", "illness_type_1", "illness_type_10"))},
    111: cell("layear"),
    112: cell("waityear"),
    113: cell("reason"),
    114: cell("reasonother", kind=STR),
    115: cell("prevten"),
    116: cell("homeless"),
    117: cell("ppcodenk"),
    118: cell("ppostcode_full", kind=STR, label="Postcode of the last settled home (first part)"),
    119: cell("ppostcode_full", kind=STR, label="Postcode of the last settled home (second part)"),
    120: cell("prevloc", "previous_la_known", kind=STR),
    121: cell("reasonpref"),
    122: cell("rp_homeless"),
    123: cell("rp_insan_unsat"),
    124: cell("rp_medwel"),
    125: cell("rp_hardship"),
    126: cell("rp_dontknow"),
    127: cell("cbl"),
    128: cell("cap"),
    129: cell("chr"),
    130: cell("accessible_register"),
    131: cell("referral_register", label="Referral source (local authority owned stock)"),
    132: cell("referral_register", label="Referral source (housing association owned stock)"),
    133: cell("referral_noms"),
    134: cell("referral_org"),
    135: cell("net_income_known"),
    136: cell("incfreq"),
    137: cell("earnings", kind="dec"),
    138: cell("hb"),
    139: cell("benefits"),
    140: cell("household_charge"),
    141: cell("period"),
    142: cell("brent", kind="dec"),
    143: cell("scharge", kind="dec"),
    144: cell("pscharge", kind="dec"),
    145: cell("supcharg", kind="dec"),
    146: cell("hbrentshortfall", "tshortfall_known"),
    147: cell("tshortfall", kind="dec"),
}

SETUP_FIELDS = frozenset(range(1, 16))
CHARGE_FIELDS = (142, 143, 144, 145)
# Errors on these columns (or unanswered questions with these names) go on these fields.
EXTRA_ERROR_FIELDS = {
    "tcharge": CHARGE_FIELDS,
    "letting_allocation": (127, 128, 129, 130),
    "letting_allocation_unknown": (127, 128, 129, 130),
    "condition_effects": tuple(range(101, 111)),
    "reasonable_preference_reason": (122, 123, 124, 125, 126),
    "postcode_known": (23, 24),
    "hhmemb": tuple(person_base(n) for n in PERSONS),
}
DUPLICATE_FIELDS = (1, 8, 9, 10, 13, 18, 19, 23, 24, 41, 42, 47)

YES_NO = {1: 1, 2: 0}
PARTNER = {1: "P", 2: "X", 3: "R"}
INCOME_KNOWN = {1: 0, 2: 1, 3: 2}
PREVIOUS_POSTCODE_KNOWN = {1: 0, 2: 1}
RENT_TYPES = {n: n - 1 for n in range(1, 8)}
ETHNIC_GROUPS = {
    **dict.fromkeys((1, 2, 3, 18, 20), 0), **dict.fromkeys((4, 5, 6, 7), 1),
    **dict.fromkeys((8, 9, 10, 11, 15), 2), **dict.fromkeys((12, 13, 14), 3), **dict.fromkeys((16, 19), 4), 17: 17,
}
FIRST_LETS = (15, 16, 17)
UK, PREFERS_NOT_TO_SAY, OTHER_NATIONALITY = 826, 0, 12


def _text(row, number) -> str | None:
    value = row.raw.get(number)
    return value.strip() if value and value.strip() else None


def _coded(row, number, mapping):
    """A code through a mapping; a value outside it stays as it is so that the option check reports it."""
    value = row.get(number)
    return mapping.get(value, value) if value is not None else None


def _date(row, first):
    return date_from_parts(row.get(first), row.get(first + 1), row.get(first + 2))


def _postcode(row, first, second) -> str | None:
    parts = [part for part in (_text(row, first), _text(row, second)) if part]
    return " ".join(" ".join(parts).split()) or None


def person_present(row, n: int) -> bool:
    base = person_base(n)
    return any(_text(row, number) for number in range(base, base + 5))


def _age(answers, row, n, number) -> None:
    text = _text(row, number)
    known, age = f"age{n}_known", f"age{n}"
    if text is None:
        answers[known] = None if n > 1 else 0
        return
    if text.upper() == "R":
        answers[known], answers[age] = 1, None
        return
    answers[known] = 0
    answers[age] = int(text) if text.isdigit() and len(text) <= 3 else None


def _housing_needs(answers, row) -> None:
    ticked = {number for number in range(94, 100) if row.get(number) == 1}
    if 98 in ticked:
        answers["housingneeds"] = 2
    elif 99 in ticked:
        answers["housingneeds"] = 3
    elif ticked & {94, 95, 96, 97}:
        answers["housingneeds"] = 1
    else:
        answers["housingneeds"] = None
    if answers["housingneeds"] == 1:
        kind = next((code for code, number in enumerate((94, 95, 96)) if number in ticked), 3)
        answers["housingneeds_type"] = kind
        answers["housingneeds_other"] = 1 if 97 in ticked else 0


def build(row, context) -> dict:
    """The answers of one row, in catalogue names and codes (references as the cells give them)."""
    get = row.get
    supported = get(4) == 2
    answers = {
        "owning_organisation_id": _text(row, 1),
        "managing_organisation_id": _text(row, 2),
        "assigned_to_id": _text(row, 3) or (None if context.uploader_is_support else context.uploader.email),
        "needstype": get(4),
        "scheme_id": _text(row, 5) if supported else None,
        "location_id": _text(row, 6) if supported else None,
        "renewal": _coded(row, 7, YES_NO),
        "startdate": _date(row, 8),
        "rent_type": _coded(row, 11, RENT_TYPES),
        "irproduct_other": _text(row, 12) if get(11) == 6 else None,
        "tenancycode": _text(row, 13), "propcode": _text(row, 14),
        "declaration": 1 if get(15) == 1 else None,
        "rsnvac": get(16),
        "first_time_property_let_as_social_housing": None if get(16) is None else int(get(16) in FIRST_LETS),
        "unitletas": get(17),
        "uprn": _text(row, 18), "address_line1": _text(row, 19), "address_line2": _text(row, 20),
        "town_or_city": _text(row, 21), "county": _text(row, 22), "postcode_full": _postcode(row, 23, 24),
        "la": _text(row, 25),
        "unittype_gn": get(26), "wchair": get(27), "beds": get(28),
        "voiddate": _date(row, 29), "mrcdate": _date(row, 32),
        "majorrepairs": 1 if _date(row, 32) else 0,
        "sheltered": get(35), "joint": get(36), "startertenancy": get(37), "tenancy": get(38),
        "tenancyother": _text(row, 39), "tenancylength": get(40),
        "sexrab1": get(42), "gender_same_as_sex1": get(43), "gender_description1": _text(row, 44),
        "ethnic": get(45), "ethnic_group": ETHNIC_GROUPS.get(get(45)) if get(45) is not None else None,
        "ecstat1": get(47),
        "armedforces": get(90), "leftreg": get(91), "reservist": get(92), "preg_occ": get(93),
        "illness": get(100),
        "layear": get(111), "waityear": get(112), "reason": get(113), "reasonother": _text(row, 114),
        "prevten": get(115), "homeless": get(116),
        "ppcodenk": _coded(row, 117, PREVIOUS_POSTCODE_KNOWN), "ppostcode_full": _postcode(row, 118, 119),
        "prevloc": _text(row, 120), "previous_la_known": 1 if _text(row, 120) else 0,
        "reasonpref": get(121),
        "referral_register": get(131) if get(131) is not None else get(132),
        "referral_noms": get(133), "referral_org": get(134),
        "net_income_known": _coded(row, 135, INCOME_KNOWN), "incfreq": get(136),
        "earnings": None if get(137) is None else int(get(137).quantize(Decimal(1), rounding=ROUND_HALF_UP)),
        "hb": get(138), "benefits": get(139), "household_charge": get(140) if supported else None,
        "period": get(141),
        "hbrentshortfall": get(146), "tshortfall_known": None if get(146) is None else (0 if get(146) == 1 else 1),
        "tshortfall": get(147),
    }
    _age(answers, row, 1, 41)
    _nationality(answers, get(46))
    present = [n for n in PERSONS if person_present(row, n)]
    answers["hhmemb"] = 1 + len(present)
    for n in PERSONS:
        base = person_base(n)
        answers[f"details_known_{n}"] = 0 if n in present else 1
        if n in present:
            _age(answers, row, n, base)
            answers[f"relat{n}"] = PARTNER.get(get(base + 1))
            answers[f"sexrab{n}"] = get(base + 2)
            answers[f"gender_same_as_sex{n}"] = get(base + 3)
            answers[f"gender_description{n}"] = _text(row, base + 4)
            answers[f"ecstat{n}"] = get(base + 5)
    _housing_needs(answers, row)
    for number, spec in FIELDS.items():
        if 101 <= number <= 110 or 122 <= number <= 126:
            answers[spec.columns[0]] = 1 if get(number) == 1 else (0 if get(number) == 0 and number >= 122 else None)
    allocation = [get(n) for n in (127, 128, 129, 130)]
    for number, column in zip((127, 128, 129, 130), ("cbl", "cap", "chr", "accessible_register")):
        answers[column] = YES_NO.get(get(number))
    answers["letting_allocation_unknown"] = 1 if allocation == [2, 2, 2, 2] else (0 if None not in allocation else None)
    charges = [get(n) for n in CHARGE_FIELDS]
    for number, value in zip(CHARGE_FIELDS, charges):
        answers[FIELDS[number].columns[0]] = value if None not in charges else None
    return answers


def _nationality(answers, code) -> None:
    answers["nationality_all"] = None
    if code is None:
        answers["nationality_all_group"] = None
    elif code in (UK, PREFERS_NOT_TO_SAY):
        answers["nationality_all_group"] = code
    elif code in bulk_upload_checks.COUNTRY_CODES:
        answers["nationality_all_group"], answers["nationality_all"] = OTHER_NATIONALITY, code
    else:
        answers["nationality_all_group"] = None


def describe_row(row) -> dict:
    return {"tenant_code": _text(row, 13) or "", "property_ref": _text(row, 14) or ""}


TEMPLATE = Template(
    log_type="lettings",
    year=2026,
    fields=FIELDS,
    setup_fields=SETUP_FIELDS,
    date_fields=(8, 9, 10),
    duplicate_fields=DUPLICATE_FIELDS,
    build=build,
    checks=bulk_upload_checks.check_row,
    extra_error_fields=EXTRA_ERROR_FIELDS,
    describe_row=describe_row,
    existing_duplicate_columns=("startdate", "age1", "sexrab1", "ecstat1", "owning_organisation_id", "tcharge",
                                "postcode_full", "address_line1", "uprn", "tenancycode"),
    existing_duplicate_fields=(1, 8, 9, 10, 13, 18, 19, 23, 24, 25, 41, 42, 47, 142, 143, 144, 145),
)
