"""Creating and changing schemes and their locations (schemes spec §1, §2).

The `*_errors` functions are the rules; the admin's forms run them in `clean()` so errors show against
their fields, and the `*_save` services run them again before anything is written.
"""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from domain import access
from domain.collection import editable_start, new_logs_start, today
from domain.models import (
    LettingsLog,
    LocalAuthority,
    Location,
    LogStatus,
    Scheme,
    SchemeDeactivationPeriod,
    User,
)
from domain.models.base import squish
from domain.lookups.locations import location_infer_local_authority
from domain.postcodes import normalise_postcode, postcode_as_stored
from domain.schemes_status import format_date

LATEST_START = date(2200, 1, 1)
# What a confirmed scheme must answer, with what to tell the user when it does not (§1.4).
REQUIRED_SCHEME_ANSWERS = {
    "service_name": "Enter the scheme's name.",
    "scheme_type": "Select the type of scheme.",
    "registered_under_care_act": "Select whether the scheme is regulated by the Care Quality Commission (CQC).",
    "owning_organisation_id": "Select the organisation that owns the housing stock for this scheme.",
    "arrangement_type": "Select who provides the support services used by this scheme.",
    "primary_client_group": "Select the client group this scheme is intended for.",
    "has_other_client_group": "Select whether this scheme provides for another client group.",
    "support_type": "Select the level of support given.",
    "intended_stay": "Select the intended length of stay.",
}
REQUIRED_LOCATION_ANSWERS = {
    "postcode": "Enter the postcode of this location.",
    "location_code": "Select the local authority of this location.",
    "units": "Enter the number of units at this location.",
    "type_of_unit": "Select the most common type of unit at this location.",
    "mobility_type": "Select the mobility standards of most units at this location.",
}
COMPLETE_LOCATION_HINT = " A complete location needs all of its details."


# --- schemes -----------------------------------------------------------------------------------


def scheme_prepare(scheme: Scheme) -> None:
    """Store answers the way they are kept: squished name, no secondary group without a Yes."""
    scheme.service_name = squish(scheme.service_name)
    if scheme.has_other_client_group != 1:
        scheme.secondary_client_group = ""


def scheme_errors(scheme: Scheme) -> dict[str, str]:
    """Problems with a scheme's answers, by field ("owning_organisation" for the owner)."""
    errors = {}
    owner = scheme.owning_organisation if scheme.owning_organisation_id else None
    if owner is not None and not owner.holds_own_stock:
        errors["owning_organisation"] = (
            f"{owner.name} does not own housing stock, so it cannot own a scheme. "
            "Choose the organisation that owns the stock."
        )
    if scheme.secondary_client_group and scheme.secondary_client_group == scheme.primary_client_group:
        errors["secondary_client_group"] = "The other client group must be different from the primary client group."
    if scheme.confirmed:
        for field, message in REQUIRED_SCHEME_ANSWERS.items():
            if getattr(scheme, field) in (None, ""):
                errors.setdefault(field.removesuffix("_id"), message)
        if scheme.has_other_client_group == 1 and not scheme.secondary_client_group:
            errors.setdefault(
                "secondary_client_group", "Select the other client group, or answer No to 'has another client group'."
            )
    return errors


def _changed_fields(scheme: Scheme) -> set[str]:
    saved = Scheme.objects.get(pk=scheme.pk)
    fields = {f.name: f.attname for f in Scheme._meta.concrete_fields if f.editable}
    return {name for name, attname in fields.items() if getattr(saved, attname) != getattr(scheme, attname)}


@transaction.atomic
def scheme_save(*, scheme: Scheme, by: User) -> Scheme:
    """Create or change a scheme. A new scheme whose owner has merged starts with its deactivation;
    confirming a scheme re-checks the completeness of its locations."""
    creating = scheme.pk is None
    if creating and not access.can_add_scheme(by):
        raise PermissionDenied("You cannot create schemes.")
    if not creating:
        allowed = set(access.scheme_editable_fields(by, Scheme.objects.get(pk=scheme.pk)))
        if not _changed_fields(scheme) <= {f.removesuffix("_id") for f in allowed}:
            raise PermissionDenied("You cannot change these details of this scheme.")
    if scheme.owning_organisation_id and not access.scheme_owner_choices(by).filter(
        pk=scheme.owning_organisation_id
    ).exists() and (creating or "owning_organisation" in _changed_fields(scheme)):
        raise PermissionDenied("You cannot give this scheme to that organisation.")
    scheme_prepare(scheme)
    errors = scheme_errors(scheme)
    if errors:
        raise ValidationError(errors)
    scheme.full_clean()
    scheme.save()
    owner = scheme.owning_organisation
    if creating and owner.merge_date:
        SchemeDeactivationPeriod.objects.create(scheme=scheme, deactivation_date=owner.merge_date)
    if scheme.confirmed:
        for location in scheme.locations.filter(discarded_at__isnull=True):
            location.save()  # completeness is derived on save
    return scheme


# --- locations ---------------------------------------------------------------------------------


def local_authority_choices(on: date | None = None):
    """English local authorities in existence on a date (today if none), by name."""
    return LocalAuthority.objects.valid_on(on or today()).filter(code__startswith="E").order_by("name")


