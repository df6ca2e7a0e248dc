"""2026 lettings: the checks only a bulk upload makes (the log's own rules run in the shared pipeline).

Each check adds plain-English errors to the row's fields. "Set-up" errors stop the whole file; a
blocking error stops it too, even though the field is not a set-up one.
"""

from __future__ import annotations

from domain import collection
from domain.bulk_upload.reader import date_from_parts
from domain.models import ErrorCategory

from .nationalities import NATIONALITIES

SETUP = ErrorCategory.SETUP
NOT_ANSWERED = ErrorCategory.NOT_ANSWERED
COUNTRY_CODES = frozenset(code for code, _ in NATIONALITIES) | {826}
RENEWAL_REASONS = (50, 51, 52, 53)
RENEWAL_PREVIOUS_TENURES = (6, 30, 31, 32, 33, 34, 35, 38)
CHARGE_NAMES = {142: "basic rent", 143: "service charge", 144: "personal service charge", 145: "support charge"}
LA, PRP = 1, 2


def check_row(row, log, context, problems: dict) -> None:
    _address_as_entered(row, log)
    _organisations(row, log, context, problems)
    _assigned_to(row, log, context, problems)
    _needs_type_and_scheme(row, log, problems)
    _start_date(row, context)
    _rent_type(row)
    _address(row)
    _ages(row)
    _nationality(row)
    _housing_needs(row)
    _conditions(row)
    _renewal(row)
    _reasonable_preference(row)
    _allocation(row)
    _referral(row, log)
    _charges(row)


def _organisations(row, log, context, problems) -> None:
    owner, manager = log.owning_organisation, log.managing_organisation
    if not row.given(1):
        row.add(1, "Enter the owning organisation’s code (ORG followed by its number).", SETUP, blocks=True)
    elif "owning_organisation_id" in problems:
        row.add(1, "No organisation has this code. Check the owning organisation code (for example ORG123) "
                   "on the organisation’s page and correct it.", SETUP, blocks=True)
    elif not owner.holds_own_stock:
        row.add(1, f"{owner.name} does not own housing stock, so it cannot be the owning organisation. Enter "
                   "the code of the organisation that owns the property.", SETUP, blocks=True)
    elif owner.pk not in context.affiliated_owner_ids:
        who = f"{context.organisation.name} is" if context.uploader_is_support else "you are"
        row.add(1, f"{owner.name} is not a stock owner {who} allowed to add logs for. Check the owning "
                   "organisation code, or ask a coordinator to add the stock owner relationship.", SETUP, blocks=True)
    if not row.given(2):
        row.add(2, "Enter the managing organisation’s code (ORG followed by its number).", SETUP, blocks=True)
    elif "managing_organisation_id" in problems:
        row.add(2, "No organisation has this code. Check the managing organisation code and correct it.",
                SETUP, blocks=True)
    elif owner is not None and manager.pk != owner.pk and manager.pk not in context.managing_agent_ids(owner.pk):
        row.add(2, f"{manager.name} does not manage lettings for {owner.name}. Check both organisation codes, or "
                   "ask a coordinator to add the managing agent relationship.", SETUP, blocks=True)


def _assigned_to(row, log, context, problems) -> None:
    if "assigned_to_id" in problems:
        row.add(3, "No user has this email address. Check it; until then the log will be assigned to you.")
        log.assigned_to = None if context.uploader_is_support else context.uploader
        return
    if not row.given(3):
        if context.uploader_is_support:
            row.add(3, "Enter the email address of the user to assign the log to.", SETUP)
        return
    user = log.assigned_to
    organisations = {log.owning_organisation_id, log.managing_organisation_id} - {None}
    if user is not None and organisations and not (organisations & context.organisation_family(user.organisation_id)):
        row.add(3, f"{user.email} does not belong to the owning or the managing organisation. Assign the log to "
                   "one of their users.", blocks=True)


