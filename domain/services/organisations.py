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


@transaction.atomic
def relationship_add(*, stock_owner: Organisation, managing_agent: Organisation, by: User) -> OrganisationRelationship:
    """Record that the managing agent may submit logs for the stock owner's stock."""
    if not any(access.can_manage_relationships(by, org) for org in (stock_owner, managing_agent)):
        raise PermissionDenied("You cannot change this organisation's stock owners or managing agents.")
    relationship = OrganisationRelationship(stock_owner=stock_owner, managing_agent=managing_agent)
    relationship.full_clean()
    relationship.save()
    return relationship


def organisation_deletion_refusal(organisation: Organisation) -> str | None:
    """Why the organisation cannot be deleted, or None (spec §1.5): it must be deactivated or merged, and
    have no log (its own, managed, or of an organisation it absorbed) in a year still open for editing."""
    from django.db.models import Q

    from domain import collection
    from domain.models import LettingsLog, OrganisationStatus, SalesLog
    from domain.models.logs import VISIBLE_STATUSES

    if organisation.status not in (OrganisationStatus.DEACTIVATED, OrganisationStatus.MERGED):
        return f"{organisation.name} is active. Deactivate it before deleting it."
    ids = [organisation.pk, *organisation.absorbed_organisations.values_list("pk", flat=True)]
    editable = collection.editable_start()
    involved = Q(owning_organisation_id__in=ids) | Q(managing_organisation_id__in=ids)
    for model, day in ((LettingsLog, "startdate"), (SalesLog, "saledate")):
        open_logs = model.objects.filter(involved, discarded_at__isnull=True, status__in=VISIBLE_STATUSES).filter(
            Q(**{f"{day}__gte": editable}) | Q(**{f"{day}__isnull": True}))
        if open_logs.exists():
            return (f"{organisation.name} cannot be deleted because it was active in a collection year that is "
                    "still open for editing: it has logs from that year.")
    return None


@transaction.atomic
def organisation_delete(*, organisation: Organisation, by: User) -> None:
    """Soft-delete an organisation with its schemes, their locations and its users (support only)."""
    from django.utils import timezone

    from domain.models import Location, Scheme

    if not access.can_change_organisation_status(by):
        raise PermissionDenied("Only customer support can delete an organisation.")
    organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
    if organisation.pk == by.organisation_id:
        raise ValidationError("You cannot delete the organisation you belong to.")
    refusal = organisation_deletion_refusal(organisation)
    if refusal:
        raise ValidationError(refusal)
    now = timezone.now()
    for scheme in Scheme.objects.filter(owning_organisation=organisation, discarded_at__isnull=True):
        for location in Location.objects.filter(scheme=scheme, discarded_at__isnull=True):
            location.discarded_at = now
            location.save(update_fields=["discarded_at", "updated_at"])
        scheme.discarded_at = now
        scheme.save(update_fields=["discarded_at", "updated_at"])
    for user in organisation.users.filter(discarded_at__isnull=True):
        user.discarded_at = now
        user.is_active = False
        user.save(update_fields=["discarded_at", "is_active", "updated_at"])
    organisation.discarded_at = now
    organisation.save(update_fields=["discarded_at", "updated_at"])
