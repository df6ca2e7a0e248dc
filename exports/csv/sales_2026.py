"""The 2026 sales download (April 2026 to March 2027), as data (spec csv-downloads §5.5, §5.6).

Question columns, their order and their answer labels come from the sales catalogue
(domain/forms/y2026/sales); this module says what the catalogue cannot: the leading columns, which
questions the download leaves out (by the sales naming rule), how fields expand into several
columns, the support and non-support layouts, the support header names, and the values of the
columns no question asks. exports/csv/logs.py builds the layout from both, as for lettings.
"""

from domain.forms import registry
from exports.cds import sales as cds_sales

from . import lettings_values as lv
from . import sales_values as sv
from . import values

LOG_TYPE = "sales"
YEAR = 2026
FORM = registry.form_for_year(LOG_TYPE, YEAR)

LEADING = ["id", "status", "duplicate_set_id", "created_at", "created_by_id", "updated_at", "updated_by_id",
           "creation_method", "bulk_upload_id"]

# Question ids the sales layout leaves out, by what their name contains (spec §5.6 step 2).
_SKIPPED_BY_NAME = [
    ("_check", "a soft-check confirmation; the layout carries only value_value_check and mscharge_value_check"),
    ("_asked", "a routing question; its answer is implied by the column it asks about"),
    ("organisation_id", "downloaded with the leading columns (name and id)"),
    ("assigned_to", "downloaded with the leading columns (email and id)"),
    ("created_by", "downloaded with the leading columns (email and id)"),
    ("soctenant", "not part of the 2026 sales layout"),
    ("management_fee", "downloaded after mrent, with the service charges"),
    ("mscharge", "downloaded after mrentprestaircasing, discounted ownership only"),
    ("grant", "downloaded after mrentprestaircasing"),
    ("discount", "downloaded after mrentprestaircasing"),
    ("extrabor", "downloaded after mrentprestaircasing"),
]
_KNOWN_REASON = "a 'do you know' companion: the answer column says 'Not known' / 'Prefers not to say' instead"


def _skip_reason(question_id: str) -> str | None:
    if "_known" in question_id and "la_known" not in question_id:
        return _KNOWN_REASON
    if question_id in ("nationality_all_group", "nationality_all_buyer2_group"):
        return "implied by the nationality column, which is downloaded"
    return next((reason for part, reason in _SKIPPED_BY_NAME if part in question_id), None)


SKIPPED_QUESTIONS = {
    column: reason for column in dict.fromkeys(c for q in FORM.questions for c in q.columns)
    if (reason := _skip_reason(column))
}

EXPANSIONS = {
    "duplicate_set_id": ["duplicate_set_id", "owning_organisation_name", "owning_organisation_id",
                         "managing_organisation_name", "managing_organisation_id"],
    "created_by_id": ["created_by", "created_by_id", "assigned_to", "assigned_to_id"],
    "updated_by_id": ["updated_by", "updated_by_id"],
    "bulk_upload_id": ["bulk_upload_id", "collection_start_year"],
    "saledate": ["day", "month", "year"],
    "hodate": ["hoday", "homonth", "hoyear"],
    "ppostcode_full": ["ppostc1", "ppostc2"],
    "la": ["la", "la_label"],
    "prevloc": ["prevloc", "prevloc_label"],
    "uprn": ["uprn", "uprn_confirmed", "address_line1_input", "postcode_full_input", "uprn_selection"],
    "value": ["value", "value_value_check"],
    "prevten": ["hhtype", "prevten"],
    "mrent": ["mrent", "has_servicecharges", "servicecharges", "has_management_fee", "management_fee"],
    "lasttransaction": ["stairlastday", "stairlastmonth", "stairlastyear"],
    "initialpurchase": ["stairinitialday", "stairinitialmonth", "stairinitialyear"],
    "mrentprestaircasing": ["mrentprestaircasing", "grant", "discount", "extrabor", "has_mscharge", "mscharge",
                            "mscharge_value_check"],
    "mscharge": ["mscharge", "mscharge_value_check"],
}
# Everyone but support gets the property postcode in two halves.
NON_SUPPORT_EXPANSIONS = {"postcode_full": ["pcode1", "pcode2"]}

# Support users get the address columns together, in this order (uprn_confirmed is dropped).
SUPPORT_ADDRESS_ORDER = [
    "uprn", "address_line1", "address_line2", "town_or_city", "county", "postcode_full", "is_la_inferred", "la_label",
    "la", "uprn_selection", "address_search_value_check", "address_line1_input", "postcode_full_input",
    "address_line1_as_entered", "address_line2_as_entered", "town_or_city_as_entered", "county_as_entered",
    "postcode_full_as_entered", "la_as_entered",
]
SUPPORT_DROPPED = ["uprn_confirmed"]
TRAILING: list[str] = []

NON_SUPPORT_REMOVED = [
    "address_line1_as_entered", "address_line2_as_entered", "town_or_city_as_entered", "county_as_entered",
    "postcode_full_as_entered", "la_as_entered", "created_by", "created_by_id", "value_value_check",
    "mscharge_value_check",
]

