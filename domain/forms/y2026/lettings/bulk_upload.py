"""2026 lettings: the official bulk upload template (147 fields), declared once.

`FIELDS` maps each template field number to the catalogue columns its answer feeds (errors on those
columns are reported on that field): most come from the questions (`Question(..., bulk=N)`), the rest
are the special cells below. `build` reads the questions' cells, then the special ones with named
hooks; the bulk-only checks are in `bulk_upload_checks.py`. Field numbers, codes and formats
are those of the published 2026 to 2027 lettings template and its specification.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from domain.bulk_upload.reader import date_from_parts
from domain.bulk_upload.template import STR, Cell, Template, cell, question_answers, question_cells
from domain.forms.y2026.codes import ETHNIC_GROUPS, FIRST_LETS, OTHER_NATIONALITY, PREFERS_NOT_TO_SAY, UK
from domain.forms.y2026.lettings import FORM

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


# Template codes that differ from the catalogue's, by question.
YES_NO = {1: 1, 2: 0}
RENT_TYPES = {n: n - 1 for n in range(1, 8)}
INCOME_KNOWN = {1: 0, 2: 1, 3: 2}
PREVIOUS_POSTCODE_KNOWN = {1: 0, 2: 1}
CODES = {"renewal": YES_NO, "rent_type": RENT_TYPES, "ppcodenk": PREVIOUS_POSTCODE_KNOWN,
         "net_income_known": INCOME_KNOWN}

# The fields that are not one question's answer, read by the hooks of `build`.
SPECIAL_CELLS: dict[int, Cell] = {
    8: cell("startdate", label="Tenancy start date (day)"),
    9: cell("startdate", label="Tenancy start date (month)"),
    10: cell("startdate", label="Tenancy start date (year)"),
    16: cell("rsnvac", "first_time_property_let_as_social_housing"),
    23: cell("postcode_full", kind=STR, label="Postcode (first part)"),
    24: cell("postcode_full", kind=STR, label="Postcode (second part)"),
    29: cell("voiddate", label="Void date (day)"),
    30: cell("voiddate", label="Void date (month)"),
    31: cell("voiddate", label="Void date (year)"),
    32: cell("mrcdate", "majorrepairs", label="Major repairs completion date (day)"),
    33: cell("mrcdate", "majorrepairs", label="Major repairs completion date (month)"),
    34: cell("mrcdate", "majorrepairs", label="Major repairs completion date (year)"),
    41: cell("age1", "age1_known", kind=STR, upper=True, label="Age of the lead tenant"),
    45: cell("ethnic", "ethnic_group"),
    46: cell("nationality_all", "nationality_all_group"),
    **_people_fields(),
    94: cell("housingneeds_type", label="Disabled access needs: fully wheelchair accessible housing"),
    95: cell("housingneeds_type", label="Disabled access needs: wheelchair access to essential rooms"),
    96: cell("housingneeds_type", label="Disabled access needs: level access housing"),
    97: cell("housingneeds_other", label="Disabled access needs: other"),
    98: cell("housingneeds", label="Disabled access needs: none"),
    99: cell("housingneeds", label="Disabled access needs: don’t know"),
    **{number: cell(column) for number, column in zip(range(101, 111), (
        "illness_type_4", "illness_type_5", "illness_type_2", "illness_type_6", "illness_type_7",
        "illness_type_3", "illness_type_9", "illness_type_8", "illness_type_1", "illness_type_10"))},
    118: cell("ppostcode_full", kind=STR, label="Postcode of the last settled home (first part)"),
    119: cell("ppostcode_full", kind=STR, label="Postcode of the last settled home (second part)"),
    120: cell("prevloc", "previous_la_known", kind=STR),
    **{number: cell(column) for number, column in zip(range(122, 127), (
        "rp_homeless", "rp_insan_unsat", "rp_medwel", "rp_hardship", "rp_dontknow"))},
    **{number: cell(column) for number, column in zip(range(127, 131), ("cbl", "cap", "chr", "accessible_register"))},
    131: cell("referral_register", label="Referral source (local authority owned stock)"),
    132: cell("referral_register", label="Referral source (housing association owned stock)"),
    137: cell("earnings", kind="dec"),
    146: cell("hbrentshortfall", "tshortfall_known"),
}


def template_fields(form, codes: dict | None = None) -> dict[int, Cell]:
    """The template's fields: one per question that names its field (`bulk=`), plus the special cells."""
    return dict(sorted({**question_cells(form, {**CODES, **(codes or {})}), **SPECIAL_CELLS}.items()))