def _needs_type_and_scheme(row, log, problems) -> None:
    if not row.given(4):
        row.add(4, "Enter the needs type: 1 for general needs or 2 for supported housing.", SETUP)
        return
    if row.get(4) != 2:
        return
    if not row.given(5):
        row.add(5, "Enter the scheme code (S followed by its number) for this supported housing letting.", SETUP)
    elif "scheme_id" in problems:
        row.add(5, "This scheme code does not belong to the owning or the managing organisation. Check the code "
                   "on the scheme’s page.", SETUP, blocks=True)
    if not row.given(6):
        row.add(6, "Enter the location code of the scheme’s location.", SETUP)
    elif "location_id" in problems or (log.scheme_id and log.location_id is None):
        row.add(6, "This location code does not belong to the scheme. Check the code on the scheme’s locations.",
                SETUP, blocks=True)


def _start_date(row, context) -> None:
    day, month, year = row.get(8), row.get(9), row.get(10)
    for number, part, value in ((8, "day", day), (9, "month", month), (10, "year", year)):
        if value is None and number not in row.unreadable:
            row.add(number, f"Enter the {part} of the tenancy start date.", SETUP)
    if year is not None and len(str(abs(year))) not in (2, 4):
        row.add(10, "Enter the tenancy start year as 2 or 4 digits, for example 26 or 2026.", SETUP)
        return
    if None in (day, month, year):
        return
    startdate = date_from_parts(day, month, year)
    if startdate is None:
        row.add((8, 9, 10), "The tenancy start date is not a real date. Check the day, month and year.", SETUP)
        return
    window = collection.window(context.year)
    if not (window.start <= startdate <= window.new_logs_end):
        row.add((8, 9, 10), f"Enter a tenancy start date in the {context.year} to {context.year + 1} collection "
                f"year, between 1 April {context.year} and 31 March {context.year + 1}.", SETUP)


def _rent_type(row) -> None:
    if not row.given(11):
        if 11 not in row.unreadable:
            row.add(11, "Enter the rent type, a number from 1 to 7.", SETUP)
    elif not 1 <= row.get(11) <= 7:
        row.add(11, "Enter the rent type as a number from 1 to 7.", SETUP)


def _address_as_entered(row, log) -> None:
    """The address and local authority exactly as the file gives them. The local authority the file
    gives is kept in `la_as_entered`; the postcode's, when it can be looked up, wins (the log's own
    pipeline does that). With a UPRN the look-up fills the address instead."""
    log.la_as_entered = log.la or ""
    if row.given(18):
        return
    for column in ("address_line1", "address_line2", "town_or_city", "county", "postcode_full"):
        setattr(log, f"{column}_as_entered", getattr(log, column) or "")
    log.address_line1_input = ", ".join(part for part in (log.address_line1, log.address_line2, log.town_or_city)
                                        if part)
    log.postcode_full_input = log.postcode_full or ""


def _address(row) -> None:
    if row.given(18):
        return
    needed = {19: "address line 1", 21: "town or city", 23: "first part of the postcode",
              24: "second part of the postcode"}
    blank = [number for number in needed if not row.given(number)]
    if blank:
        row.add([18, *blank], "Enter either the UPRN or the full address (address line 1, town or city, and "
                               "postcode).")


def _ages(row) -> None:
    from .bulk_upload import PERSONS, person_base, person_present

    people = [(1, 41)] + [(n, person_base(n)) for n in PERSONS if person_present(row, n)]
    for n, number in people:
        text = (row.get(number) or "").strip()
        if not (text == "R" or (text.isdigit() and len(text) <= 3)):
            who = "the lead tenant" if n == 1 else f"person {n}"
            row.add(number, f"Enter the age of {who} as a number, or R if they prefer not to say.")


def _nationality(row) -> None:
    code = row.get(46)
    if code is not None and code != 0 and code not in COUNTRY_CODES:
        row.add(46, "Enter the lead tenant’s nationality as a 3-digit country code (826 for the United Kingdom), "
                    "or 0 if they prefer not to say.")


