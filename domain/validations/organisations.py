"""Checks on the organisations and the user a log belongs to, shared by lettings and sales rules.

Organisations merge: the merged one stops on its `merge_date`, and the one that absorbed it may only
become active on its `available_from` date. A log's organisations must be active on the log's date.
"""

from __future__ import annotations

from datetime import date

from domain.validations.dates import as_date


def assignee_belongs(log) -> bool:
    """The assigned user works for the owning or the managing organisation, or for an organisation
    that absorbed one of them."""
    organisation_ids = {log.owning_organisation_id, log.managing_organisation_id}
    from domain.selectors import lookups

    assignee_org = log.assigned_to.organisation
    return bool(organisation_ids & ({assignee_org.pk} | lookups.absorbed_organisation_ids(assignee_org)))


def merged_by(org, day: date) -> bool:
    """The organisation had merged into another on or before the day."""
    return bool(org is not None and org.merge_date and org.merge_date <= as_date(day))


def absorbing_not_yet_active(org, day: date) -> bool:
    """The organisation absorbed others and only became active after the day."""
    return bool(org is not None and org.available_from and org.available_from > as_date(day)
                and org.absorbed_organisations.exists())