def local_authority_error(authority: LocalAuthority, on: date | None) -> str | None:
    on = on or today()
    if not authority.is_english:
        return f"{authority.name} is not in England. Choose an English local authority."
    if not local_authority_choices(on).filter(pk=authority.pk).exists():
        return (
            f"{authority.name} ({authority.code}) was not a local authority on {format_date(on)}. "
            "Choose the local authority in place on the date the location became available."
        )
    return None


def location_set_local_authority(location: Location, authority: LocalAuthority | None) -> None:
    """The location's local authority, chosen by the user: its ONS code and name."""
    location.location_code = authority.code if authority else ""
    location.location_admin_district = authority.name if authority else ""
    location.is_la_inferred = False


def location_errors(location: Location, *, was_complete: bool = False) -> dict[str, str]:
    """Problems with a location's answers. Blank answers are allowed (the location stays incomplete)
    unless it was complete: a complete location keeps all of its details."""
    errors = {}
    if location.postcode and not normalise_postcode(location.postcode):
        errors["postcode"] = "Enter a postcode in the correct format, for example SW1P 4DF."
    if location.units is not None and location.units < 1:
        errors["units"] = "The number of units must be 1 or more."
    if location.startdate:
        scheme_start = location.scheme.available_from if location.scheme_id else new_logs_start()
        if location.startdate < scheme_start:
            errors["startdate"] = (
                f"Enter a date on or after {format_date(scheme_start)}: "
                "a location cannot be available before its scheme."
            )
        elif location.startdate >= LATEST_START:
            errors["startdate"] = "Enter a date before 1 January 2200."
    if was_complete:
        for field, message in REQUIRED_LOCATION_ANSWERS.items():
            if getattr(location, field) in (None, ""):
                key = "local_authority" if field == "location_code" else field
                errors.setdefault(key, message + COMPLETE_LOCATION_HINT)
    return errors


def location_prepare(location: Location) -> None:
    location.name = squish(location.name)
    location.postcode = postcode_as_stored(location.postcode)


@transaction.atomic
def location_save(*, location: Location, by: User) -> Location:
    """Add a location to a scheme or change one; `confirmed` is derived as it is saved."""
    if not access.can_change_scheme(by, location.scheme):
        raise PermissionDenied("You cannot change the locations of this scheme.")
    was_complete, saved = False, None
    if location.pk:
        saved = Location.objects.get(pk=location.pk)
        was_complete = saved.confirmed
        if saved.scheme_id != location.scheme_id:
            raise PermissionDenied("A location cannot be moved to another scheme here.")
        if not access.location_editable_fields(by, saved) and _location_changed(saved, location):
            raise PermissionDenied("Only customer support can change a complete location's details.")
    location_prepare(location)
    # Before anything is written: the look-up may wait up to LOOKUP_TIMEOUT_S, holding no row lock.
    location.lookup_note = location_infer_local_authority(location, saved=saved)
    errors = location_errors(location, was_complete=was_complete)
    if errors:
        raise ValidationError(errors)
    location.full_clean(exclude=["scheme"])
    location.save()
    return location


def _location_changed(saved: Location, location: Location) -> bool:
    fields = ("postcode", "location_code", "name", "units", "type_of_unit", "mobility_type", "startdate")
    return any(getattr(saved, f) != getattr(location, f) for f in fields)


# --- deleting (customer support only) --------------------------------------------------------------

DELETABLE_STATUSES = {"incomplete", "deactivated"}


def deletion_blocker(resource: Scheme | Location, *, on: date | None = None) -> str | None:
    """Why a scheme or location cannot be deleted, or None. Only an incomplete or deactivated one
    with no lettings log in an open or editable year (or with no start date) may go (spec §5)."""
    on = on or today()
    status = resource.status_at(on)
    status = getattr(status, "value", status)
    if status not in DELETABLE_STATUSES:
        return "Only an incomplete or deactivated scheme or location can be deleted. Deactivate it first."
    field = "location" if isinstance(resource, Location) else "scheme"
    logs = LettingsLog.objects.filter(**{field: resource}).exclude(status=LogStatus.DELETED).filter(
        Q(startdate__isnull=True) | Q(startdate__gte=editable_start(on)))
    if logs.exists():
        return (f"It was used by {logs.count()} log(s) in an open or editable collection year, so it is kept. "
                "Those logs need another scheme or location first.")
    return None


@transaction.atomic
def resource_delete(*, resource: Scheme | Location, by: User) -> int:
    """Soft-delete a scheme with its locations, or one location. Returns how many rows were deleted."""
    if not access.is_support(by):
        raise PermissionDenied("Only customer support can delete schemes and locations.")
    problem = deletion_blocker(resource)
    if problem:
        raise ValidationError(problem)
    now = timezone.now()
    deleted = [resource]
    if isinstance(resource, Scheme):
        deleted += list(resource.locations.filter(discarded_at__isnull=True))
    for item in deleted:  # one by one so each deletion is in the history
        item.discarded_at = now
        item._history_user = by
        item.save(update_fields=["discarded_at", "updated_at"])
    return len(deleted)
