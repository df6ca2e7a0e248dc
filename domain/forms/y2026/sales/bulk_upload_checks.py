"""2026 sales: the checks only a bulk upload makes (the log's own rules run in the shared pipeline).

Each check adds plain-English errors to the row's fields. Set-up errors (fields 1 to 15) stop the
whole file; so does a blocking error, such as an owning organisation the uploader may not report for.
"""

from __future__ import annotations

from domain import collection
from domain.bulk_upload.reader import date_from_parts
from domain.forms.y2026.lettings.bulk_upload_checks import COUNTRY_CODES
from domain.models import ErrorCategory

from .bulk_upload_cells import is_number, route, text

SETUP = ErrorCategory.SETUP
SHARED_TYPES = (2, 16, 18, 24, 28, 30, 31, 32)
DISCOUNTED_TYPES = (8, 9, 14, 21, 22, 29)
CHILD = 9
FIELD_COLUMNS = {8: "ownershipsch", 9: "type", 10: "staircase", 11: "type"}
MORTGAGE_USED = {"initial": 101, "staircasing": 122, "discounted": 131}  # the field, by kind of sale


def check_row(row, log, context, problems: dict) -> None:
    _address_as_entered(row, log)
    _sale_date(row, context)
    _kind_of_sale(row, log)
    _joint_purchase(row)
    _owning_organisation(row, log, context, problems)
    _assigned_to(row, log, context, problems)
    _reporting_organisation(row, log, context)
    _address(row)
    _nationality(row, 34, "buyer 1")
    _nationality(row, 43, "buyer 2")
    _children_buying(row)
    _ranges(row)
    _mortgage_length(row)
    _charges(row)


def _address_as_entered(row, log) -> None:
    """What the log keeps of the address as the file gives it. Without a UPRN the address is taken as
    entered; the local authority the file gives is kept in `la_as_entered`, and the log's pipeline
    works it out from the postcode when the postcode service answers."""
    log.is_la_inferred = False
    log.la_known = 1 if log.la else 0
    log.la_as_entered = log.la or ""
    if log.postcode_full:
        log.pcodenk = 0
    if row.given(16):
        return
    log.manual_address_entry_selected = True
    for column in ("address_line1", "address_line2", "town_or_city", "county", "postcode_full"):
        setattr(log, f"{column}_as_entered", getattr(log, column) or "")
    log.address_line1_input = ", ".join(part for part in (text(row, 17), text(row, 18), text(row, 19)) if part)
    log.postcode_full_input = log.postcode_full or ""


def _sale_date(row, context) -> None:
    day, month, year = row.get(1), row.get(2), row.get(3)
    for number, part, value in ((1, "day", day), (2, "month", month), (3, "year", year)):
        if value is None and number not in row.unreadable:
            row.add(number, f"Enter the {part} of the sale completion date.", SETUP)
    if year is not None and len(str(abs(year))) not in (2, 4):
        row.add(3, "Enter the sale completion year as 2 or 4 digits, for example 26 or 2026.", SETUP)
    if None in (day, month, year) or any(row.has_error(n) for n in (1, 2, 3)):
        return
    saledate = date_from_parts(day, month, year)
    window = collection.window(context.year)
    if saledate is None:
        row.add((1, 2, 3), "The sale completion date is not a real date. Check the day, month and year.", SETUP)
    elif not (window.start <= saledate <= window.new_logs_end):
        row.add((1, 2, 3), f"Enter a sale completion date in the {context.year} to {context.year + 1} collection "
                f"year, between 1 April {context.year} and 31 March {context.year + 1}.", SETUP)


def _option(row, log, number: int, allowed, what: str, needed: bool) -> None:
    """A set-up code: one of `allowed`, and present when `needed`. A wrong code blocks the file (and is
    taken off the log, so that the log's own rules do not report it again)."""
    value = row.get(number)
    if value is not None and value not in allowed:
        codes = ", ".join(str(code) for code in allowed)
        row.add(number, f"Enter a valid {what}: one of {codes}. See the template for what each number means.",
                SETUP, blocks=True)
        column = FIELD_COLUMNS[number]
        if getattr(log, column) == value:
            setattr(log, column, None)
    elif value is None and needed and number not in row.unreadable:
        row.add(number, f"Enter the {what}.", SETUP)


def _kind_of_sale(row, log) -> None:
    scheme = row.get(8)
    _option(row, log, 8, (1, 2), "ownership scheme (1 for shared ownership, 2 for discounted ownership)", True)
    _option(row, log, 9, SHARED_TYPES, "type of shared ownership sale", scheme == 1)
    _option(row, log, 10, (1, 2), "answer to whether this is a staircasing transaction (1 for yes, 2 for no)",
            scheme == 1)
    _option(row, log, 11, DISCOUNTED_TYPES, "type of discounted ownership sale", scheme == 2)


def _joint_purchase(row) -> None:
    if not row.given(12) and (row.get(8) in (1, 2) or row.get(13) == 2) and 12 not in row.unreadable:
        row.add(12, "Say whether this is a joint purchase: 1 for yes or 2 for no.", SETUP)
    if not row.given(13) and row.get(12) == 1 and 13 not in row.unreadable:
        row.add(13, "Say whether there are more than 2 joint buyers: 1 for yes, 2 for no or 3 for don’t know.",
                SETUP)