FIELDS = template_fields(FORM)

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

PARTNER = {1: "P", 2: "X", 3: "R"}


def _text(row, number) -> str | None:
    value = row.raw.get(number)
    return value.strip() if value and value.strip() else None


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
    fields = context.template.fields
    answers = question_answers(row, fields)
    if not answers["assigned_to_id"]:
        answers["assigned_to_id"] = None if context.uploader_is_support else context.uploader.email
    if get(4) != 2:  # general needs: no scheme, location or "pays charges" question
        answers.update(scheme_id=None, location_id=None, household_charge=None)
    if get(11) != 6:
        answers["irproduct_other"] = None
    answers["declaration"] = 1 if get(15) == 1 else None
    _dates(answers, row)
    answers["rsnvac"] = get(16)
    answers["first_time_property_let_as_social_housing"] = None if get(16) is None else int(get(16) in FIRST_LETS)
    answers["postcode_full"] = _postcode(row, 23, 24)
    answers["ethnic"] = get(45)
    answers["ethnic_group"] = ETHNIC_GROUPS.get(get(45)) if get(45) is not None else None
    answers["ppostcode_full"] = _postcode(row, 118, 119)
    answers["prevloc"], answers["previous_la_known"] = _text(row, 120), 1 if _text(row, 120) else 0
    answers["referral_register"] = get(131) if get(131) is not None else get(132)
    answers["earnings"] = None if get(137) is None else int(get(137).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    answers["hbrentshortfall"] = get(146)
    answers["tshortfall_known"] = None if get(146) is None else (0 if get(146) == 1 else 1)
    _age(answers, row, 1, 41)
    _nationality(answers, get(46))
    _people(answers, row)
    _housing_needs(answers, row)
    for number in (*range(101, 111), *range(122, 127)):
        answers[fields[number].columns[0]] = 1 if get(number) == 1 else (0 if get(number) == 0 and number >= 122 else None)
    allocation = [get(n) for n in (127, 128, 129, 130)]
    for number, column in zip((127, 128, 129, 130), ("cbl", "cap", "chr", "accessible_register")):
        answers[column] = YES_NO.get(get(number))
    answers["letting_allocation_unknown"] = 1 if allocation == [2, 2, 2, 2] else (0 if None not in allocation else None)
    if None in [get(n) for n in CHARGE_FIELDS]:  # the charges are given together or not at all
        answers.update({fields[number].columns[0]: None for number in CHARGE_FIELDS})
    return answers


def _dates(answers, row) -> None:
    answers["startdate"], answers["voiddate"], answers["mrcdate"] = _date(row, 8), _date(row, 29), _date(row, 32)
    answers["majorrepairs"] = 1 if answers["mrcdate"] else 0


def _people(answers, row) -> None:
    get = row.get
    present = [n for n in PERSONS if person_present(row, n)]
    answers["hhmemb"] = 1 + len(present)
    for n in PERSONS:
        base = person_base(n)
        # Beyond the household there is no question to answer (routing would only clear a 1).
        answers[f"details_known_{n}"] = 0 if n in present else 1 if n <= answers["hhmemb"] else None
        if n in present:
            _age(answers, row, n, base)
            answers[f"relat{n}"] = PARTNER.get(get(base + 1))
            answers[f"sexrab{n}"] = get(base + 2)
            answers[f"gender_same_as_sex{n}"] = get(base + 3)
            answers[f"gender_description{n}"] = _text(row, base + 4)
            answers[f"ecstat{n}"] = get(base + 5)


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
