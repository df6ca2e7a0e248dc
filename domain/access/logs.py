"""Logs of any type (lettings and sales alike, spec §8.1): who sees, changes, deletes and restores them."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from .organisations import organisation_scope_ids
from .roles import *  # noqa: F403


def log_scope(user) -> Q:
    """Logs owned or managed by the user's organisation or one it absorbed (spec §8.1)."""
    ids = organisation_scope_ids(user)
    return Q(owning_organisation_id__in=ids) | Q(managing_organisation_id__in=ids)


def visible_logs(user, model, *, include_deleted: bool = False) -> QuerySet:
    from domain.models.logs import VISIBLE_STATUSES, LogStatus

    logs = model.objects.all()
    if not is_console_user(user):
        return logs.none()
    statuses = list(VISIBLE_STATUSES) + ([LogStatus.DELETED] if include_deleted and is_support(user) else [])
    logs = logs.filter(status__in=statuses)
    return logs if sees_everything(user) else logs.filter(log_scope(user))


def can_view_log(user, log) -> bool:
    return visible_logs(user, type(log), include_deleted=True).filter(pk=log.pk).exists()


def log_open_for_edits(log) -> bool:
    """A log may be changed until its year's edit deadline (or before its year has begun)."""
    from domain import collection

    day = getattr(log, log.DATE_FIELD)
    if not day:
        return True
    window = collection.window(collection.collection_year_of(day))
    today = collection.today()
    return window.open_for_edits(today) or today < window.start


def can_add_log(user) -> bool:
    return is_console_user(user) and not is_statistician(user)


def can_change_log(user, log=None) -> bool:
    """Anyone but a statistician may change the logs they see, while the log's year is open for
    edits; support may change logs of closed years too."""
    if log is None:
        return can_add_log(user)
    if is_statistician(user) or log.discarded_at or not can_view_log(user, log):
        return False
    return is_support(user) or log_open_for_edits(log)


def can_delete_log(user, log=None) -> bool:
    if not (is_support(user) or is_coordinator(user)):
        return False
    return log is None or (log.discarded_at is None and can_change_log(user, log))


def can_restore_log(user, log=None) -> bool:
    return is_support(user) and (log is None or log.discarded_at is not None)


def can_look_up_addresses(user) -> bool:
    """Address search and postcode look-ups serve those who enter logs and locations."""
    return can_add_log(user)
