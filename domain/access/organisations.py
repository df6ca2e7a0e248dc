"""Organisations and their stock-owner / managing-agent relationships."""

from __future__ import annotations

from django.conf import settings
from django.db.models import Q, QuerySet

from domain.models import Organisation, OrganisationRelationship
from .roles import *  # noqa: F403

# Fields each role may edit on an organisation (spec §1.5); support may also create organisations.
COORDINATOR_ORGANISATION_FIELDS = ("address_line1", "address_line2", "postcode", "phone", "rent_periods",
                                   "logs_need_approval")
SUPPORT_ORGANISATION_FIELDS = COORDINATOR_ORGANISATION_FIELDS + (
    "profit_status",
    "group_member",
    "group_member_of",
)
# Set at creation only, then shown read-only (a name then changes through dated name changes, spec §3).
ORGANISATION_CREATE_ONLY_FIELDS = ("name", "provider_type", "holds_own_stock", "housing_registration_no")

# --- organisations -----------------------------------------------------------------------------


def organisation_scope_ids(user) -> list[int]:
    """The user's organisation and every organisation merged into it (spec §8.1's set S)."""
    if not is_console_user(user):
        return []
    absorbed = Organisation.objects.filter(absorbing_organisation_id=user.organisation_id)
    return [user.organisation_id, *absorbed.values_list("pk", flat=True)]


def visible_organisations(user) -> QuerySet[Organisation]:
    live = Organisation.objects.filter(discarded_at__isnull=True)
    if not is_console_user(user):
        return live.none()
    if sees_everything(user):
        return live
    return live.filter(Q(pk__in=organisation_scope_ids(user)) | Q(pk__in=granted_ids(user, "view", Organisation)))


def can_view_organisation(user, organisation: Organisation) -> bool:
    return visible_organisations(user).filter(pk=organisation.pk).exists()


def changeable_organisations(user) -> QuerySet[Organisation]:
    live = Organisation.objects.filter(discarded_at__isnull=True)
    if is_support(user):
        return live
    if is_coordinator(user):
        return live.filter(Q(pk=user.organisation_id) | Q(pk__in=granted_ids(user, "change", Organisation)))
    return live.none()


def can_change_organisation(user, organisation: Organisation | None = None) -> bool:
    if organisation is None:
        return is_support(user) or is_coordinator(user)
    return changeable_organisations(user).filter(pk=organisation.pk).exists()


def can_add_organisation(user) -> bool:
    return is_support(user)


def can_change_organisation_status(user) -> bool:
    """Deactivating and reactivating organisations is for support only."""
    return is_support(user)


def organisation_deactivation_refusal(user, organisation: Organisation) -> str | None:
    """Why this user may not deactivate this organisation, or None when they may.

    Deactivating an organisation deactivates its users, so nobody may deactivate the organisation
    they belong to, and the support organisation (every support and statistician account) is never
    deactivated from the console."""
    if not can_change_organisation_status(user):
        return "Only customer support can deactivate an organisation."
    if organisation.pk == user.organisation_id:
        return (
            f"You cannot deactivate {organisation.name} because you belong to it: its users, "
            "including you, would be deactivated too."
        )
    if organisation.name == settings.SUPPORT_ORGANISATION_NAME:
        return (
            f"{organisation.name} cannot be deactivated: it is the support organisation, and every "
            "customer support and statistician account would be deactivated with it."
        )
    return None


def organisation_editable_fields(user, organisation: Organisation | None) -> tuple[str, ...]:
    if organisation is None:
        return SUPPORT_ORGANISATION_FIELDS + ORGANISATION_CREATE_ONLY_FIELDS if can_add_organisation(user) else ()
    if not can_change_organisation(user, organisation):
        return ()
    return SUPPORT_ORGANISATION_FIELDS if is_support(user) else COORDINATOR_ORGANISATION_FIELDS


# --- stock owners and managing agents ----------------------------------------------------------


def can_manage_relationships(user, organisation: Organisation) -> bool:
    """Adding or removing stock owners and managing agents: support, or a coordinator of the
    organisation; never while the organisation is deactivated."""
    if not organisation.active or organisation.discarded_at:
        return False
    return is_support(user) or (is_coordinator(user) and organisation.pk == user.organisation_id)


def relationship_candidates(user, organisation: Organisation | None) -> QuerySet[Organisation]:
    """Organisations that may be added as a stock owner or managing agent: every active one but itself."""
    if organisation is None:
        if not is_support(user):
            return Organisation.objects.none()
        return Organisation.objects.filter(active=True, discarded_at__isnull=True)
    if not can_manage_relationships(user, organisation):
        return Organisation.objects.none()
    return Organisation.objects.filter(active=True, discarded_at__isnull=True).exclude(pk=organisation.pk)


def visible_relationships(user) -> QuerySet[OrganisationRelationship]:
    ids = visible_organisations(user).values("pk")
    return OrganisationRelationship.objects.filter(Q(stock_owner__in=ids) | Q(managing_agent__in=ids))


# --- name changes (spec §3) ----------------------------------------------------------------------


def can_change_organisation_name(user, organisation: Organisation | None = None) -> bool:
    """Dated name changes are recorded and cancelled by support only, never on a deleted organisation."""
    if organisation is not None and organisation.discarded_at:
        return False
    return is_support(user)


# --- merges (spec §4) ----------------------------------------------------------------------------


def can_manage_merges(user) -> bool:
    """Merge requests are support's, start to finish."""
    return is_support(user)


def can_review_merged_schemes(user, organisation: Organisation) -> bool:
    """After a merge, the absorbing organisation's coordinators (or support) confirm its duplicate schemes
    were reviewed."""
    if is_support(user):
        return True
    return is_coordinator(user) and user.organisation_id == organisation.pk
