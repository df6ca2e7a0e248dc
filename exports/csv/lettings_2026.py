"""The 2026 lettings download (April 2026 to March 2027), as data: what the form catalogue does not
say about the columns (spec csv-downloads §5.2 to §5.4). Question columns, their order and their
answer labels come from the catalogue (domain/forms/y2026/lettings); exports/csv/logs.py puts the
two together. Next year's module imports this one and changes what differs.
"""

from domain.forms import registry

from . import lettings_values as lv
from . import values

LOG_TYPE = "lettings"
YEAR = 2026
FORM = registry.form_for_year(LOG_TYPE, YEAR)

LEADING = ["id", "status", "duplicate_set_id", "created_by", "assigned_to", "is_dpo", "created_at", "updated_by",
           "updated_at", "creation_method", "collection_start_year", "bulk_upload_id"]

# Questions of the form that are not columns of their own, and why.
SKIPPED_QUESTIONS = {
    **{f"age{n}_known": f"written into age{n} as 'Not known' (-9)" for n in range(1, 9)},
    "nationality_all_group": "implied by nationality_all, which is downloaded",
    "rent_value_check": "placed after the weekly rent, by the brent expansion",
}

# A question id (or checkbox option key) and the columns it becomes, in order.
EXPANSIONS = {
    "owning_organisation_id": ["owning_organisation_name"],
    "managing_organisation_id": ["managing_organisation_name"],
    "assigned_to_id": [],
    "scheme_id": [],
    "location_id": [],
    "needstype": ["needstype", "lettype"],
    "rent_type": ["renttype", "renttype_detail"],
    "irproduct_other": ["irproduct", "irproduct_other", "lar"],
    "rsnvac": ["rsnvac", "newprop"],
    "uprn": ["uprn_known", "uprn"],
    "la": ["is_la_inferred", "la_label", "la"],
    "voiddate": ["voiddate", "vacdays"],
    "age1": ["refused", "hhtype", "totchild", "totelder", "totadult", "age1"],
    "housingneeds_type": ["housingneeds_type", "housingneeds_a", "housingneeds_b", "housingneeds_c",
                          "housingneeds_f", "housingneeds_g", "housingneeds_h"],
    "prevloc": ["is_previous_la_inferred", "prevloc_label", "prevloc"],
    "letting_allocation_unknown": ["letting_allocation_none"],
    "net_income_known": ["net_income_known", "incref"],
    "hb": ["hb", "has_benefits"],
    "household_charge": ["household_charge", "nocharge"],
    "brent": ["brent", "wrent", "rent_value_check"],
    "scharge": ["scharge", "wscharge"],
    "pscharge": ["pscharge", "wpschrge"],
    "supcharg": ["supcharg", "wsupchrg"],
    "tcharge": ["tcharge", "wtcharge"],
    "chcharge": ["chcharge", "wchchrg"],
    "tshortfall": ["tshortfall", "wtshortfall"],
}

# Catalogue columns that no download carries, and why (the exhaustiveness test reads this).
NOT_DOWNLOADED = {
    "owning_organisation_id": "downloaded as owning_organisation_name",
    "managing_organisation_id": "downloaded as managing_organisation_name",
    "assigned_to_id": "downloaded as assigned_to (the user's email)",
    "scheme_id": "downloaded as the scheme block (scheme_code onwards)",
    "location_id": "downloaded as the location columns of the scheme block",
    "rent_type": "downloaded as renttype_detail (the code plus one)",
    "letting_allocation_unknown": "downloaded as letting_allocation_none",
    "offered": "not part of the official download layout (CDS export only)",
    "new_old": "not part of the official download layout (CDS export only)",
    "postcode_known": "not part of the official download layout (implied by postcode_full)",
    **SKIPPED_QUESTIONS,
}

# Support users get the address columns together, in this order (uprn_confirmed is dropped).
SUPPORT_ADDRESS_ORDER = [
    "uprn", "address_line1", "address_line2", "town_or_city", "county", "postcode_full", "is_la_inferred", "la_label",
    "la", "uprn_known", "uprn_selection", "address_search_value_check", "address_line1_input", "postcode_full_input",
    "address_line1_as_entered", "address_line2_as_entered", "town_or_city_as_entered", "county_as_entered",
    "postcode_full_as_entered", "la_as_entered",
]
SUPPORT_DROPPED = ["uprn_confirmed"]

TRAILING = list(lv.SCHEME_BLOCK)

