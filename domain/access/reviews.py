"""Who reviews logs (issue 13): data coordinators of a log's owning or managing organisation (or one
they absorbed) and customer support. Data providers and statisticians never approve or raise queries.

Who answers a query: anyone who may change the log (its assigned user first of all) and its reviewers.
"""

from __future__ import annotations

from django.db.models import QuerySet

from domain.models import Role, User

from .logs import can_change_log, can_view_log, visible_logs
from .roles import *  # noqa: F403

__all__ = [
    "is_reviewer",
    "reviewable_logs",
    "can_review_log",
    "can_reply_to_query",
    "can_resolve_query",
    "can_see_queries",
    "review_queue",
    "review_digest_recipients",
]


def is_reviewer(user) -> bool:
    """Whether the user's role reviews logs at all (data coordinators and support)."""
    return is_support(user) or is_coordinator(user)  # noqa: F405


def reviewable_logs(user, model) -> QuerySet:
    """The logs of a type (lettings or sales) the user may approve or query: support every live log; a
    coordinator the logs owned or managed by their organisation or one it absorbed (spec §8.1)."""
    if not is_reviewer(user):
        return model.objects.none()
    return visible_logs(user, model).filter(discarded_at__isnull=True)


def can_review_log(user, log=None) -> bool:
    """Whether the user may approve, return or query this log (or, without a log, any log)."""
    if log is None:
        return is_reviewer(user)
    from domain.models.logs import VISIBLE_STATUSES

    if not is_reviewer(user) or log.discarded_at or not log.pk or log.status not in VISIBLE_STATUSES:
        return False
    return can_view_log(user, log)  # reviewable_logs: the visible logs, less deleted ones


def can_see_queries(user, log) -> bool:
    return can_view_log(user, log)


def can_reply_to_query(user, query) -> bool:
    """The log's assigned user (and anyone else who may change the log) answers; its reviewers reply too."""
    log = query.log
    return can_review_log(user, log) or can_change_log(user, log)


def can_resolve_query(user, query) -> bool:
    """Only a reviewer of the log resolves a query or opens it again."""
    return can_review_log(user, query.log)


def review_queue(user, logs: QuerySet) -> QuerySet:
    """Narrow a list of logs (already within the user's view scope) to those waiting for this user's
    review: completed, not yet approved, no open query, and theirs to review."""
    from domain.models.reviews import ReviewState

    if not is_reviewer(user):
        return logs.none()
    # A reviewer's review scope is their view scope less deleted logs (reviewable_logs); the list the
    # user is looking at is already inside their view scope, so only deleted logs are left out here.
    return logs.filter(review_state=ReviewState.AWAITING_REVIEW, discarded_at__isnull=True)


def review_digest_recipients() -> QuerySet[User]:
    """Who the daily review digest may go to: active data providers (logs returned to them) and data
    coordinators (logs returned to them, and logs awaiting their review). Support, who review every
    organisation's logs, and statisticians, who review none, get no digest."""
    return User.objects.filter(is_active=True, discarded_at__isnull=True,
                               role__in=[Role.DATA_PROVIDER, Role.DATA_COORDINATOR])
