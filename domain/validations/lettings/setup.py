"""2026 lettings: hard rules on the setup answers (rules spec §1.1): the start date window, the other rent
product's name, the assignee, organisations that once set cannot be emptied, and organisations that
merged before, or only started after, the tenancy start date, and organisations chosen before they accepted
the data sharing agreement."""

from domain import collection
from domain.validations.dates import log_date_error
from domain.validations.organisations import (
    absorbing_not_yet_active, assignee_belongs, data_sharing_rule, merged_by, organisation_kept_rule,
)
from domain.validations.rules import HARD, Rule

from .common import as_date, day, present


def _startdate_error(log):
    editing = bool(log.loaded_values.get("startdate"))
    return log_date_error(log.startdate, today=collection.today(), editing=editing, what="tenancy start date")


def _organisation_inactive(log, role: str) -> str | None:
    org, start = getattr(log, role), as_date(log.startdate)
    if merged_by(org, start):
        into = f" and became part of {org.absorbing_organisation.name}" if org.absorbing_organisation_id else ""
        return (f"{org.name} stopped being active on {day(org.merge_date)}{into}. Choose the organisation that "
                "was active on the tenancy start date.")
    if absorbing_not_yet_active(org, start):
        return (f"{org.name} only became active on {day(org.available_from)}. Choose the organisation that was "
                "active on the tenancy start date, or check the start date.")
    return None


def _organisations_dated(log, role: str) -> bool:
    return present(log, "startdate") and bool(getattr(log, f"{role}_id", None))


def _merge_rule(role: str, words: str) -> Rule:
    return Rule(
        f"setup.{role}_id.inactive_on_startdate", HARD, (f"{role}_id",),
        message="The " + words + " must be active on the tenancy start date. {reason}",
        applies=lambda log: _organisations_dated(log, role),
        passes=lambda log: _organisation_inactive(log, role) is None,
        context=lambda log: {"reason": _organisation_inactive(log, role)},
    )


def _merged_note(org) -> str:
    into = f" into {org.absorbing_organisation.name}" if org.absorbing_organisation_id else ""
    return f"{org.name} merged{into} on {day(org.merge_date)}"


def merged_organisations_startdate_error(log) -> str | None:
    """Why the start date falls outside the active time of the log's organisations (spec §1.1, in order)."""
    start, owner, manager = as_date(log.startdate), log.owning_organisation, log.managing_organisation
    ask = " Enter a tenancy start date when the organisations were active, or change the organisations."
    if log.owning_organisation_id == log.managing_organisation_id:
        if merged_by(owner, start):
            return f"{_merged_note(owner)}, before the tenancy start date." + ask
        if absorbing_not_yet_active(owner, start):
            return f"{owner.name} only became active on {day(owner.available_from)}." + ask
        return None
    if (owner and manager and owner.merge_date and owner.merge_date == manager.merge_date
            and owner.absorbing_organisation_id == manager.absorbing_organisation_id):
        return f"Both organisations merged on {day(owner.merge_date)}." + ask if merged_by(owner, start) else None
    merged = [_merged_note(org) for org in (owner, manager) if merged_by(org, start)]
    if merged:
        return " and ".join(merged) + ", before the tenancy start date." + ask
    starting = [f"{org.name} only became active on {day(org.available_from)}"
                for org in (owner, manager) if absorbing_not_yet_active(org, start)]
    if starting:
        return " and ".join(starting) + "." + ask
    return None


RULES = [
    organisation_kept_rule("owning_organisation_id", "owning organisation"),
    organisation_kept_rule("managing_organisation_id", "managing organisation"),
    data_sharing_rule("owning_organisation_id", "owning organisation"),
    data_sharing_rule("managing_organisation_id", "managing organisation"),
    Rule(
        "setup.startdate.within_open_years", HARD, ("startdate",),
        message="{error}",
        applies=lambda log: log.startdate is not None,
        passes=lambda log: _startdate_error(log) is None,
        context=lambda log: {"error": _startdate_error(log)},
    ),
    Rule(
        "setup.irproduct_other.blank", HARD, ("irproduct_other",),
        message="Enter the name of the other intermediate rent product.",
        applies=lambda log: log.rent_type == 5,
        passes=lambda log: bool((log.irproduct_other or "").strip()),
    ),
    Rule(
        "setup.assigned_to.not_in_organisations", HARD,
        ("assigned_to_id", "owning_organisation_id", "managing_organisation_id"),
        message="The user this log is assigned to must belong to the owning or the managing organisation. "
                "Choose another user, or change the organisations.",
        applies=lambda log: bool(log.assigned_to_id and log.owning_organisation_id and log.managing_organisation_id),
        passes=assignee_belongs,
    ),
    _merge_rule("owning_organisation", "owning organisation"),
    _merge_rule("managing_organisation", "managing organisation"),
    Rule(
        "setup.startdate.organisations_inactive", HARD, ("startdate",),
        message="{error}",
        applies=lambda log: present(log, "startdate") and bool(log.owning_organisation_id or log.managing_organisation_id),
        passes=lambda log: merged_organisations_startdate_error(log) is None,
        context=lambda log: {"error": merged_organisations_startdate_error(log)},
    ),
]
