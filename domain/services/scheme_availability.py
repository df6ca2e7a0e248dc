"""Deactivating and reactivating schemes and locations (schemes spec §4).

`deactivation_errors` and `reactivation_errors` are the date rules, first failing rule only, so the
user gets one clear message; `*_impact` is what the confirmation step shows; the services re-check
everything and write in one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from dateutil.relativedelta import relativedelta
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from domain import access
from domain.collection import editable_start, today
from domain.models import Location, LocationDeactivationPeriod, Scheme, SchemeDeactivationPeriod, User
from domain.schemes_status import DISPLAY_HORIZON, format_date, open_period, periods
from domain.selectors.schemes import (
    count_logs_affected_by_deactivation,
    locations_affected_by_deactivation,
    logs_affected_by_deactivation,
)

LATEST_REACTIVATION = date(2200, 1, 1)


def resource_name(resource: Scheme | Location) -> str:
    if isinstance(resource, Location):
        return resource.postcode or resource.name or f"Location {resource.pk}"
    return resource.service_name or resource.code


def _scheme_of(resource: Scheme | Location) -> Scheme:
    return resource.scheme if isinstance(resource, Location) else resource


def is_deactivated_or_deactivating(resource: Scheme | Location, on: date) -> bool:
    """An open deactivation within six months: the next step for it is a reactivation."""
    open_ = open_period(resource)
    return open_ is not None and open_.deactivation_date <= on + DISPLAY_HORIZON


def deactivation_errors(resource: Scheme | Location, day: date | None, *, on: date | None = None) -> list[str]:
    """Why the resource cannot be deactivated from `day` (empty when it can). `on` is today."""
    on = on or today()
    name = resource_name(resource)
    if day is None:
        return ["Enter the date the deactivation applies from, or choose the start of the open collection period."]
    if is_deactivated_or_deactivating(resource, on):
        return [f"{name} is already deactivated or deactivating. Reactivate it instead, then deactivate it again."]
    for period in periods(resource):
        if period.reactivation_date is not None and period.includes(day):
            last_day = period.reactivation_date - relativedelta(days=1)
            return [
                f"{name} is already deactivated from {format_date(period.deactivation_date)} to "
                f"{format_date(last_day)}. Choose a date outside that period."
            ]
    start = editable_start(on)
    if day < start:
        return [
            f"The date must be on or after {format_date(start)}, the start of the open collection period. "
            "To deactivate from then, choose the start of the open collection period."
        ]
    if day < resource.available_from:
        return [f"The date must be on or after {format_date(resource.available_from)}, when {name} became available."]
    return []


def reactivation_errors(resource: Scheme | Location, day: date | None) -> list[str]:
    """Why the resource cannot be reactivated from `day` (empty when it can)."""
    name = resource_name(resource)
    if day is None:
        return ["Enter the date the reactivation applies from, or choose the start of the open collection period."]
    open_ = open_period(resource)
    if open_ is None:
        return [f"{name} is not deactivated, so there is nothing to reactivate."]
    if day < resource.available_from or (isinstance(resource, Scheme) and day >= LATEST_REACTIVATION):
        return [f"The date must be on or after {format_date(resource.available_from)}, when {name} became available."]
    if day < open_.deactivation_date:
        return [
            f"The reactivation date must be on or after the deactivation date, "
            f"{format_date(open_.deactivation_date)}. Enter a later date."
        ]
    return []


@dataclass
class DeactivationImpact:
    """What a deactivation from a date would affect: shown for confirmation before it is applied."""

    logs: int
    locations: list[Location] = field(default_factory=list)

    @property
    def summary(self) -> str:
        logs = f"{self.logs} log" + ("" if self.logs == 1 else "s")
        locations = f"{len(self.locations)} location" + ("" if len(self.locations) == 1 else "s")
        return f"This change will affect {logs} and {locations}."


def deactivation_impact(resource: Scheme | Location, day: date) -> DeactivationImpact:
    return DeactivationImpact(
        logs=count_logs_affected_by_deactivation(resource, day),
        locations=locations_affected_by_deactivation(resource, day),
    )


def _require_rights(resource: Scheme | Location, by: User) -> None:
    if not access.can_change_scheme_availability(by, _scheme_of(resource)):
        raise PermissionDenied("You cannot deactivate or reactivate this scheme or its locations.")


def _period_model(resource):
    return LocationDeactivationPeriod if isinstance(resource, Location) else SchemeDeactivationPeriod


def _period_owner(resource) -> dict:
    return {"location": resource} if isinstance(resource, Location) else {"scheme": resource}


def _release_logs(resource: Scheme | Location, day: date, by: User | None = None) -> int:
    """Logs starting on or after the date lose their scheme and location, and are marked for review."""
    from domain.services.reviews import review_lost_scheme

    count = 0
    for log in logs_affected_by_deactivation(resource, day):  # one by one: each change is in its history
        log.scheme, log.location, log.unresolved = None, None, True
        review_lost_scheme(log, by=by)  # an approved log is no longer approved
        log.save(update_fields=["scheme", "location", "unresolved", "updated_at", "review_state", "approved_at",
                                "approved_by"])
        log.__dict__.pop("_change_reason", None)
        count += 1
    return count


@transaction.atomic
def resource_deactivate(*, resource: Scheme | Location, day: date, by: User, on: date | None = None) -> int:
    """Deactivate a scheme or location from a date (re-dating a deactivation more than six months away).
    Returns the number of logs that lost it."""
    _require_rights(resource, by)
    errors = deactivation_errors(resource, day, on=on)
    if errors:
        raise ValidationError(errors)
    open_ = open_period(resource)
    if open_ is not None:
        open_.deactivation_date = day
        open_.save()
    else:
        _period_model(resource).objects.create(deactivation_date=day, **_period_owner(resource))
    return _release_logs(resource, day, by)


@transaction.atomic
def resource_reactivate(*, resource: Scheme | Location, day: date, by: User) -> None:
    """Reactivate from a date: the open deactivation ends then. Logs cleared earlier are not restored."""
    _require_rights(resource, by)
    errors = reactivation_errors(resource, day)
    if errors:
        raise ValidationError(errors)
    open_ = open_period(resource)
    open_.reactivation_date = day
    open_.save()


def outcome_message(resource: Scheme | Location, day: date, verb: str, *, on: date | None = None) -> str:
    """'<name> has been deactivated' or '<name> will deactivate on <date>' (or reactivate)."""
    on = on or today()
    name = resource_name(resource)
    if day <= on:
        return f"{name} has been {verb}d."
    return f"{name} will {verb} on {format_date(day)}."