# Left out for everyone but support (besides every soft-check question of the year).
NON_SUPPORT_REMOVED = [
    "postcode_known", "is_la_inferred", "totchild", "totelder", "totadult", "net_income_known", "previous_la_known",
    "is_previous_la_inferred", *(f"age{n}_known" for n in range(1, 9)), *(f"details_known_{n}" for n in range(2, 9)),
    "wrent", "wscharge", "wpschrge", "wsupchrg", "wtcharge", "wtshortfall", "old_form_id", "old_id",
    "tshortfall_known", "hhtype", "la", "prevloc", "updated_by_id", "uprn_confirmed", "address_line1_input",
    "postcode_full_input", "uprn_selection", "address_line1_as_entered", "address_line2_as_entered",
    "town_or_city_as_entered", "county_as_entered", "postcode_full_as_entered", "la_as_entered", "created_by",
]

# Derived columns with labels of their own (no question asks them).
FIXED_LABELS = {
    "lettype": {
        1: "Social rent general needs private registered provider",
        2: "Social rent supported housing private registered provider",
        3: "Social rent general needs local authority",
        4: "Social rent supported housing local authority",
        5: "Affordable rent general needs private registered provider",
        6: "Affordable rent supported housing private registered provider",
        7: "Affordable rent general needs local authority",
        8: "Affordable rent supported housing local authority",
        9: "Intermediate rent general needs private registered provider",
        10: "Intermediate rent supported housing private registered provider",
        11: "Intermediate rent general needs local authority",
        12: "Intermediate rent supported housing local authority",
        13: "Specified accommodation general needs private registered provider",
        14: "Specified accommodation supported housing private registered provider",
        15: "Specified accommodation general needs local authority",
        16: "Specified accommodation supported housing local authority",
    },
    "irproduct": {1: "Rent to Buy", 2: "London Living Rent", 3: "Other intermediate rent product"},
    "lar": {1: "Yes", 2: "No", 3: "Don't know"},
    "newprop": {1: "Yes", 2: "No"},
    "incref": {0: "No", 2: "Yes", 1: "Prefers not to say"},
    "renttype": {1: "Social Rent", 2: "Affordable Rent", 3: "Intermediate Rent", 4: "Specified accommodation"},
    "uprn_known": {0: "No", 1: "Yes"},
}
# Answers the download words as the check-answers page does, not as the question offers them.
LABEL_OVERRIDES = {
    **{f"sexrab{n}": {"R": "Prefers not to say"} for n in range(1, 9)},
    **{f"gender_same_as_sex{n}": {3: "Prefers not to say"} for n in range(1, 9)},
}

YES_NO = {
    *(f"illness_type_{n}" for n in range(1, 11)), "refused", "cbl", "cap", "chr", "accessible_register",
    "letting_allocation_none", *(f"housingneeds_{x}" for x in "abcfgh"), "has_benefits", "nocharge",
    "postcode_known",
}
YES_OR_BLANK = {"declaration", "rp_homeless", "rp_insan_unsat", "rp_medwel", "rp_hardship", "rp_dontknow"}

NOT_KNOWN = {name: rule for person in range(1, 9) for name, rule in lv.person_not_known(person).items()}

_letting_allocation_none = lv.stored("letting_allocation_unknown")

# Columns whose value is not simply the stored answer: (labels, codes) getters.
VALUES = {
    "status": lv.same(lv.status),
    "created_by": lv.same(lv.user_email("created_by")),
    "assigned_to": lv.same(lv.user_email("assigned_to")),
    "updated_by": lv.same(lv.user_email("updated_by")),
    "is_dpo": lv.same(lv.is_dpo),
    "created_at": lv.same(lambda log, ctx: values.iso_timestamp(log.created_at)),
    "updated_at": lv.same(lambda log, ctx: values.iso_timestamp(log.updated_at)),
    "creation_method": (lv.creation_method_label, lv.stored("creation_method")),
    "collection_start_year": lv.same(lv.collection_start_year),
    "bulk_upload_id": lv.same(lv.stored("bulk_upload_id")),  # set once bulk upload stores it
    "owning_organisation_name": lv.same(lv.organisation_name("owning_organisation")),
    "managing_organisation_name": lv.same(lv.organisation_name("managing_organisation")),
    "renttype_detail": (lv.rent_type_detail_label(FORM), lv.rent_type_detail_code),
    "la": lv.same(lv.la_code),
    "la_label": lv.same(lv.la_name("la")),
    "prevloc_label": lv.same(lv.la_name("prevloc")),
    "letting_allocation_none": (lambda log, ctx: values.yes_no(log.letting_allocation_unknown),
                                _letting_allocation_none),
    **lv.SCHEME_BLOCK,
}

# Written by bulk upload and the address search, which store them on the log once they exist;
# until then these columns are empty.
NOT_STORED_YET = ["uprn_selection", "address_search_value_check", "address_line1_input", "postcode_full_input",
                  "address_line1_as_entered", "address_line2_as_entered", "town_or_city_as_entered",
                  "county_as_entered", "postcode_full_as_entered", "la_as_entered", "bulk_upload_id"]

RELATED = ["owning_organisation", "managing_organisation", "assigned_to", "created_by", "updated_by",
           "scheme", "scheme__owning_organisation", "location"]
