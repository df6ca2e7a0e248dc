"""Which logs a log list shows: its filters and its search, in one place. The console's list filters call
these for each parameter of the address bar, and a CSV download asked for from a list calls `logs_listed`
with that list's parameters, so the file holds exactly the rows the list showed.

A value comes from the address bar, so anyone can type anything there: a value a filter cannot use
(`?status=abc`) is ignored, and the list shows as if that filter were not set. Every list starts from the
user's access scope (`access.visible_logs`), so no parameter widens what a user sees.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date

from django.db.models import Q, QuerySet

from domain import access
from domain.models.logs import LogStatus, searched_code, searched_postcode
from domain.models.reviews import ReviewState
from domain.postcodes import compact_postcode
from domain.selectors.dashboard import approved_this_month
from domain.selectors.reviews import has_open_queries

SEARCH = "q"
# The reference codes a search matches, exactly but whatever the case, by log type.
SEARCHED_CODES = {"lettings": ("tenancycode", "propcode"), "sales": ("purchid",)}
# Answers a list is filtered by, by log type: the answer's column (its codes and labels are the catalogue's).
ANSWER_FILTERS = {"lettings": ("needstype",), "sales": ("ownershipsch",)}
# A postcode shorter than this is matched from its start (a contains match needs three characters for
# the trigram index to narrow anything).
CONTAINS_FROM = 3

# The review filter's own values besides the review states.
AWAITING_MINE = "mine"
OPEN_QUERIES = "queries"
APPROVED_THIS_MONTH = "approved_month"


def whole_number(value) -> int | None:
    """A filter value as a database id or code, or None if it is not one."""
    text = str(value or "").strip()
    return int(text) if text.isascii() and text.isdigit() and len(text) <= 9 else None


# --- one function a filter: (user, logs, value) -> logs ---------------------------------------------


def by_year(user, logs: QuerySet, value) -> QuerySet:
    """Logs of a collection year (1 April to 31 March), by their tenancy start or sale completion date."""
    year = whole_number(value)
    if year is None or not 2000 <= year <= date.max.year - 1:
        return logs
    field = logs.model.DATE_FIELD
    return logs.filter(**{f"{field}__gte": date(year, 4, 1), f"{field}__lt": date(year + 1, 4, 1)})


def status_choices(user) -> list[LogStatus]:
    """The statuses a list can be filtered by: deleted logs for support only."""
    statuses = [LogStatus.NOT_STARTED, LogStatus.IN_PROGRESS, LogStatus.COMPLETED]
    return statuses + [LogStatus.DELETED] if access.can_see_deleted_logs(user) else statuses


def by_status(user, logs: QuerySet, value) -> QuerySet:
    status = whole_number(value)
    return logs.filter(status=status) if status in status_choices(user) else logs


def wants_deleted(params: Mapping) -> bool:
    """Deleted logs are in a list only when its status filter asks for them."""
    return params.get("status") == str(LogStatus.DELETED.value)


def by_review(user, logs: QuerySet, value) -> QuerySet:
    if not value:
        return logs
    if value == AWAITING_MINE:
        return access.review_queue(user, logs)
    if value == APPROVED_THIS_MONTH:
        return approved_this_month(logs)
    if value == OPEN_QUERIES:
        return logs.filter(has_open_queries(logs.model))
    if value in ReviewState.values:
        return logs.filter(review_state=value)
    return logs.none()  # an unknown value matches nothing rather than everything


def _by_organisation(field: str):
    def narrow(user, logs: QuerySet, value) -> QuerySet:
        organisation_id = whole_number(value)
        return logs if organisation_id is None else logs.filter(**{f"{field}_id": organisation_id})

    return narrow


def by_assigned(user, logs: QuerySet, value) -> QuerySet:
    user_id = user.pk if value == "you" else whole_number(value)
    return logs if user_id is None else logs.filter(assigned_to_id=user_id)


def by_creator(user, logs: QuerySet, value) -> QuerySet:
    return logs.filter(created_by=user) if value == "you" else logs


def by_bulk_upload(user, logs: QuerySet, value) -> QuerySet:
    """Only the logs of one bulk upload the user may see."""
    upload_id = whole_number(value)
    if upload_id is None:
        return logs
    return logs.filter(bulk_upload_id=upload_id, bulk_upload__in=access.visible_bulk_uploads(user).values("pk"))


def by_unresolved(user, logs: QuerySet, value) -> QuerySet:
    """Lettings logs that lost their scheme or location when it was deactivated."""
    return logs.filter(unresolved=True) if value == "yes" else logs


def _by_answer(field: str):
    def narrow(user, logs: QuerySet, value) -> QuerySet:
        code = whole_number(value)
        return logs if code is None else logs.filter(**{field: code})

    return narrow


FILTERS: dict[str, Callable] = {
    "year": by_year, "status": by_status, "review": by_review,
    "owner": _by_organisation("owning_organisation"), "manager": _by_organisation("managing_organisation"),
    "assigned": by_assigned, "created_by": by_creator, "bulk_upload": by_bulk_upload,
}
LOG_TYPE_FILTERS: dict[str, dict[str, Callable]] = {
    "lettings": {"unresolved": by_unresolved, **{f: _by_answer(f) for f in ANSWER_FILTERS["lettings"]}},
    "sales": {f: _by_answer(f) for f in ANSWER_FILTERS["sales"]},
}


def filters_for(log_type: str) -> dict[str, Callable]:
    return {**FILTERS, **LOG_TYPE_FILTERS[log_type]}


# --- search ------------------------------------------------------------------------------------------


def logs_search(logs: QuerySet, term: str) -> QuerySet:
    """Logs matching a search: its log ID (with or without "log"), one of the log type's reference codes
    (tenant code and property reference, or purchaser code: the whole code, whatever its case), or a
    postcode containing it (spaces and case ignored; one or two characters match its start). Each match
    is served by an index: the primary key, an expression index per code, and a trigram index (and, for a
    start, a pattern index) on the postcode as searched."""
    term = (term or "").strip()
    if not term:
        return logs
    codes = SEARCHED_CODES[logs.model.LOG_TYPE]
    logs = logs.alias(**{f"{code}_searched": searched_code(code) for code in codes}, postcode_searched=searched_postcode())
    matches = Q()
    for code in codes:
        matches |= Q(**{f"{code}_searched": term.upper()})
    compact = compact_postcode(term)
    if compact:
        lookup = "contains" if len(compact) >= CONTAINS_FROM else "startswith"
        matches |= Q(**{f"postcode_searched__{lookup}": compact})
    digits = term.lower().removeprefix("log").strip()
    if digits.isascii() and digits.isdigit() and len(digits) <= 18:
        matches |= Q(pk=int(digits))
    return logs.filter(matches)


# --- the list as a whole -----------------------------------------------------------------------------


def logs_listed(user, model, params: Mapping[str, str]) -> QuerySet:
    """The logs of `model` a user's list shows for the list's query parameters (its filters and its search
    `q`): within what the user may see; parameters a list does not have (its page or sort order) are ignored."""
    logs = access.visible_logs(user, model, include_deleted=wants_deleted(params))
    for name, narrow in filters_for(model.LOG_TYPE).items():
        if params.get(name) not in (None, ""):
            logs = narrow(user, logs, params[name])
    return logs_search(logs, params.get(SEARCH, ""))
