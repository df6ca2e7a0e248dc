"""Reads about log reviews: a log's queries, which questions it is asked now, and the wording of a
queried question. Writes are domain.services.reviews."""

from __future__ import annotations

from django.db.models import Exists, OuterRef, QuerySet

from domain.models.logs import LogBase
from domain.models.reviews import WHOLE_LOG, QueryStatus, ReviewQuery


def open_queries(log: LogBase) -> QuerySet[ReviewQuery]:
    """The log's queries still waiting to be resolved, oldest first."""
    if not log.pk:
        return ReviewQuery.objects.none()
    return ReviewQuery.objects.filter(**{f"{log.LOG_TYPE}_log_id": log.pk}, status=QueryStatus.OPEN)


def log_queries(log: LogBase) -> QuerySet[ReviewQuery]:
    """Every query on the log (open and resolved), with its comments and their authors."""
    if not log.pk:
        return ReviewQuery.objects.none()
    return (ReviewQuery.objects.filter(**{f"{log.LOG_TYPE}_log_id": log.pk})
            .select_related("opened_by", "resolved_by").prefetch_related("comments__author"))


def has_open_queries(model) -> Exists:
    """An expression that is true for logs (of `model`) with an open query, for filters and counts."""
    return Exists(ReviewQuery.objects.filter(**{f"{model.LOG_TYPE}_log": OuterRef("pk")}, status=QueryStatus.OPEN))


def question_label(log: LogBase, name: str) -> str:
    """The wording of the question a query is about (or "The log as a whole")."""
    if name == WHOLE_LOG:
        return "The log as a whole"
    questions = log.form.questions_for(name)
    return questions[0][1].label if questions else name.replace("_", " ").capitalize()


def asked_fields(log: LogBase) -> set[str]:
    """The questions routing asks on this log now (by field and by column)."""
    from domain.forms import engine

    return {name for _, _, question in engine.shown_questions(log.form, log)
            for name in (question.field, *question.columns)}


def query_still_asked(query: ReviewQuery, asked: set[str] | None = None) -> bool:
    """False when routing no longer asks the question the query is about: the query is kept, shown as
    "question no longer asked", and can still be resolved."""
    if query.field == WHOLE_LOG:
        return True
    return query.field in (asked if asked is not None else asked_fields(query.log))
