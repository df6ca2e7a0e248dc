"""2026 sales: the official bulk upload template (136 fields), declared once.

`FIELDS` says, for each template field number, which catalogue columns (columns of `SalesLog`) its
answer feeds; errors on those columns are reported on that field. Most come from the questions
(`Question(..., bulk=N)`); the special cells below are read by the named hooks of `build`. Several answers have a column per
kind of sale (the price is field 99 for a shared ownership initial purchase, 120 for staircasing and
128 for discounted ownership): `build` reads the column of the row's kind of sale, and `route_fields`
reports errors there. The bulk-only checks are in `bulk_upload_checks.py`.
"""

from __future__ import annotations

from decimal import Decimal

from domain.bulk_upload.template import DEC, STR, Cell, Template, cell, question_answers, question_cells
from domain.forms.y2026.codes import ETHNIC_GROUPS
from domain.forms.y2026.sales import FORM

from . import bulk_upload_checks
from .bulk_upload_cells import (
    DISCOUNTED, NOT_KNOWN, SHARED, _age, _charge, _date, _mortgage_length, _nationality, _not_known_or_number,
    _postcode, _tenure, _years_lived, is_number, person_base, person_present, route, text,
)

OTHER_PEOPLE = range(3, 7)
PARTNER = {1: "P", 2: "X", 3: "R"}
PREVIOUS_POSTCODE_KNOWN = {1: 0, 2: 1}


def _people_fields() -> dict[int, Cell]:
    fields = {}
    for n in OTHER_PEOPLE:
        base = person_base(n)
        fields.update({
            base: cell(f"relat{n}", f"details_known_{n}"),
            base + 1: cell(f"age{n}", f"age{n}_known", kind=STR, upper=True, label=f"Age of person {n}"),
            base + 2: cell(f"sexrab{n}", kind=STR, upper=True),
            base + 3: cell(f"gender_same_as_sex{n}"),
            base + 4: cell(f"gender_description{n}", kind=STR),
            base + 5: cell(f"ecstat{n}"),
        })
    return fields


def _date_cells(column: str, what: str, first: int) -> dict[int, Cell]:
    return {first + i: cell(column, label=f"{what} ({part})") for i, part in enumerate(("day", "month", "year"))}


# The fields that are not one question's answer, read by the hooks of `build`.
SPECIAL_CELLS: dict[int, Cell] = {
    **_date_cells("saledate", "Sale completion date", 1),
    9: cell("type", label="Type of shared ownership sale"),
    11: cell("type", label="Type of discounted ownership sale"),
    21: cell("postcode_full", kind=STR, label="Postcode (first part)"),
    22: cell("postcode_full", kind=STR, label="Postcode (second part)"),
    29: cell("age1", "age1_known", kind=STR, upper=True, label="Age of buyer 1"),
    33: cell("ethnic", "ethnic_group"),
    34: cell("nationality_all", "nationality_all_group"),
    37: cell("relat2", "details_known_2"),
    38: cell("age2", "age2_known", kind=STR, upper=True, label="Age of buyer or person 2"),
    42: cell("ethnicbuy2", "ethnic_group2"),
    43: cell("nationality_all_buyer2", "nationality_all_buyer2_group"),
    **_people_fields(),
    71: cell("prevten", kind=STR, upper=True),
    72: cell("ppcodenk"),
    73: cell("ppostcode_full", kind=STR, label="Postcode of buyer 1’s last settled home (first part)"),
    74: cell("ppostcode_full", kind=STR, label="Postcode of buyer 1’s last settled home (second part)"),
    75: cell("prevloc", "previous_la_known", kind=STR),
    77: cell("prevtenbuy2", kind=STR, upper=True),
    83: cell("income1", "income1nk", kind=STR, upper=True),
    85: cell("income2", "income2nk", kind=STR, upper=True),
    88: cell("savings", "savingsnk", kind=STR, upper=True),
    # Shared ownership, initial purchase
    92: cell("proplen", "proplen_asked"),
    **_date_cells("hodate", "Practical completion or handover date", 93),
    99: cell("value", kind=DEC),
    100: cell("equity", kind=DEC),
    101: cell("mortgageused"),
    102: cell("mortgage", kind=DEC),
    103: cell("mortlen", "mortlen_known", kind=STR, upper=True, label="Length of the mortgage"),
    104: cell("deposit", kind=DEC),
    106: cell("mrent", kind=DEC),
    107: cell("mscharge", "has_mscharge", kind=STR, upper=True, label="Monthly service charge"),
    108: cell("management_fee", "has_management_fee", kind=DEC),
    # Shared ownership, staircasing
    **_date_cells("initialpurchase", "Date of the initial purchase", 113),
    **_date_cells("lasttransaction", "Date of the last staircasing transaction", 117),
    120: cell("value", kind=DEC),
    121: cell("equity", kind=DEC),
    122: cell("mortgageused"),
    124: cell("mrent", kind=DEC),
    125: cell("mscharge", "has_mscharge", kind=STR, upper=True, label="Monthly service charge"),
    126: cell("newservicecharges", "hasservicechargeschanged", kind=STR, upper=True,
              label="New monthly service charge"),
    # Discounted ownership
    127: cell("proplen", "proplen_asked"),
    128: cell("value", kind=DEC),
    131: cell("mortgageused"),
    132: cell("mortgage", kind=DEC),
    133: cell("mortlen", "mortlen_known", kind=STR, upper=True, label="Length of the mortgage"),
    135: cell("deposit", kind=DEC),
    136: cell("mscharge", "has_mscharge", kind=STR, upper=True, label="Monthly leasehold charges"),
}



