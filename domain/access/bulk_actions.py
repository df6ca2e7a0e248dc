"""Actions on many logs at once from a filtered list (issue 13): deleting and reassigning. Approving many
is a review rule (reviews.py). Each log is checked on its own; a list action does what it may and says
why not for the rest."""

from __future__ import annotations

from .lettings import assignable_users
from .logs import can_change_log, can_delete_log, can_view_log, log_open_for_deletion
from .organisations import organisation_scope_ids
from .roles import *  # noqa: F403

__all__ = [
    "can_bulk_delete_logs",
    "bulk_delete_needs_filter",
    "bulk_deletion_blocker",
    "can_reassign_logs",
    "reassignment_blocker",
    "reassignment_choices",
]


def can_bulk_delete_logs(user) -> bool:
    """Deleting logs from a list: data coordinators and support."""
    return is_support(user) or is_coordinator(user)  # noqa: F405


def bulk_delete_needs_filter(user) -> bool:
    """A coordinator deletes from a list only once it is filtered or searched (spec §7), so a whole list is
    never one click from deletion; support may delete from any list."""
    return not is_support(user)  # noqa: F405


def bulk_deletion_blocker(user, log) -> str | None:
    """Why this user cannot delete this log in a list action, or None."""
    # can_delete_log includes the year's window: name that reason first to anyone who can see the log.
    if can_view_log(user, log) and not log_open_for_deletion(log):
        return "Its collection year no longer accepts new logs, so it can no longer be deleted."
    if not can_delete_log(user, log):
        return "You cannot delete this log."
    return None


def can_reassign_logs(user) -> bool:
    """Reassigning logs to another user: data coordinators (within their organisation) and support."""
    return is_support(user) or is_coordinator(user)  # noqa: F405


def reassignment_choices(user):
    """Whom logs may be reassigned to from a list: a coordinator's active colleagues; any active user
    for support (each log then checks the user works for its owning or managing organisation)."""
    return assignable_users(user)


def reassignment_blocker(user, log, to) -> str | None:
    """Why this log cannot be reassigned to `to` by this user, or None."""
    if not can_reassign_logs(user) or not can_change_log(user, log):
        return "You cannot change this log."
    if not reassignment_choices(user).filter(pk=to.pk).exists():
        return f"{to.name} cannot be given logs by you."
    organisations = {log.owning_organisation_id, log.managing_organisation_id} - {None}
    if not organisations & set(organisation_scope_ids(to)):
        return f"{to.name} does not work for the log's owning or managing organisation."
    if log.assigned_to_id == to.pk:
        return f"Already assigned to {to.name}."
    return None
