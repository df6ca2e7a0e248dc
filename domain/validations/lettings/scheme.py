"""2026 lettings, hard rules on the scheme and location of a supported housing letting (rules spec §1.1,
"Scheme and location"): both must be complete, and active on the tenancy start date.

Statuses come from domain/schemes_status.py. "Active on the start date" means active or deactivating soon.
Whether a scheme has a location active on the start date uses the same per-location status (open point 4:
aligned with the location check rather than copying upstream's separate database test).
"""

from __future__ import annotations

from domain import collection
from domain.selectors import lookups
from domain.schemes_status import (
    ResourceStatus, available_from, location_status_at, open_period, periods, scheme_status_at, status_at,
)
from domain.validations.rules import HARD, Rule

from .common import as_date, day, present

INACTIVE = (ResourceStatus.DEACTIVATED, ResourceStatus.REACTIVATING_SOON, ResourceStatus.ACTIVATING_SOON)
ACTIVE = (ResourceStatus.ACTIVE, ResourceStatus.DEACTIVATING_SOON)


def _scheme(log):
    return log.scheme if getattr(log, "scheme_id", None) else None


def _location(log):
    return log.location if getattr(log, "location_id", None) else None


def _start(log):
    return as_date(log.startdate)


def _back_on(resource, on):
    """The first reactivation date after `on` when the resource is active again."""
    sources = [resource, resource.scheme] if hasattr(resource, "scheme_id") else [resource]
    dates = sorted({p.reactivation_date for source in sources for p in periods(source)
                    if p.reactivation_date and p.reactivation_date > on})
    return next((d for d in dates if status_at(resource, d) in ACTIVE), dates[-1] if dates else None)


def _deactivated_on(resource):
    period = open_period(resource)
    if period is None and hasattr(resource, "scheme_id"):
        period = open_period(resource.scheme)
    if period is not None:
        return period.deactivation_date
    owner = resource.scheme.owning_organisation if hasattr(resource, "scheme_id") else resource.owning_organisation
    return owner.merge_date


def inactive_reason(resource, on) -> str | None:
    """Why a scheme or location cannot be used for a letting starting on `on`, or None if it can."""
    status = status_at(resource, on)
    if status not in INACTIVE:
        return None
    if status == ResourceStatus.DEACTIVATED:
        when = _deactivated_on(resource)
        return f"was deactivated on {day(when)}" if when else "is deactivated"
    when = _back_on(resource, on) if status == ResourceStatus.REACTIVATING_SOON else available_from(resource)
    return f"is not available until {day(when)}" if when else "is not available on that date"


def _has_active_location(log) -> bool:
    return any(location_status_at(location, _start(log)) in ACTIVE
               for location in lookups.complete_locations(log.scheme))


def _scheme_dated(log) -> bool:
    return _scheme(log) is not None and present(log, "startdate")


RULES = [
    Rule(
        "scheme.scheme_id.incomplete", HARD, ("scheme_id",),
        message="This scheme is incomplete. Choose another scheme, or ask a data coordinator to finish setting "
                "it up.",
        applies=lambda log: _scheme(log) is not None,
        passes=lambda log: scheme_status_at(log.scheme, collection.today()) != ResourceStatus.INCOMPLETE,
    ),
    Rule(
        "scheme.scheme_id.no_complete_locations", HARD, ("scheme_id",),
        message="None of this scheme's locations is complete. Choose another scheme, or ask a data coordinator "
                "to complete a location.",
        applies=lambda log: _scheme(log) is not None and lookups.scheme_locations_held(log.scheme)[0],
        passes=lambda log: lookups.scheme_locations_held(log.scheme)[1],
    ),
    Rule(
        "scheme.startdate.scheme_inactive", HARD, ("startdate", "scheme_id"),
        message="The scheme {reason}, so it cannot be used for a tenancy starting on {startdate}. Check the "
                "tenancy start date, or choose another scheme.",
        applies=_scheme_dated,
        passes=lambda log: inactive_reason(log.scheme, _start(log)) is None,
        context=lambda log: {"reason": inactive_reason(log.scheme, _start(log)), "startdate": day(log.startdate)},
    ),
    Rule(
        "scheme.startdate.no_active_locations", HARD, ("startdate", "scheme_id"),
        message="The scheme has no location that is active on {startdate}. Check the tenancy start date, or "
                "choose another scheme.",
        applies=_scheme_dated,
        passes=_has_active_location,
        context=lambda log: {"startdate": day(log.startdate)},
    ),
    Rule(
        "scheme.startdate.location_inactive", HARD, ("startdate", "location_id", "scheme_id"),
        message="The location {postcode} {reason}, so it cannot be used for a tenancy starting on {startdate}. "
                "Check the tenancy start date, or choose another location.",
        applies=lambda log: _location(log) is not None and present(log, "startdate"),
        passes=lambda log: inactive_reason(log.location, _start(log)) is None,
        context=lambda log: {"postcode": log.location.postcode, "reason": inactive_reason(log.location, _start(log)),
                             "startdate": day(log.startdate)},
    ),
    Rule(
        "scheme.location_id.incomplete", HARD, ("location_id", "scheme_id"),
        message="This location is incomplete. Choose another location, or ask a data coordinator to finish "
                "setting it up.",
        applies=lambda log: _location(log) is not None,
        passes=lambda log: location_status_at(log.location, collection.today()) != ResourceStatus.INCOMPLETE,
    ),
]