def _housing_needs(row) -> None:
    ticked = [number for number in range(94, 100) if row.get(number) == 1]
    kinds = [number for number in (94, 95, 96) if number in ticked]
    if len(kinds) > 1:
        row.add(kinds, "Choose only one of fully wheelchair accessible housing, wheelchair access to essential "
                       "rooms, or level access housing.")
    specific = [number for number in (94, 95, 96, 97) if number in ticked]
    if 98 in ticked and 99 in ticked:
        row.add((98, 99), "Disabled access needs cannot be both “no” and “don’t know”. Choose one.")
    for none_or_unknown in (98, 99):
        if none_or_unknown in ticked and specific:
            row.add([none_or_unknown, *specific], "Disabled access needs cannot be “no” or “don’t know” as well as a "
                                                  "specific need. Remove one of them.")
    if all(not row.given(number) for number in range(94, 100)):
        row.add((98, 97, 94, 95, 96), "Answer the disabled access needs questions (put 1 in “no disabled access "
                                      "needs” if nobody has any).")


def _conditions(row) -> None:
    effects = [number for number in range(101, 111) if row.get(number) == 1]
    if row.get(100) != 1 and effects:
        row.add(effects, "You said nobody has a long-term health condition, so leave how a condition affects them "
                         "blank, or change the answer to field 100.")
    elif row.get(100) == 1 and all(not row.given(number) for number in range(101, 111)):
        row.add(list(range(101, 111)), "Say how the health condition affects them: put 1 in at least one of "
                                       "fields 101 to 110.")


def _renewal(row) -> None:
    if row.get(7) != 1:
        return
    if row.get(113) not in RENEWAL_REASONS:
        row.add(113, "For a renewal, the reason for leaving the last settled home must be one of the end of "
                     "tenancy reasons (50 to 53).")
    if row.given(115) and row.get(115) not in RENEWAL_PREVIOUS_TENURES:
        row.add(115, "For a renewal, where the household lived before must be a general needs or supported "
                     "housing tenancy (6, 30, 31, 32, 33, 34, 35 or 38).")


def _reasonable_preference(row) -> None:
    for number in range(122, 127):
        if row.given(number) and row.get(number) not in (0, 1):
            row.add(number, "Enter 1 if this is a reason for reasonable preference, or leave it blank.")
    if row.get(121) != 1:
        return
    if all(not row.given(number) for number in range(122, 127)):
        row.add(list(range(122, 127)), "Say why the household was given reasonable preference: put 1 in at least "
                                       "one of fields 122 to 126.")
    others = [number for number in range(122, 126) if row.get(number) == 1]
    if row.get(126) == 1 and others:
        row.add([126, *others], "“Don’t know” cannot be chosen with another reason for reasonable preference. "
                                "Remove one of them.")


def _allocation(row) -> None:
    for number in (127, 128, 129, 130):
        if not row.given(number):
            row.add(number, "Say whether this allocation system was used: 1 for yes or 2 for no.", NOT_ANSWERED)
        elif row.get(number) not in (1, 2):
            row.add(number, "Enter 1 for yes or 2 for no.")


def _referral(row, log) -> None:
    if row.get(7) == 1:
        return
    provider = log.owning_organisation.provider_type if log.owning_organisation_id else None
    register, prp, noms, org = row.get(131), row.get(132), row.get(133), row.get(134)
    valid = (
        (register in (1, 2, 3, 4) if provider == LA else register is None)
        and (prp in (5, 6, 7, 8, 9) if provider == PRP else prp is None)
        and ({6: noms in (1, 2, 3, 4), 7: noms in (5, 6, 7, 8)}.get(prp, noms is None))
        and ({1: org in range(1, 11), 7: org in range(11, 21)}.get(noms, org is None))
    )
    if not valid:
        row.add((131, 132, 133, 134), "The referral answers do not fit together. Local authority owned stock "
                "uses field 131 only; housing association stock uses field 132, and fields 133 and 134 only when "
                "field 132 or 133 asks for them. Check the template guidance.")
        for column in ("referral_register", "referral_noms", "referral_org"):
            setattr(log, column, None)


def _charges(row) -> None:
    from .bulk_upload import CHARGE_FIELDS

    if row.get(4) == 2 and row.get(140) == 1:
        return  # supported housing where the household pays nothing
    blank = [number for number in CHARGE_FIELDS if not row.given(number)]
    if blank:
        for number in CHARGE_FIELDS:
            if number in blank:
                row.add(number, f"Enter the {CHARGE_NAMES[number]}; enter 0 if there is none.")
            else:
                row.add(number, "Enter all four charges (basic rent, service charge, personal service charge and "
                                "support charge); use 0 for a charge that is not made.")