# Catalogue columns that no sales download carries, and why (the exhaustiveness test reads this).
NOT_DOWNLOADED = {
    **{column: reason for column, reason in SKIPPED_QUESTIONS.items()
       if not any(column in expansion for expansion in EXPANSIONS.values())},
    "saledate": "downloaded as day, month and year",
    "hodate": "downloaded as hoday, homonth and hoyear",
    "lasttransaction": "downloaded as stairlastday, stairlastmonth and stairlastyear",
    "initialpurchase": "downloaded as stairinitialday, stairinitialmonth and stairinitialyear",
    "ppostcode_full": "downloaded as ppostc1 and ppostc2",
    "monthly_charges_value_check": "downloaded as mscharge_value_check",
    "hhmemb": "derived household size; hholdcount is downloaded",
    "totchild": "derived count, not part of the sales layout",
    "totadult": "derived count, not part of the sales layout",
    "pcodenk": "derived from the postcode, not part of the sales layout",
    "la_known": "derived from la, not part of the sales layout",
    "uprn_known": "implied by uprn, not part of the sales layout",
    "manual_address_entry_selected": "how the address was entered; not part of the sales layout",
    "is_previous_la_inferred": "not part of the sales layout (previous_la_known is)",
    "old_id": "an identifier from the old service; not part of the 2026 layout",
    "old_form_id": "an identifier from the old service; not part of the 2026 layout",
}

# Support headers are CDS-style names: these renames, every other column upper-cased.
# The support download names the answers as the CDS export does (exports/cds/sales.py), and adds its own
# columns: who and when, labels of codes, and a few answers CDS has no other name for.
SUPPORT_HEADERS = {
    **cds_sales.RENAMES,
    "created_at": "CREATEDDATE", "updated_at": "UPLOADDATE", "collection_start_year": "COLLECTIONYEAR",
    "created_by": "CREATEDBY", "created_by_id": "CREATEDBYID", "owning_organisation_name": "OWNINGORGNAME",
    "owning_organisation_id": "OWNINGORGID", "managing_organisation_name": "MANINGORGNAME",
    "managing_organisation_id": "MANINGORGID", "assigned_to": "USERNAME", "assigned_to_id": "USERNAMEID",
    "updated_by": "AMENDEDBY", "updated_by_id": "AMENDEDBYID", "la_label": "LANAME", "hholdcount": "HHOLDCOUNT",
    "prevloc_label": "PREVLOCNAME", "has_mscharge": "HASMSCHARGE", "has_servicecharges": "HASSERVICECHARGES",
    "uprn_confirmed": "UPRNCONFIRMED",
}


def header_for(name: str, support: bool) -> str:
    if not support:
        return name
    return SUPPORT_HEADERS.get(name, name.upper())


FIXED_LABELS = {"uprn_confirmed": {0: "No", 1: "Yes"}}
# Answers the download words as the check-answers page does, not as the question offers them.
LABEL_OVERRIDES = {
    **{f"sexrab{n}": {"R": "Prefers not to say"} for n in range(1, 7)},
    **{f"gender_same_as_sex{n}": {3: "Prefers not to say"} for n in range(1, 7)},
}
YES_NO: set[str] = set()
YES_OR_BLANK: set[str] = set()

# A sales person's details are "not known" when details_known_N is 2 (No), not 1 as in lettings.
NOT_KNOWN = {name: rule for person in range(1, 7)
             for name, rule in lv.person_not_known(person, unknown_answer=2).items()}

VALUES = {
    "status": lv.same(lv.status),
    "created_by": lv.same(lv.user_email("created_by")),
    "assigned_to": lv.same(lv.user_email("assigned_to")),
    "updated_by": lv.same(lv.user_email("updated_by")),
    "created_at": lv.same(lambda log, ctx: values.iso_timestamp(log.created_at)),
    "updated_at": lv.same(lambda log, ctx: values.iso_timestamp(log.updated_at)),
    "creation_method": (lv.creation_method_label, lv.stored("creation_method")),
    "collection_start_year": lv.same(lv.collection_start_year),
    "bulk_upload_id": lv.same(lv.stored("bulk_upload_id")),  # set once bulk upload stores it on sales logs
    "owning_organisation_name": lv.same(lv.organisation_name("owning_organisation")),
    "managing_organisation_name": lv.same(lv.organisation_name("managing_organisation")),
    **sv.date_parts("saledate", ("day", "month", "year")),
    **sv.date_parts("lasttransaction", ("stairlastday", "stairlastmonth", "stairlastyear")),
    **sv.date_parts("initialpurchase", ("stairinitialday", "stairinitialmonth", "stairinitialyear")),
    "la_label": lv.same(sv.la_name("la")),
    "prevloc_label": lv.same(sv.la_name("prevloc")),
    "mscharge_value_check": lv.same(lv.stored("monthly_charges_value_check")),
    "has_servicecharges": sv.only_for(sv.SHARED_OWNERSHIP, FORM, "has_mscharge"),
    "servicecharges": sv.only_for(sv.SHARED_OWNERSHIP, FORM, "mscharge"),
    "has_mscharge": sv.only_for(sv.DISCOUNTED_OWNERSHIP, FORM, "has_mscharge"),
    "mscharge": sv.only_for(sv.DISCOUNTED_OWNERSHIP, FORM, "mscharge"),
    "income1": sv.whole_pounds("income1"),
    "income2": sv.whole_pounds("income2"),
}

# Written by bulk upload and the address search, which will store them on sales logs once they
# exist; until then these columns are empty.
NOT_STORED_YET = ["bulk_upload_id", "address_search_value_check"]

RELATED = ["owning_organisation", "managing_organisation", "assigned_to", "created_by", "updated_by"]
