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


def data_sharing_agreement_request(*, user: User) -> bool:
    """Ask a user who has just become their organisation's DPO to accept the agreement, if it is not
    accepted yet (spec §5). Returns whether an email was sent."""
    from django.conf import settings

    from domain.selectors.data_sharing import agreement_url
    from domain.services.mail import send_email

    organisation = user.organisation
    if not user.is_dpo or not user.is_active or access.dsa_confirmed(organisation):
        return False
    link = f"{settings.SITE_URL.rstrip('/')}{agreement_url(organisation)}"
    send_email(
        to=user.email, template="dpo_asked_to_sign", personalisation={"organisation_name": organisation.name,
                                                                      "link": link},
        subject=f"Accept the data sharing agreement for {organisation.name}",
        body=(f"Hello {user.name},\n\nYou are now {organisation.name}'s data protection officer on CORE. The "
              f"organisation cannot start logs until you accept the data sharing agreement at:\n\n{link}"),
    )
    return True
