"""2026 sales: hard rules on the setup answers (rules spec §2.1): the sale completion date must fall in
an open collection year and not far ahead, the owning organisation must be active on that date and
have accepted the data sharing agreement, the assigned user must belong to the log's organisations, and
organisations once set cannot be emptied."""

from __future__ import annotations

from domain import collection
from domain.validations.dates import as_date, log_date_error, long_date
from domain.validations.organisations import (
    absorbing_not_yet_active, assignee_belongs, merged_by, organisation_kept_rule,
)
from domain.validations.rules import HARD, Rule

from .common import present


def _saledate_error(log) -> str | None:
    editing = bool(log.loaded_values.get("saledate"))
    return log_date_error(as_date(log.saledate), today=collection.today(), editing=editing,
                          what="sale completion date")


def _owner(log):
    return log.owning_organisation if log.owning_organisation_id else None


def _dated_owner(log) -> bool:
    return present(log, "saledate") and _owner(log) is not None


def _merged_words(org) -> str:
    into = f" into {org.absorbing_organisation.name}" if org.absorbing_organisation_id else ""
    return f"{org.name} merged{into} on {long_date(org.merge_date)}"


def _owner_inactive_reason(log) -> str | None:
    """Why the owning organisation cannot own a sale on the log's date: merged first, or not yet active."""
    org, day = _owner(log), log.saledate
    if merged_by(org, day):
        return f"{_merged_words(org)}, on or before the sale completion date ({long_date(day)})."
    if absorbing_not_yet_active(org, day):
        return (f"{org.name} only became active on {long_date(org.available_from)}, after the sale completion "
                f"date ({long_date(day)}).")
    return None


def _owner_changed(log) -> bool:
    return log.loaded_values.get("owning_organisation_id") != log.owning_organisation_id


RULES = [
    organisation_kept_rule("owning_organisation_id", "owning organisation"),
    organisation_kept_rule("managing_organisation_id", "reporting organisation"),
    Rule(
        "setup.saledate.within_open_years", HARD, ("saledate",),
        message="{error}",
        applies=lambda log: present(log, "saledate"),
        passes=lambda log: _saledate_error(log) is None,
        context=lambda log: {"error": _saledate_error(log)},
    ),
    Rule(
        "setup.saledate.owning_organisation_merged", HARD, ("saledate",),
        message="{merged}, on or before this sale completion date. Enter the date the sale completed if it was "
                "earlier, or choose the organisation that owned the property on {saledate}.",
        applies=_dated_owner,
        passes=lambda log: not merged_by(_owner(log), log.saledate),
        context=lambda log: {"merged": _merged_words(_owner(log)), "saledate": long_date(log.saledate)},
    ),
    Rule(
        "setup.saledate.owning_organisation_not_yet_active", HARD, ("saledate",),
        message="{name} only became active on {available_from}, after this sale completion date. Check the date, "
                "or choose the organisation that owned the property on {saledate}.",
        applies=_dated_owner,
        passes=lambda log: not absorbing_not_yet_active(_owner(log), log.saledate),
        context=lambda log: {"name": _owner(log).name, "available_from": long_date(_owner(log).available_from),
                             "saledate": long_date(log.saledate)},
    ),
    Rule(
        "setup.owning_organisation_id.inactive_on_saledate", HARD, ("owning_organisation_id",),
        message="Choose an owning organisation that was active when the sale completed. {reason}",
        applies=_dated_owner,
        passes=lambda log: _owner_inactive_reason(log) is None,
        context=lambda log: {"reason": _owner_inactive_reason(log)},
    ),
    Rule(
        # `owning_organisation_dsa_signed` is None when unknown; a merge moving logs sets `skip_dpo_check`.
        "setup.owning_organisation_id.data_sharing_agreement_not_signed", HARD, ("owning_organisation_id",),
        message="This organisation's data protection officer has not yet accepted the data sharing agreement, "
                "so it cannot own logs. Choose another owning organisation, or ask them to accept it first.",
        applies=lambda log: (bool(log.owning_organisation_id) and _owner_changed(log)
                             and not log.skip_dpo_check),
        passes=lambda log: log.owning_organisation_dsa_signed is not False,
    ),
    Rule(
        "setup.assigned_to_id.not_in_organisations", HARD,
        ("assigned_to_id", "owning_organisation_id", "managing_organisation_id"),
        message="The user this log is assigned to must work for the owning organisation or the organisation "
                "reporting the sale. Choose another user, or change the organisations.",
        applies=lambda log: bool(log.assigned_to_id and log.owning_organisation_id and log.managing_organisation_id),
        passes=assignee_belongs,
    ),
]