def template_fields(form) -> dict[int, Cell]:
    """The template's fields: one per question that names its field (`bulk=`), plus the special cells."""
    return dict(sorted({**question_cells(form), **SPECIAL_CELLS}.items()))


FIELDS = template_fields(FORM)

SETUP_FIELDS = frozenset(range(1, 16))
EXTRA_ERROR_FIELDS = {
    "pcodenk": (21, 22),
    "la_known": (23,), "is_la_inferred": (23,),
    "uprn_known": (16,), "uprn_confirmed": (16,), "uprn_selection": (16,),
    "ppcodenk": (72, 73, 74),
    "hhmemb": (46,),
}
DUPLICATE_FIELDS = (4, 1, 2, 3, 7, 16, 17, 21, 22, 29, 30, 35)
EXISTING_DUPLICATE_FIELDS = (4, 1, 2, 3, 16, 17, 21, 22, 29, 30, 35, 7)
EXISTING_DUPLICATE_COLUMNS = ("saledate", "age1", "sexrab1", "ecstat1", "owning_organisation_id", "postcode_full",
                              "uprn", "address_line1", "purchid")

# The fields of an answer asked in more than one section: by kind of sale (see `route`).
ROUTED = {
    "value": {"initial": (99,), "staircasing": (120,), "discounted": (128,)},
    "equity": {"initial": (100,), "staircasing": (121,)},
    "mortgageused": {"initial": (101,), "staircasing": (122,), "discounted": (131,)},
    "mortgage": {"initial": (102,), "staircasing": (102,), "discounted": (132,)},
    "mortlen": {"initial": (103,), "staircasing": (103,), "discounted": (133,)},
    "deposit": {"initial": (104,), "staircasing": (104,), "discounted": (135,)},
    "mrent": {"initial": (106,), "staircasing": (124,)},
    "mscharge": {"initial": (107,), "staircasing": (125,), "discounted": (136,)},
    "proplen": {"initial": (92,), "staircasing": (92,), "discounted": (127,)},
}
ROUTED.update({"mortlen_known": ROUTED["mortlen"], "has_mscharge": ROUTED["mscharge"],
               "proplen_asked": ROUTED["proplen"]})


def route_fields(column: str, row) -> tuple[int, ...] | None:
    """The fields an error on `column` goes on for this row, when that depends on the kind of sale."""
    if column == "type":
        return {SHARED: (8, 9), DISCOUNTED: (8, 11)}.get(row.get(8), (9, 11, 8))
    by_route = ROUTED.get(column)
    if by_route is None:
        return None
    kind = route(row)
    if kind is None:
        return tuple(sorted({n for fields in by_route.values() for n in fields}))
    return by_route.get(kind, ())


