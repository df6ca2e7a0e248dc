"""Lettings logs: visibility (spec §8.1), changes, deletion, and the choices on a log."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from domain.models import Organisation, OrganisationRelationship, Scheme, User

from .logs import can_change_log, visible_logs
from .organisations import organisation_scope_ids
from .roles import is_console_user, is_coordinator, is_support

# --- lettings logs -------------------------------------------------------------------------------


def _lettings_model():
    from domain.models import LettingsLog

    return LettingsLog


def visible_lettings_logs(user, *, include_deleted: bool = False) -> QuerySet:
    return visible_logs(user, _lettings_model(), include_deleted=include_deleted)


def visible_sales_logs(user, *, include_deleted: bool = False) -> QuerySet:
    from domain.models import SalesLog

    return visible_logs(user, SalesLog, include_deleted=include_deleted)


def owning_organisation_choices(user) -> QuerySet[Organisation]:
    """Who may own a log's property: support any active organisation holding stock; anyone else
    their own organisation (if it holds stock) and its stock owners."""
    holders = Organisation.objects.filter(active=True, discarded_at__isnull=True, holds_own_stock=True)
    if is_support(user):
        return holders
    if not is_console_user(user):
        return holders.none()
    stock_owners = OrganisationRelationship.objects.filter(managing_agent_id__in=organisation_scope_ids(user))
    return holders.filter(Q(pk__in=organisation_scope_ids(user)) | Q(pk__in=stock_owners.values("stock_owner")))


def managing_organisation_choices(user, owner: Organisation | None = None) -> QuerySet[Organisation]:
    """Who may manage a letting: the owner or one of its managing agents (support); the user's own
    organisation or one of its managing agents, or the owner's (everyone else)."""
    live = Organisation.objects.filter(active=True, discarded_at__isnull=True)
    if not is_console_user(user):
        return live.none()
    if is_support(user):
        if owner is None:
            return live
        agents = OrganisationRelationship.objects.filter(stock_owner=owner).values("managing_agent")
        return live.filter(Q(pk=owner.pk) | Q(pk__in=agents))
    ids = organisation_scope_ids(user)
    agents = OrganisationRelationship.objects.filter(stock_owner_id__in=ids).values("managing_agent")
    return live.filter(Q(pk__in=ids) | Q(pk__in=agents))


def assignable_users(user, owner_id=None, manager_id=None) -> QuerySet[User]:
    """Whom a log may be assigned to: support, active users of the owning or managing organisation;
    a coordinator, active users of their organisation; anyone else, only themself."""
    active = User.objects.filter(is_active=True, discarded_at__isnull=True)
    if is_support(user):
        ids = [i for i in (owner_id, manager_id) if i]
        return active.filter(organisation_id__in=ids) if ids else active
    if is_coordinator(user):
        return active.filter(organisation_id__in=organisation_scope_ids(user))
    if is_console_user(user):
        return active.filter(pk=user.pk)
    return active.none()


def scheme_choices(user, owner_id=None) -> QuerySet:
    """Confirmed schemes a supported housing log may use: those of its owning organisation."""

    schemes = Scheme.objects.filter(confirmed=True, discarded_at__isnull=True)
    if owner_id:
        return schemes.filter(owning_organisation_id=owner_id)
    if is_support(user):
        return schemes
    return schemes.filter(owning_organisation_id__in=owning_organisation_choices(user).values("pk"))


# --- the organisations a bulk upload may name (bulk upload spec §3.3, access spec §8.6) -------------


def organisation_family_ids(organisation_id) -> set[int]:
    """An organisation and every organisation merged into it."""
    absorbed = Organisation.objects.filter(absorbing_organisation_id=organisation_id).values_list("pk", flat=True)
    return {organisation_id, *absorbed}


def affiliated_stock_owner_ids(organisation: Organisation, family: set[int] | None = None) -> set[int]:
    """The owners an organisation may add logs for: itself if it holds stock, its stock owners, and the
    same for every organisation it absorbed."""
    family = organisation_family_ids(organisation.pk) if family is None else family
    holders = Organisation.objects.filter(pk__in=family, holds_own_stock=True).values_list("pk", flat=True)
    owners = OrganisationRelationship.objects.filter(managing_agent_id__in=family).values_list("stock_owner_id", flat=True)
    return set(holders) | set(owners)


def managing_agent_ids(owner_id) -> set[int]:
    """The organisations that may manage (lettings) or report (sales) the owner's logs, besides itself."""
    return set(OrganisationRelationship.objects.filter(stock_owner_id=owner_id).values_list("managing_agent_id", flat=True))


def assignee_fits_organisations(assignee_family: set[int], owner_id, manager_id) -> bool:
    """A log may be assigned to a user of its owning or managing organisation, or of an organisation that
    absorbed one of them: the assignee's organisation, or one it absorbed (`assignee_family`, see
    organisation_family_ids), is one of the two (spec §8.6)."""
    named = {owner_id, manager_id} - {None}
    return not named or bool(named & assignee_family)


# --- duplicate logs ------------------------------------------------------------------------------


def duplicate_logs(user, model) -> QuerySet:
    """Logs in a duplicate set that the user may review: support everywhere, data coordinators within
    their organisation's logs. Data providers and statisticians do not resolve duplicates."""
    if not (is_support(user) or is_coordinator(user)):
        return model.objects.none()
    return visible_logs(user, model).filter(duplicate_set_id__isnull=False)


def duplicate_lettings_logs(user) -> QuerySet:
    return duplicate_logs(user, _lettings_model())


def can_resolve_duplicates(user, log=None) -> bool:
    if not (is_support(user) or is_coordinator(user)):
        return False
    if log is None:
        return True
    return duplicate_logs(user, type(log)).filter(pk=log.pk).exists() and can_change_log(user, log)
