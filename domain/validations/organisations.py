"""Checks on the organisations and the user a log belongs to, shared by lettings and sales rules.

Organisations merge: the merged one stops on its `merge_date`, and the one that absorbed it may only
become active on its `available_from` date. A log's organisations must be active on the log's date.
"""

from __future__ import annotations

from datetime import date

from domain.validations.dates import as_date
from domain.validations.rules import HARD, Rule


def assignee_belongs(log) -> bool:
    """The assigned user works for the owning or the managing organisation, or for an organisation
    that absorbed one of them."""
    from domain import access
    from domain.selectors import lookups

    assignee_org = log.assigned_to.organisation
    owner, manager = log.owning_organisation_id, log.managing_organisation_id
    if access.assignee_fits_organisations({assignee_org.pk}, owner, manager):
        return True  # the assignee's own organisation is one of them: those it absorbed need not be read
    family = {assignee_org.pk} | lookups.absorbed_organisation_ids(assignee_org)
    return access.assignee_fits_organisations(family, owner, manager)


def merged_by(org, day: date) -> bool:
    """The organisation had merged into another on or before the day."""
    return bool(org is not None and org.merge_date and org.merge_date <= as_date(day))


def absorbing_not_yet_active(org, day: date) -> bool:
    """The organisation absorbed others and only became active after the day."""
    return bool(org is not None and org.available_from and org.available_from > as_date(day)
                and org.absorbed_organisations.exists())


def _was_set(log, column: str) -> bool:
    # Answers checked without a saved log (a dry run, a rule's own test) have nothing saved to keep.
    return bool(getattr(log, "pk", None) and getattr(log, "loaded_values", {}).get(column))


def organisation_kept_rule(column: str, words: str) -> Rule:
    """Once a saved log has an owning (or managing) organisation, nobody may empty it: a log with neither
    is out of every organisation's sight, so only support could find it, and its delete rules would no
    longer protect it. It may still be changed to another organisation the user may choose."""
    return Rule(
        f"setup.{column}.kept", HARD, (column,),
        message=f"The {words} cannot be removed once it is set. Choose the {words} of this log from the list.",
        applies=lambda log: _was_set(log, column),
        passes=lambda log: bool(getattr(log, column, None)),
    )


def data_sharing_rule(column: str, words: str) -> Rule:
    """An organisation chosen (or changed) as a log's owner, or a letting's manager, must have accepted the
    data sharing agreement (spec §5). A log keeping the organisation it already had is not re-checked."""
    relation = column.removesuffix("_id")

    def chosen_now(log) -> bool:
        value = getattr(log, column, None)
        return bool(value) and log.loaded_values.get(column) != value

    def signed(log) -> bool:
        from domain.access.data_sharing import dsa_confirmed

        return dsa_confirmed(getattr(log, relation))

    return Rule(
        f"setup.{column}.data_sharing_agreement_not_signed", HARD, (column,),
        message="{name} has not accepted the data sharing agreement, so it cannot be the " + words
                + " of a log yet. Its data protection officer must accept the agreement first.",
        applies=chosen_now,
        passes=signed,
        context=lambda log: {"name": getattr(log, relation).name},
    )
