"""The data sharing agreement (spec §5): who reads and accepts it, and what waits for it."""

from __future__ import annotations

from django.db.models import Exists, Q

from domain.models import DataProtectionConfirmation, Organisation, OrganisationRelationship
from .logs import can_add_log
from .organisations import can_view_organisation
from .remembered import remember
from .roles import is_console_user, is_support
from .uploads import can_bulk_upload


def dsa_confirmed(organisation: Organisation | None) -> bool:
    """Whether the organisation's data protection officer has accepted the agreement."""
    return organisation is not None and _agreement(organisation)[0]


def _agreement(organisation: Organisation) -> tuple[bool, bool]:
    """(the agreement is accepted, an organisation whose stock it logs has accepted it), read together."""
    def read():
        found = Organisation.objects.filter(pk=organisation.pk).values_list(
            Exists(DataProtectionConfirmation.objects.filter(organisation_id=organisation.pk, confirmed=True)),
            Exists(_signed_stock_holders(organisation))).first()
        return tuple(found) if found else (False, False)

    return remember(("agreement", organisation.pk), read)


def _signed_stock_holders(organisation: Organisation):
    """Organisations holding stock that have accepted the agreement and whose stock this organisation may
    log: itself, its stock owners and the organisations merged into it."""
    stock_owners = OrganisationRelationship.objects.filter(managing_agent_id=organisation.pk).values("stock_owner")
    return Organisation.objects.filter(
        Q(pk=organisation.pk) | Q(pk__in=stock_owners) | Q(absorbing_organisation_id=organisation.pk),
        holds_own_stock=True,
        data_protection_confirmation__confirmed=True,
    )


def organisation_may_start_logs(organisation: Organisation | None) -> bool:
    """New logs wait until the organisation has accepted the agreement and so has an organisation whose
    stock it logs (itself, a stock owner or an organisation it absorbed, holding stock)."""
    return organisation is not None and all(_agreement(organisation))


def can_start_new_logs(user) -> bool:
    """Support always; anyone else who may add logs once their organisation's agreement allows it."""
    if not can_add_log(user):
        return False
    return is_support(user) or organisation_may_start_logs(user.organisation)


def can_start_bulk_upload(user) -> bool:
    """Everyone who uploads, support included, needs their own organisation's agreement accepted."""
    return can_bulk_upload(user) and dsa_confirmed(user.organisation)


def can_view_data_sharing_agreement(user, organisation: Organisation) -> bool:
    """Any user of the organisation (or of one that absorbed it) and support read the agreement."""
    return can_view_organisation(user, organisation)


def can_accept_data_sharing_agreement(user, organisation: Organisation) -> bool:
    """Only the organisation's own data protection officer accepts it, once."""
    return (
        is_console_user(user)
        and user.is_dpo
        and user.organisation_id == organisation.pk
        and organisation.active
        and not organisation.discarded_at
        and not dsa_confirmed(organisation)
    )