def _owning_organisation(row, log, context, problems) -> None:
    owner = log.owning_organisation
    if not row.given(4):
        row.add(4, "Enter the code of the organisation that owned the property before the sale (ORG followed by "
                   "its number).", SETUP, blocks=True, only_if_clear=True)
    elif "owning_organisation_id" in problems:
        row.add(4, "No organisation has this code. Check the owning organisation code (for example ORG123) on the "
                   "organisation’s page and correct it.", SETUP, blocks=True)
    elif not owner.holds_own_stock:
        row.add(4, f"{owner.name} does not own housing stock, so it cannot be the owning organisation. Enter the "
                   "code of the organisation that owned the property.", SETUP, blocks=True)
    elif owner.pk not in context.affiliated_owner_ids:
        who = f"{context.organisation.name} is" if context.uploader_is_support else "you are"
        row.add(4, f"{owner.name} is not a stock owner {who} allowed to report sales for. Check the owning "
                   "organisation code, or ask a coordinator to add the stock owner relationship.", SETUP, blocks=True)


def _assigned_to(row, log, context, problems) -> None:
    if "assigned_to_id" in problems:
        row.add(6, "No user has this email address. Check it; until then the log will be assigned to you.")
        log.assigned_to = None if context.uploader_is_support else context.uploader
        return
    if not row.given(6):
        if context.uploader_is_support:
            row.add(6, "Enter the email address of the user to assign the log to.", SETUP)
        return
    user = log.assigned_to
    organisations = set()
    for organisation_id in (log.owning_organisation_id, log.managing_organisation_id):
        if organisation_id:
            organisations |= context.organisation_family(organisation_id)
    if user is not None and organisations and user.organisation_id not in organisations:
        row.add(6, f"{user.email} does not belong to the owning or the reporting organisation. Assign the log to "
                   "one of their users.", SETUP, blocks=True)


def _reporting_organisation(row, log, context) -> None:
    owner, reporter = log.owning_organisation_id, log.managing_organisation_id
    if owner and reporter and reporter != owner and reporter not in context.managing_agent_ids(owner):
        row.add(5, f"{log.managing_organisation.name} cannot report sales for {log.owning_organisation.name}. "
                   "Check both organisation codes, or ask a coordinator to add the managing agent relationship.",
                SETUP, blocks=True)


def _address(row) -> None:
    if row.given(16):
        return
    needed = (17, 19, 21, 22)
    blank = [number for number in needed if not row.given(number)]
    if blank:
        row.add([16, *blank], "Enter either the UPRN or the full address (address line 1, town or city, and "
                               "postcode).")


def _nationality(row, number: int, who: str) -> None:
    code = row.get(number)
    if code is not None and code != 0 and code not in COUNTRY_CODES:
        row.add(number, f"Enter {who}’s nationality as a 3-digit country code (826 for the United Kingdom), or 0 "
                        "if they prefer not to say.")


def _children_buying(row) -> None:
    for buyer, working, age, applies in ((1, 35, 29, True), (2, 44, 38, row.get(12) == 1)):
        if not applies or row.get(working) != CHILD:
            continue
        years = (row.get(age) or "").strip()
        if years.isdigit() and int(years) >= 16:
            message = (f"Buyer {buyer} is {years}, so their working situation cannot be “child under 16”. Check "
                       "the age and the working situation.")
            row.add((working, age), message)
        else:
            row.add(working, f"Buyer {buyer} cannot be a child under 16. Check the working situation.")


def _ranges(row) -> None:
    discount = row.get(130)
    if row.get(8) == 2 and discount is not None and not 0 <= discount <= 70:
        row.add(130, "The percentage discount must be between 0% and 70%.")
    transactions = row.get(116)
    if transactions is not None and not 2 <= transactions <= 10:
        row.add(116, "The number of staircasing transactions must be between 2 and 10.")


def _mortgage_length(row) -> None:
    kind = route(row)
    if kind is None:
        return
    number = 133 if kind == "discounted" else 103
    value = text(row, number)
    if value is not None and value.upper() == "R":
        if row.get(14) == 2:
            row.add(number, "The buyers were interviewed, so enter the length of the mortgage in years rather "
                            "than R (don’t know).")
    elif not (value and value.isdigit()) and row.get(MORTGAGE_USED[kind]) == 1:
        row.add(number, "Enter the length of the mortgage as a whole number of years, or R if it is not known.")


def _charges(row) -> None:
    kind = route(row)
    fields = {"initial": (107,), "staircasing": (125, 126), "discounted": (136,)}.get(kind, ())
    for number in fields:
        value = text(row, number)
        if value is None or value.upper() == "R" or is_number(value):
            continue
        if number == 126:
            row.add(number, "Enter the new monthly service charge as an amount, or R if it will not change.")
        else:
            row.add(number, "Enter the monthly charge as an amount (more than 0), or R if there is none.")
