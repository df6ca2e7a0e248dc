"""Changes to organisations and their relationships."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from domain import access
from domain.models import Organisation, OrganisationRelationship, User


def _next_group_number() -> int:
    highest = Organisation.objects.exclude(group=None).order_by("-group").values_list("group", flat=True).first()
    return (highest or 0) + 1


@transaction.atomic
def organisation_save(*, organisation: Organisation, by: User) -> Organisation:
    """Save an organisation created or edited in the console, keeping group numbers consistent:
    joining a group re-uses the partner's number or starts a new group with both in it."""
    creating = organisation.pk is None
    if creating and not access.can_add_organisation(by):
        raise PermissionDenied("Only customer support can create organisations.")
    if not creating and not access.can_change_organisation(by, organisation):
        raise PermissionDenied("You cannot change this organisation.")
    if organisation.group_member and organisation.group_member_of_id:
        partner = organisation.group_member_of
        organisation.group = partner.group or _next_group_number()
        organisation.save()
        if not partner.group_member or partner.group != organisation.group:
            partner.group_member, partner.group = True, organisation.group
            partner.group_member_of = partner.group_member_of or organisation
            partner.save()
    else:
        organisation.group_member, organisation.group, organisation.group_member_of = False, None, None
        organisation.save()
    return organisation


@transaction.atomic
def organisation_deactivate(*, organisation: Organisation, by: User) -> int:
    """Deactivate an organisation and its active users (they come back with it). Returns the user count.

    Refused (PermissionDenied) for anyone but support, and (ValidationError) for the organisation the
    user belongs to and the support organisation: see access.organisation_deactivation_refusal."""
    if not access.can_change_organisation_status(by):
        raise PermissionDenied("Only customer support can deactivate an organisation.")
    refusal = access.organisation_deactivation_refusal(by, organisation)
    if refusal:
        raise ValidationError(refusal)
    if not organisation.active:
        raise ValidationError(f"{organisation.name} is already deactivated.")
    organisation.active = False
    organisation.save(update_fields=["active", "updated_at"])
    users = list(organisation.users.filter(is_active=True, discarded_at__isnull=True))
    for user in users:  # saved one by one so each change is in the user's history
        user.is_active = False
        user.reactivate_with_organisation = True
        user.pending_email, user.pending_email_requested_at = "", None  # as user_deactivate does
        user.save(update_fields=[
            "is_active", "reactivate_with_organisation", "pending_email", "pending_email_requested_at", "updated_at",
        ])
    return len(users)


@transaction.atomic
def organisation_reactivate(*, organisation: Organisation, by: User) -> int:
    """Reactivate an organisation and the users deactivated with it. Returns the user count."""
    if not access.can_change_organisation_status(by):
        raise PermissionDenied("Only customer support can reactivate an organisation.")
    if organisation.active:
        raise ValidationError(f"{organisation.name} is already active.")
    organisation.active = True
    organisation.save(update_fields=["active", "updated_at"])
    users = list(organisation.users.filter(reactivate_with_organisation=True, discarded_at__isnull=True))
    for user in users:
        user.is_active = True
        user.reactivate_with_organisation = False
        user.save(update_fields=["is_active", "reactivate_with_organisation", "updated_at"])
    return len(users)


def relationship_validate_stock_owner(*, stock_owner: Organisation) -> None:
    """A stock owner added from an organisation's stock owners list must hold its own stock."""
    if not stock_owner.holds_own_stock:
        raise ValidationError(
            f"{stock_owner.name} does not hold its own stock, so it cannot be a stock owner. "
            "Choose an organisation that owns housing stock."
        )


def relationship_validate_new(
    *, stock_owner: Organisation, managing_agent: Organisation, existing: int | None = None
) -> None:
    """A pair is recorded once, and an organisation is never related to itself."""
    if stock_owner.pk == managing_agent.pk:
        raise ValidationError("An organisation cannot be its own stock owner or managing agent.")
    duplicate = OrganisationRelationship.objects.filter(stock_owner=stock_owner, managing_agent=managing_agent)
    if duplicate.exclude(pk=existing).exists():
        raise ValidationError(
            f"{managing_agent.name} is already a managing agent of {stock_owner.name}. "
            "Remove the repeated row."
        )
