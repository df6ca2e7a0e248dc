"""Accepting the data sharing agreement (spec §5)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from domain import access
from domain.models import DataProtectionConfirmation, Organisation, User


def _record(organisation: Organisation, officer: User | None, name: str, email: str) -> DataProtectionConfirmation:
    confirmation = (DataProtectionConfirmation.objects.filter(organisation=organisation).first()
                    or DataProtectionConfirmation(organisation=organisation))
    confirmation.data_protection_officer = officer
    confirmation.confirmed = True
    confirmation.signed_at = timezone.now()
    confirmation.organisation_name = organisation.name
    confirmation.organisation_address = organisation.address_row
    confirmation.organisation_phone_number = organisation.phone
    confirmation.data_protection_officer_name = name
    confirmation.data_protection_officer_email = email
    confirmation.full_clean()
    confirmation.save()
    # The organisation's export record changes with it (dsa_signed, dsa_signed_at, dpo_email).
    organisation.save(update_fields=["updated_at"])
    return confirmation


@transaction.atomic
def data_sharing_agreement_record(*, organisation: Organisation, officer: User | None = None,
                                  name: str = "", email: str = "") -> DataProtectionConfirmation:
    """Record an agreement accepted outside the console (demo data, records brought over from the old
    service), without the checks a person accepting it passes."""
    if officer is not None:
        name, email = name or officer.name, email or officer.email
    return _record(organisation, officer, name, email)


@transaction.atomic
def data_sharing_agreement_accept(*, organisation: Organisation, by: User) -> DataProtectionConfirmation:
    """Record that the organisation's data protection officer accepted the agreement now, with a copy of
    the organisation's and the officer's details as they stand."""
    organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
    if access.dsa_confirmed(organisation):
        raise ValidationError(f"{organisation.name} has already accepted the data sharing agreement.")
    if not access.can_accept_data_sharing_agreement(by, organisation):
        raise PermissionDenied("Only the organisation's data protection officer can accept the agreement.")
    return _record(organisation, by, by.name, by.email)
