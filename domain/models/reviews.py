"""Review of completed logs: the review state a log is in, and the queries a reviewer raises on its answers.

A log's review state is separate from its completion status (spec: issue 13). The state lives on the
log (`LogBase.review_state`) so lists can filter and count it cheaply; it is only ever changed by
`domain.services.reviews`, which follows an explicit table of transitions.

A query belongs to one lettings log or one sales log (two nullable foreign keys, exactly one set), so
each log model has `review_queries` and the database keeps them consistent.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from .base import TimestampedModel


class ReviewState(models.TextChoices):
    NOT_SUBMITTED = "not_submitted", "Not submitted"
    AWAITING_REVIEW = "awaiting_review", "Awaiting review"
    APPROVED = "approved", "Approved"
    RETURNED = "returned", "Returned"


class QueryStatus(models.TextChoices):
    OPEN = "open", "Open"
    RESOLVED = "resolved", "Resolved"


# A query on the log as a whole rather than on one question ("Return log" without choosing a question).
WHOLE_LOG = ""


class ReviewQuery(TimestampedModel):
    """A reviewer's question about one answer of a log (or the log as a whole), with a thread of comments."""

    lettings_log = models.ForeignKey("domain.LettingsLog", null=True, blank=True, on_delete=models.CASCADE,
                                     related_name="review_queries")
    sales_log = models.ForeignKey("domain.SalesLog", null=True, blank=True, on_delete=models.CASCADE,
                                  related_name="review_queries")
    field = models.CharField("question", max_length=64, blank=True,
                             help_text="The catalogue column the query is about; empty for the log as a whole.")
    status = models.CharField(max_length=16, choices=QueryStatus.choices, default=QueryStatus.OPEN)
    opened_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    resolved_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(lettings_log__isnull=False, sales_log__isnull=True)
                | models.Q(lettings_log__isnull=True, sales_log__isnull=False),
                name="review_query_one_log",
                violation_error_message="A query belongs to exactly one lettings or sales log.",
            ),
        ]
        indexes = [
            models.Index(fields=["lettings_log", "status"], name="review_query_lettings_idx"),
            models.Index(fields=["sales_log", "status"], name="review_query_sales_idx"),
        ]

    def __str__(self) -> str:
        return f"Query {self.pk}"

    @property
    def log(self):
        return self.lettings_log if self.lettings_log_id else self.sales_log

    @property
    def is_open(self) -> bool:
        return self.status == QueryStatus.OPEN


class ReviewComment(models.Model):
    """One message in a query's thread: the reviewer's question, a reply, or a note on resolving."""

    query = models.ForeignKey(ReviewQuery, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    text = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"Comment {self.pk} on query {self.query_id}"


def query_log_filter(log) -> dict:
    """The keyword that selects a log's queries (lettings or sales)."""
    return {f"{log.LOG_TYPE}_log": log}