def build(row, context) -> dict:
    """The answers of one row in catalogue names and codes (references as the cells give them)."""
    get = row.get
    kind = route(row)
    answers = question_answers(row, context.template.fields)
    if not answers["assigned_to_id"]:
        answers["assigned_to_id"] = None if context.uploader_is_support else context.uploader.email
    answers["privacynotice"] = 1 if get(15) == 1 else None
    if kind != "discounted":
        answers["extrabor"] = None
    answers.update({
        "saledate": _date(row, 1),
        "type": get(9) if get(8) == SHARED else (get(11) if get(8) == DISCOUNTED else None),
        "postcode_full": _postcode(row, 21, 22),
        "ethnic": get(33), "ethnic_group": None if get(33) is None else ETHNIC_GROUPS.get(get(33)),
        "ethnicbuy2": get(42), "ethnic_group2": None if get(42) is None else ETHNIC_GROUPS.get(get(42), get(42)),
        "prevten": _tenure(row, 71),
        "ppcodenk": PREVIOUS_POSTCODE_KNOWN.get(get(72)),
        "ppostcode_full": _postcode(row, 73, 74) if text(row, 73) and text(row, 74) else None,
        "prevloc": text(row, 75), "previous_la_known": 1 if text(row, 75) else 0,
        "prevtenbuy2": _tenure(row, 77),
        "hodate": _date(row, 93),
        "management_fee": get(108),
        "has_management_fee": None if get(108) is None else int(get(108) > 0),
        "initialpurchase": _date(row, 113), "lasttransaction": _date(row, 117),
    })
    _age(answers, row, 1, 29)
    _nationality(answers, get(34), "nationality_all", "nationality_all_group")
    _nationality(answers, get(43), "nationality_all_buyer2", "nationality_all_buyer2_group")
    _not_known_or_number(answers, row, 83, "income1", "income1nk")
    _not_known_or_number(answers, row, 85, "income2", "income2nk")
    _not_known_or_number(answers, row, 88, "savings", "savingsnk", kind=int)
    _people(answers, row)
    _sale_answers(answers, row, kind)
    new_charges = text(row, 126)
    if new_charges is None:
        answers["hasservicechargeschanged"] = answers["newservicecharges"] = None
    elif new_charges.upper() == NOT_KNOWN:
        answers["hasservicechargeschanged"], answers["newservicecharges"] = 2, None
    else:
        answers["hasservicechargeschanged"] = 1
        answers["newservicecharges"] = Decimal(new_charges) if is_number(new_charges) else None
    return answers


def _people(answers, row) -> None:
    get = row.get
    present = person_present(row, 2)
    answers["details_known_2"] = 1 if present else 2
    answers["relat2"] = PARTNER.get(get(37))
    _age(answers, row, 2, 38, present)
    for n in OTHER_PEOPLE:
        base = person_base(n)
        present = person_present(row, n)
        answers[f"details_known_{n}"] = 1 if present else 2
        answers[f"relat{n}"] = PARTNER.get(get(base)) if present else None
        _age(answers, row, n, base + 1, present)
        answers[f"sexrab{n}"] = get(base + 2) if present else None
        answers[f"gender_same_as_sex{n}"] = get(base + 3) if present else None
        answers[f"gender_description{n}"] = text(row, base + 4) if present else None
        answers[f"ecstat{n}"] = get(base + 5) if present else None


def _sale_answers(answers, row, kind) -> None:
    """The answers whose field depends on the kind of sale."""
    get = row.get
    if kind == "discounted":
        answers.update(value=get(128), mortgageused=get(131), mortgage=get(132), deposit=get(135),
                       equity=None, mrent=None)
        _years_lived(answers, row, 127)
        _mortgage_length(answers, row, 133)
        _charge(answers, row, 136)
        return
    staircasing = kind == "staircasing"
    answers.update(value=get(120 if staircasing else 99), equity=get(121 if staircasing else 100),
                   mortgageused=get(122 if staircasing else 101), mortgage=get(102), deposit=get(104),
                   mrent=get(124 if staircasing else 106))
    _years_lived(answers, row, 92)
    _mortgage_length(answers, row, 103)
    _charge(answers, row, 125 if staircasing else 107)


def describe_row(row) -> dict:
    return {"purchaser_code": (text(row, 7) or "")[:64]}


TEMPLATE = Template(
    log_type="sales",
    year=2026,
    fields=FIELDS,
    setup_fields=SETUP_FIELDS,
    date_fields=(1, 2, 3),
    duplicate_fields=DUPLICATE_FIELDS,
    build=build,
    checks=bulk_upload_checks.check_row,
    extra_error_fields=EXTRA_ERROR_FIELDS,
    describe_row=describe_row,
    route_fields=route_fields,
    existing_duplicate_columns=EXISTING_DUPLICATE_COLUMNS,
    existing_duplicate_fields=EXISTING_DUPLICATE_FIELDS,
)
