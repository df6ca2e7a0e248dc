"""What the data sharing agreement means for the pages a user sees (spec §5's banners)."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse

from domain import access
from domain.models import DataProtectionConfirmation, Organisation, OrganisationRelationship


@dataclass(frozen=True)
class Banner:
    text: str
    link_text: str = ""
    link_url: str = ""


def agreement_url(organisation: Organisation) -> str:
    return reverse("admin_console:data_sharing_agreement", args=[organisation.pk])


def agreement_of(organisation: Organisation) -> DataProtectionConfirmation | None:
    """The accepted agreement, or None."""
    return DataProtectionConfirmation.objects.filter(organisation=organisation, confirmed=True).select_related(
        "data_protection_officer").first()


def dpo_names(organisation: Organisation) -> list[str]:
    users = organisation.users.filter(is_dpo=True, is_active=True, discarded_at__isnull=True).order_by("name")
    return list(users.values_list("name", flat=True))


def data_sharing_banner(organisation: Organisation | None, viewer) -> Banner | None:
    """The "Important" banner above log lists while the agreement stops the organisation starting logs."""
    if organisation is None:
        return None
    signed = access.dsa_confirmed(organisation)
    dpos = dpo_names(organisation)
    if not dpos and not signed:
        return Banner(
            f"{organisation.name} has no data protection officer. The organisation must name one, and they must "
            "accept the data sharing agreement before logs can be started.",
            "Contact the helpdesk to name a data protection officer", "",
        )
    has_stock_owners = OrganisationRelationship.objects.filter(managing_agent=organisation).exists()
    absorbed = organisation.absorbed_organisations.exists()
    if not organisation.holds_own_stock and not has_stock_owners and not absorbed:
        return None
    if signed and access.organisation_may_start_logs(organisation):
        return None
    if signed and not organisation.holds_own_stock:
        return Banner(
            f"{organisation.name} does not own stock: a stock owner must accept the data sharing agreement "
            "before logs can be started for its stock.",
            "View or add stock owners", reverse("admin:domain_organisation_change", args=[organisation.pk]),
        )
    if getattr(viewer, "is_dpo", False) and viewer.organisation_id == organisation.pk:
        return Banner(
            f"As {organisation.name}'s data protection officer, you must accept the data sharing agreement "
            "before anyone at the organisation can start logs.",
            "Read the data sharing agreement", agreement_url(organisation),
        )
    names = ", ".join(dpos)
    return Banner(
        f"{organisation.name}'s data protection officer ({names}) must accept the data sharing agreement before "
        "logs can be started.",
        "Read the data sharing agreement", agreement_url(organisation),
    )


def data_sharing_banner_for(viewer, organisation: Organisation | None = None) -> Banner | None:
    """The banner for a list a user is looking at: their own organisation's, or for support only the
    organisation whose page they are on."""
    if not access.is_console_user(viewer):
        return None
    if organisation is None:
        if access.sees_everything(viewer):
            return None
        organisation = viewer.organisation
    return data_sharing_banner(organisation, viewer)
