"""The review queue on the log lists: filters by review state, and the review column."""

from __future__ import annotations

from django.contrib import admin
from unfold.decorators import display

from domain import access
from domain.models.reviews import ReviewState
from domain.selectors.dashboard import approved_this_month
from domain.services.reviews import has_open_queries

REVIEW_COLOURS = {"Not submitted": "info", "Awaiting review": "warning", "Approved": "success",
                  "Returned": "danger"}

AWAITING_MINE = "mine"
RETURNED = ReviewState.RETURNED.value
APPROVED = ReviewState.APPROVED.value
OPEN_QUERIES = "queries"
APPROVED_THIS_MONTH = "approved_month"
NOT_SUBMITTED = ReviewState.NOT_SUBMITTED.value
AWAITING = ReviewState.AWAITING_REVIEW.value


class ReviewFilter(admin.SimpleListFilter):
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

    def queryset(self, request, queryset):
        value = self.value()
        if not value:
            return queryset
        if value == AWAITING_MINE:
            return access.review_queue(request.user, queryset)
        if value == APPROVED_THIS_MONTH:
            return approved_this_month(queryset)
        if value == OPEN_QUERIES:
            return queryset.filter(has_open_queries(queryset.model))
        if value in ReviewState.values:
            return queryset.filter(review_state=value)
        return queryset.none()  # an unknown value matches nothing rather than everything


@display(description="Review", label=REVIEW_COLOURS, ordering="review_state")
def review_badge(model_admin, log):
    return ReviewState(log.review_state).label


class UnresolvedFilter(admin.SimpleListFilter):
    """Lettings logs that lost their scheme or location when it was deactivated: open each one and choose
    a new scheme and location (saving it resolves it)."""

    title = "scheme or location"
    parameter_name = "unresolved"

    def lookups(self, request, model_admin):
        return [("yes", "Needs a new scheme or location")]

    def queryset(self, request, queryset):
        return queryset.filter(unresolved=True) if self.value() == "yes" else queryset
