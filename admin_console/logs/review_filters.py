"""The review queue on the log lists: filters by review state, and the review column."""

from __future__ import annotations

from unfold.decorators import display

from admin_console.logs.filters import LogListFilter
from domain import access
from domain.models.reviews import ReviewState
from domain.selectors.logs import APPROVED_THIS_MONTH, AWAITING_MINE, OPEN_QUERIES

REVIEW_COLOURS = {"Not submitted": "info", "Awaiting review": "warning", "Approved": "success",
                  "Returned": "danger"}

RETURNED = ReviewState.RETURNED.value
APPROVED = ReviewState.APPROVED.value
NOT_SUBMITTED = ReviewState.NOT_SUBMITTED.value
AWAITING = ReviewState.AWAITING_REVIEW.value


class ReviewFilter(LogListFilter):
    title = "review"
    parameter_name = "review"

    def lookups(self, request, model_admin):
        choices = [(AWAITING_MINE, "Awaiting my review")] if access.is_reviewer(request.user) else []
        return choices + [
            (AWAITING, "Awaiting review"),
            (RETURNED, "Returned"),
            (APPROVED, "Approved"),
            (APPROVED_THIS_MONTH, "Approved this month"),
            (OPEN_QUERIES, "Has open queries"),
            (NOT_SUBMITTED, "Not submitted"),
        ]


@display(description="Review", label=REVIEW_COLOURS, ordering="review_state")
def review_badge(model_admin, log):
    return ReviewState(log.review_state).label


class UnresolvedFilter(LogListFilter):
    """Lettings logs that lost their scheme or location when it was deactivated: open each one and choose
    a new scheme and location (saving it resolves it)."""

    title = "scheme or location"
    parameter_name = "unresolved"

    def lookups(self, request, model_admin):
        return [("yes", "Needs a new scheme or location")]
