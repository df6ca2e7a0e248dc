"""Statuses, availability and completeness of schemes and locations (schemes spec §2, §3).

Every function takes the date it answers for (`on`), so "today" is decided by the caller
(`domain.collection.today()`), and tests pass explicit dates. Deactivation periods and locations are
read through `.all()` so that a prefetched list is used when the caller prefetched it.
"""

from __future__ import annotations

from datetime import date

from dateutil.relativedelta import relativedelta
from django.db import models
from django.utils import timezone

from domain.collection import new_logs_start
from domain.selectors import lookups

# A deactivation further away than this is not shown yet: the resource is displayed as active.
DISPLAY_HORIZON = relativedelta(months=6)
REQUIRED_LOCATION_ANSWERS = ("postcode", "location_admin_district", "location_code", "units", "type_of_unit",
                             "mobility_type")


class ResourceStatus(models.TextChoices):
    ACTIVE = "active", "Active"
    INCOMPLETE = "incomplete", "Incomplete"
    DEACTIVATING_SOON = "deactivating_soon", "Deactivating soon"
    ACTIVATING_SOON = "activating_soon", "Activating soon"
    REACTIVATING_SOON = "reactivating_soon", "Reactivating soon"
    DEACTIVATED = "deactivated", "Deactivated"
    DELETED = "deleted", "Deleted"


# Badge colours (unfold label names), keyed by the label shown.
STATUS_COLOURS = {
    ResourceStatus.ACTIVE.label: "success",
    ResourceStatus.INCOMPLETE.label: "danger",
    ResourceStatus.DEACTIVATING_SOON.label: "warning",
    ResourceStatus.ACTIVATING_SOON.label: "info",
    ResourceStatus.REACTIVATING_SOON.label: "info",
    ResourceStatus.DEACTIVATED.label: "default",  # grey: any name unfold does not colour
    ResourceStatus.DELETED.label: "danger",
}
# The statuses lists can be filtered by, in the order offered.
FILTER_STATUSES = [
    ResourceStatus.INCOMPLETE,
    ResourceStatus.ACTIVE,
    ResourceStatus.DEACTIVATING_SOON,
    ResourceStatus.ACTIVATING_SOON,
    ResourceStatus.REACTIVATING_SOON,
    ResourceStatus.DEACTIVATED,
]
_OWNER_GONE = {"deactivated", "merged"}


def location_is_complete(location) -> bool:
    """A location is complete (`confirmed`) when every answer needed to use it on a log is given."""
    return all(getattr(location, field) not in (None, "") for field in REQUIRED_LOCATION_ANSWERS)


def available_from(resource) -> date:
    """The start date if set, else 1 April of the earliest year open for new logs when it was created."""
    if resource.startdate:
        return resource.startdate
    created = timezone.localdate(resource.created_at) if resource.created_at else None
    return new_logs_start(created)


def periods(resource) -> list:
    """The resource's deactivation periods in date order (read once per log page or upload: see
    domain.selectors.lookups)."""
    def read():
        # A location read on its own may be one of its scheme's locations already read with their periods.
        source = (lookups.listed_location(resource) if hasattr(resource, "scheme_id") else None) or resource
        return sorted(source.deactivation_periods.all(), key=lambda p: (p.deactivation_date, p.pk or 0))

    if resource.pk is None:
        return read()
    return lookups.remember(("deactivation_periods", resource._meta.label, resource.pk), read)


def open_period(resource):
    """The open deactivation (no reactivation date); only the first is used."""
    return next((p for p in periods(resource) if p.reactivation_date is None), None)


def _in_closed_period(resource, on: date) -> bool:
    return any(p.reactivation_date is not None and p.includes(on) for p in periods(resource))


def _owner_gone(scheme, on: date) -> bool:
    return scheme.owning_organisation.status_at(on) in _OWNER_GONE


def _has_complete_location(scheme) -> bool:
    return bool(lookups.complete_locations(scheme))


def scheme_status_at(scheme, on: date) -> ResourceStatus:
    """A scheme's status on a date (§3.1, first match)."""
    open_ = open_period(scheme)
    if scheme.discarded_at:
        return ResourceStatus.DELETED
    if _owner_gone(scheme, on) or (open_ and open_.deactivation_date <= on):
        return ResourceStatus.DEACTIVATED
    has_complete_location = _has_complete_location(scheme)
    if not scheme.confirmed or not has_complete_location:
        return ResourceStatus.INCOMPLETE
    if open_:
        return ResourceStatus.DEACTIVATING_SOON
    if _in_closed_period(scheme, on):
        return ResourceStatus.REACTIVATING_SOON
    if scheme.startdate and scheme.startdate > on:
        return ResourceStatus.ACTIVATING_SOON
    return ResourceStatus.ACTIVE


def location_status_at(location, on: date) -> ResourceStatus:
    """A location's status on a date (§3.2, first match; activating soon comes before reactivating soon)."""
    if location.discarded_at:
        return ResourceStatus.DELETED
    if not location.confirmed:
        return ResourceStatus.INCOMPLETE
    scheme = location.scheme
    scheme_status = scheme_status_at(scheme, on)
    open_ = open_period(location)
    if (
        _owner_gone(scheme, on)
        or (open_ and open_.deactivation_date <= on)
        or scheme_status == ResourceStatus.DEACTIVATED
    ):
        return ResourceStatus.DEACTIVATED
    if open_ or scheme_status == ResourceStatus.DEACTIVATING_SOON:
        return ResourceStatus.DEACTIVATING_SOON
    if location.startdate and location.startdate > on:
        return ResourceStatus.ACTIVATING_SOON
    if _in_closed_period(location, on) or scheme_status == ResourceStatus.REACTIVATING_SOON:
        return ResourceStatus.REACTIVATING_SOON
    return ResourceStatus.ACTIVE


def status_at(resource, on: date) -> ResourceStatus:
    if hasattr(resource, "scheme_id"):
        return location_status_at(resource, on)
    return scheme_status_at(resource, on)


def displayed_status(resource, on: date) -> ResourceStatus:
    """The status shown in lists, badges, filters and downloads: a deactivation more than six months
    away is not shown yet."""
    status = status_at(resource, on)
    if status == ResourceStatus.DEACTIVATING_SOON and status_at(resource, on + DISPLAY_HORIZON) == status:
        return ResourceStatus.ACTIVE
    return status


def format_date(day: date) -> str:
    """Dates as users read them: "1 April 2026"."""
    return f"{day.day} {day:%B %Y}"


def availability_lines(resource) -> list[str]:
    """When the resource could be used: "Active from <a> to <b - 1 day>", "Deactivated on <b>", ...
    Periods inside an earlier period and periods that end the day they start are left out."""
    start = available_from(resource)
    lines = []
    shown_until = None  # the reactivation date of the last period shown
    for period in periods(resource):
        if period.reactivation_date is not None and period.reactivation_date <= period.deactivation_date:
            continue  # empty
        if shown_until is not None and period.deactivation_date < shown_until:
            continue  # nested in (or overlapping) the previous period
        if start is not None and period.deactivation_date > start:
            lines.append(f"Active from {format_date(start)} to {format_date(period.deactivation_date - relativedelta(days=1))}")
        lines.append(f"Deactivated on {format_date(period.deactivation_date)}")
        start = shown_until = period.reactivation_date
        if shown_until is None:
            break
    if start is not None:
        lines.append(f"Active from {format_date(start)}")
    return lines


def availability_text(resource) -> str:
    return ", ".join(availability_lines(resource))
