"""2026 lettings: hard rules on the setup answers."""

from domain import collection
from domain.selectors import lookups
from domain.validations.dates import log_date_error
from domain.validations.rules import HARD, Rule


def _startdate_error(log):
    editing = bool(log.loaded_values.get("startdate"))
    return log_date_error(log.startdate, today=collection.today(), editing=editing, what="tenancy start date")


def _assignee_belongs(log) -> bool:
    organisation_ids = {log.owning_organisation_id, log.managing_organisation_id}
    assignee_org = log.assigned_to.organisation
    absorbed = lookups.absorbed_organisation_ids(assignee_org.pk)
    return bool(organisation_ids & ({assignee_org.pk} | absorbed))


RULES = [
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
        passes=_assignee_belongs,
    ),
]
