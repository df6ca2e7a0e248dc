"""Dated name changes of an organisation (spec §3): support record them; names by date follow."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from domain import access
from domain.models import NameChangeStatus, Organisation, OrganisationNameChange, User
from domain.models.base import squish


def organisation_name_change_check(*, organisation: Organisation, name: str, startdate: date | None) -> tuple[str, date]:
    """The name and start date a new change would have (no start date: today), or ValidationError by field."""
    name = squish(name)
    immediate = startdate is None
    startdate = startdate or timezone.localdate()
    errors: dict[str, str] = {}
    if not name:
        errors["name"] = "Enter the organisation's new name."
    live = organisation.name_changes.filter(discarded_at__isnull=True)
    if live.filter(startdate=startdate).exists():
        errors["startdate"] = (
            "Another name change already starts today. Cancel it first, or choose another date." if immediate
            else f"Another name change already starts on {startdate:%-d %B %Y}. Choose another date.")
    if organisation.merge_date and startdate >= organisation.merge_date:
        errors["startdate"] = (
            f"The start date must be before {organisation.merge_date:%-d %B %Y}, when this organisation merged: "
            "its name cannot change after the merge.")
    if name and "startdate" not in errors and name == organisation.name_on(startdate):
        errors["name"] = f"{organisation.name_on(startdate)} is already the organisation's name on that date. Enter a different name."
    if errors:
        raise ValidationError(errors)
    return name, startdate


@transaction.atomic
def organisation_name_change_add(*, organisation: Organisation, name: str, startdate: date | None,
                                 by: User) -> OrganisationNameChange:
    """Record that the organisation takes a new name from a date (none: today). Support only."""
    if not access.can_change_organisation_name(by, organisation):
        raise PermissionDenied("Only customer support can change an organisation's name.")
    Organisation.objects.select_for_update().filter(pk=organisation.pk).first()
    name, startdate = organisation_name_change_check(organisation=organisation, name=name, startdate=startdate)
    change = OrganisationNameChange(organisation=organisation, name=name, startdate=startdate)
    change.full_clean()
    change.save()
    organisation.save(update_fields=["updated_at"])  # the organisation's export record changes with its name
    return change


@transaction.atomic
def organisation_name_change_cancel(*, change: OrganisationNameChange, by: User) -> OrganisationNameChange:
    """Cancel a change that has not started yet; one in force or past stays as history."""
    if not access.can_change_organisation_name(by, change.organisation):
        raise PermissionDenied("Only customer support can change an organisation's name.")
    if change.discarded_at or change.status_at() != NameChangeStatus.SCHEDULED:
        raise ValidationError("Only a name change that has not started yet can be cancelled.")
    change.discarded_at = timezone.localdate()
    change.save(update_fields=["discarded_at", "updated_at"])
    return change
