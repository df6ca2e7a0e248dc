"""Logs of any type (lettings and sales alike, spec §7 and §8): who sees, changes, deletes and restores them."""

from __future__ import annotations

from datetime import date

from django.db.models import Q, QuerySet

from .organisations import organisation_scope_ids
from .remembered import remember
from .roles import *  # noqa: F403


def log_scope(user) -> Q:
    """Logs owned or managed by the user's organisation or one it absorbed (spec §8.1)."""
    ids = organisation_scope_ids(user)
    return Q(owning_organisation_id__in=ids) | Q(managing_organisation_id__in=ids)


def visible_logs(user, model, *, include_deleted: bool = False) -> QuerySet:
    """The logs a user may see: support and statisticians every log, anyone else those of their scope;
    deleted logs only for support, and only when asked for."""
    if not is_console_user(user):
        return model.objects.none()
    logs = model.objects.filter(status__in=_visible_statuses(user, include_deleted))
    return logs if sees_everything(user) else logs.filter(log_scope(user))


def _visible_statuses(user, include_deleted: bool) -> list:
    from domain.models.logs import VISIBLE_STATUSES, LogStatus

    return list(VISIBLE_STATUSES) + ([LogStatus.DELETED] if include_deleted and can_see_deleted_logs(user) else [])


def visible_log_parts(user, model) -> list[QuerySet]:
    """The logs a user may see (`visible_logs`) as parts that do not overlap and together are the whole:
    for a user with a scope, the logs owned within it, and those managed within it but owned outside it.

    For counting a large scope: PostgreSQL reads `owner IN scope OR manager IN scope` by visiting every
    matching table row (tens of thousands for a large association), while each part can be counted from
    one organisation index that carries the columns counted by (`Meta.indexes` of each log model)."""
    if sees_everything(user) or not is_console_user(user):
        return [visible_logs(user, model)]
    ids = organisation_scope_ids(user)
    logs = model.objects.filter(status__in=_visible_statuses(user, include_deleted=False))
    return [logs.filter(owning_organisation_id__in=ids),
            logs.filter(managing_organisation_id__in=ids).exclude(owning_organisation_id__in=ids)]


def can_see_deleted_logs(user) -> bool:
    """Whether deleted logs can be listed (and filtered for) at all: support only."""
    return is_support(user)


def can_view_log(user, log) -> bool:
    if log.pk is None:
        return False
    return remember(("view_log", user.pk, type(log), log.pk),
                    lambda: visible_logs(user, type(log), include_deleted=True).filter(pk=log.pk).exists())


def read_in_scope(user, log) -> None:
    """`log` was just read through `visible_logs(user, …)` (a log page's own query): `can_view_log` holds
    for it for the rest of the request without asking the database again."""
    if log is not None and log.pk is not None:
        remember(("view_log", user.pk, type(log), log.pk), lambda: True)


def starts_logs_for_own_organisation(user) -> bool:
    """A new log starts with the user's organisation and the user (spec §8.2); support start from nothing."""
    return is_console_user(user) and not is_support(user)


def can_choose_log_assignee(user) -> bool:
    """Support and data coordinators choose whom a log is assigned to; anyone else enters logs as their own."""
    return is_support(user) or is_coordinator(user)


def _stored_date(log) -> date | None:
    """The log's date as saved: what decides its windows, whatever a change in progress has typed."""
    name = log.DATE_FIELD
    if log.pk and name in log.loaded_values:
        return log.loaded_values[name]
    return getattr(log, name)


def _log_window(log):
    """The collection window of the log's year, or None while it has no date."""
    from domain import collection

    day = _stored_date(log)
    return collection.window(collection.collection_year_of(day)) if day else None


def _before(log, deadline: str) -> bool:
    """Today is before the log's year's deadline (`edit_end` or `new_logs_end`), and the year is not older
    than the previous collection year (spec §8.7). A log without a date yet is open."""
    from domain import collection

    window = _log_window(log)
    if window is None:
        return True
    return window.year >= collection.current_year() - 1 and collection.today() < getattr(window, deadline)


def log_open_for_edits(log) -> bool:
    """A log may be changed until its year's edit deadline (spec §8.7)."""
    return _before(log, "edit_end")


def log_open_for_deletion(log) -> bool:
    """A log may be deleted only while its year still accepts new logs (spec §7, "all deletes")."""
    return _before(log, "new_logs_end")


def can_add_log(user) -> bool:
    return is_console_user(user) and not is_statistician(user)


def can_change_log(user, log=None) -> bool:
    """Anyone but a statistician may change the logs they see, while the log's year is open for
    edits. Nobody, support included, changes a deleted log or one of a closed year (spec §8.7)."""
    if log is None:
        return can_add_log(user)
    if is_statistician(user) or log.discarded_at or not can_view_log(user, log):
        return False
    return log_open_for_edits(log)


def can_delete_log(user, log=None) -> bool:
    """Support any log, a data coordinator any log of their scope, a data provider the logs of their
    scope assigned to them (spec §7); always while the log's year still accepts new logs."""
    if not can_add_log(user):
        return False
    if log is None:
        return True
    if log.discarded_at or not can_view_log(user, log) or not log_open_for_deletion(log):
        return False
    return is_support(user) or is_coordinator(user) or log.assigned_to_id == user.pk


def can_restore_log(user, log=None) -> bool:
    return is_support(user) and (log is None or log.discarded_at is not None)


def can_look_up_addresses(user) -> bool:
    """Address search and postcode look-ups serve those who enter logs and locations."""
    return can_add_log(user)


def log_read_only_reason(user, log) -> str | None:
    """Why a user who may see a log may not change it, in words for the read-only page; None if they may."""
    from django.utils import timezone

    from domain.validations.dates import long_date

    if can_change_log(user, log):
        return None
    if log.discarded_at:
        return (f"This log was deleted on {long_date(timezone.localtime(log.discarded_at))}"
                + (f" ({log.deletion_reason})" if log.deletion_reason else "")
                + ". Customer support can restore it.")
    if is_statistician(user):
        return "You can view logs but not change them."
    window = _log_window(log)
    if window is not None and not log_open_for_edits(log):
        year = window.year
        return (f"The {year} to {year + 1} collection year closed for changes on {long_date(window.edit_end)}, "
                "so this log can be viewed but no longer changed.")
    return "You cannot change this log."


def log_organisation_choices(user, role: str) -> QuerySet:
    """The organisations a user's log list can be narrowed to, as owner (`role="owning"`) or manager
    (`"managing"`): every live organisation for support and statisticians; for anyone else their own
    organisation and those it absorbed, its stock owners (as owner) or its managing agents (as manager),
    and organisations they were granted. Worked out from the relationships, not from the logs, so it
    costs the same whatever the number of logs."""
    from domain.models import OrganisationRelationship

    from .organisations import visible_organisations

    organisations = visible_organisations(user)
    if sees_everything(user):  # noqa: F405
        return organisations
    ids = organisation_scope_ids(user)
    relationships = (OrganisationRelationship.objects.filter(managing_agent_id__in=ids).values("stock_owner")
                     if role == "owning" else
                     OrganisationRelationship.objects.filter(stock_owner_id__in=ids).values("managing_agent"))
    live = organisations.model.objects.filter(discarded_at__isnull=True)
    return live.filter(Q(pk__in=organisations.values("pk")) | Q(pk__in=relationships))
