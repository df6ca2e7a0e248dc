"""Who may see and change what: the one place that decides.

Every admin view, action, form choice list, download and upload asks this module. Each rule is a
queryset scope (for lists and choice lists) with a matching object check built on it, so the two
cannot drift apart. Explicit per-object grants held by django-guardian widen the view scopes.

Roles (spec: organisations-and-access §7):
- customer support: everything, everywhere;
- statistician: read-only, everywhere;
- data coordinator: their organisation (and organisations it absorbed): its details, relationships,
  users;
- data provider: their organisation read-only, and their own account.
A user with no role (a data protection officer only) and a deactivated or deleted user may do nothing.
"""

from __future__ import annotations

from django.db.models import Model, Q, QuerySet
from guardian.shortcuts import get_objects_for_user

from domain.models import Organisation, OrganisationRelationship, Role, User

# Fields each role may edit on an organisation (spec §1.5); support may also create organisations.
COORDINATOR_ORGANISATION_FIELDS = ("address_line1", "address_line2", "postcode", "phone", "rent_periods")
SUPPORT_ORGANISATION_FIELDS = COORDINATOR_ORGANISATION_FIELDS + (
    "name",
    "profit_status",
    "group_member",
    "group_member_of",
)
# Set at creation only, then shown read-only.
ORGANISATION_CREATE_ONLY_FIELDS = ("provider_type", "holds_own_stock", "housing_registration_no")

USER_SELF_FIELDS = ("name", "email", "phone", "phone_extension")
USER_COORDINATOR_FIELDS = USER_SELF_FIELDS + ("role", "is_dpo", "is_key_contact", "is_active")
USER_SUPPORT_FIELDS = USER_COORDINATOR_FIELDS + ("organisation",)


# --- who the user is ---------------------------------------------------------------------------


def is_console_user(user) -> bool:
    """An active, signed-in user with a role: the only people the console lets in."""
    return bool(
        user
        and user.is_authenticated
        and user.is_active
        and getattr(user, "role", None)
        and not getattr(user, "discarded_at", None)
    )


def is_support(user) -> bool:
    return is_console_user(user) and user.role == Role.SUPPORT


def is_statistician(user) -> bool:
    return is_console_user(user) and user.role == Role.STATISTICIAN


def is_coordinator(user) -> bool:
    return is_console_user(user) and user.role == Role.DATA_COORDINATOR


def sees_everything(user) -> bool:
    """Support and statisticians see every organisation's data; only support may change it."""
    return is_support(user) or is_statistician(user)


def _granted(user, codename: str, model: type[Model]) -> QuerySet:
    """Primary keys of objects explicitly granted to the user through django-guardian."""
    perm = f"{model._meta.app_label}.{codename}_{model._meta.model_name}"
    return get_objects_for_user(
        user, perm, klass=model, accept_global_perms=False, with_superuser=False
    ).values("pk")


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
    return live.filter(Q(pk__in=organisation_scope_ids(user)) | Q(pk__in=_granted(user, "view", Organisation)))


def can_view_organisation(user, organisation: Organisation) -> bool:
    return visible_organisations(user).filter(pk=organisation.pk).exists()


def changeable_organisations(user) -> QuerySet[Organisation]:
    live = Organisation.objects.filter(discarded_at__isnull=True)
    if is_support(user):
        return live
    if is_coordinator(user):
        return live.filter(Q(pk=user.organisation_id) | Q(pk__in=_granted(user, "change", Organisation)))
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


# --- users -------------------------------------------------------------------------------------


def visible_users(user) -> QuerySet[User]:
    live = User.objects.filter(discarded_at__isnull=True)
    if not is_console_user(user):
        return live.none()
    if sees_everything(user):
        return live
    return live.filter(
        Q(organisation_id=user.organisation_id) | Q(pk=user.pk) | Q(pk__in=_granted(user, "view", User))
    )


def can_view_user(user, target: User) -> bool:
    return visible_users(user).filter(pk=target.pk).exists()


def changeable_users(user) -> QuerySet[User]:
    """Users whose details this user may edit: support anyone; a coordinator their organisation's
    active users and themself; anyone else only themself."""
    live = User.objects.filter(discarded_at__isnull=True)
    if is_support(user):
        return live
    if is_coordinator(user):
        return live.filter(Q(organisation_id=user.organisation_id, is_active=True) | Q(pk=user.pk))
    if is_console_user(user):
        return live.filter(pk=user.pk)
    return live.none()


def can_change_user(user, target: User | None = None) -> bool:
    if target is None:
        return is_console_user(user) and not is_statistician(user)
    return changeable_users(user).filter(pk=target.pk).exists()


def can_add_user(user) -> bool:
    return is_support(user) or is_coordinator(user)


def user_editable_fields(user, target: User | None) -> tuple[str, ...]:
    if target is None:
        # Inviting: the organisation choice is limited by user_organisation_choices.
        return USER_SUPPORT_FIELDS if can_add_user(user) else ()
    if not can_change_user(user, target):
        return ()
    if is_support(user):
        fields = USER_SUPPORT_FIELDS
    elif is_coordinator(user):
        fields = USER_COORDINATOR_FIELDS
    else:
        fields = USER_SELF_FIELDS
    if target.pk == user.pk:
        # Nobody deactivates themself; only support may change their own role.
        fields = tuple(f for f in fields if f != "is_active")
    return fields


def grantable_roles(user) -> list[int]:
    """Roles this user may give: support any; a coordinator provider or coordinator."""
    if is_support(user):
        return [role.value for role in Role]
    if is_coordinator(user):
        return [Role.DATA_PROVIDER, Role.DATA_COORDINATOR]
    return []


def user_organisation_choices(user) -> QuerySet[Organisation]:
    """Organisations a user may be added to: support any active, unmerged one; a coordinator their own."""
    live = Organisation.objects.filter(discarded_at__isnull=True, active=True, merge_date__isnull=True)
    if is_support(user):
        return live
    if is_coordinator(user):
        return live.filter(pk=user.organisation_id)
    return live.none()


def can_change_user_status(user, target: User) -> bool:
    """Deactivate or reactivate: support anyone but themself; a coordinator their organisation's
    users but themself, while the organisation is active."""
    if target.pk == user.pk or target.discarded_at:
        return False
    if is_support(user):
        return True
    return (
        is_coordinator(user)
        and target.organisation_id == user.organisation_id
        and target.organisation.active
    )


# --- reference data and operations -------------------------------------------------------------


def can_view_reference_data(user) -> bool:
    return sees_everything(user)


def can_use_operations(user) -> bool:
    """Background jobs, login lockouts, history of other apps: support only."""
    return is_support(user)


# --- lettings logs -------------------------------------------------------------------------------


def _lettings_logs():
    from domain.models import LettingsLog

    return LettingsLog.objects


def lettings_log_scope(user) -> Q:
    """Logs owned or managed by the user's organisation or one it absorbed (spec §8.1)."""
    ids = organisation_scope_ids(user)
    return Q(owning_organisation_id__in=ids) | Q(managing_organisation_id__in=ids)


def visible_lettings_logs(user, *, include_deleted: bool = False) -> QuerySet:
    from domain.models.logs import LogStatus, VISIBLE_STATUSES

    logs = _lettings_logs().all()
    if not is_console_user(user):
        return logs.none()
    statuses = list(VISIBLE_STATUSES) + ([LogStatus.DELETED] if include_deleted and is_support(user) else [])
    logs = logs.filter(status__in=statuses)
    return logs if sees_everything(user) else logs.filter(lettings_log_scope(user))


def can_view_lettings_log(user, log) -> bool:
    return visible_lettings_logs(user, include_deleted=True).filter(pk=log.pk).exists()


def lettings_log_open_for_edits(log) -> bool:
    from domain import collection

    if not log.startdate:
        return True
    year = collection.collection_year_of(log.startdate)
    return collection.window(year).open_for_edits(collection.today()) or collection.today() < collection.window(year).start


def can_add_lettings_log(user) -> bool:
    return is_console_user(user) and not is_statistician(user)


def can_change_lettings_log(user, log=None) -> bool:
    """Anyone but a statistician may change the logs they see, while the log's year is open for
    edits; support may change logs of closed years too."""
    if log is None:
        return can_add_lettings_log(user)
    if is_statistician(user) or log.discarded_at or not can_view_lettings_log(user, log):
        return False
    return is_support(user) or lettings_log_open_for_edits(log)


def can_delete_lettings_log(user, log=None) -> bool:
    if not (is_support(user) or is_coordinator(user)):
        return False
    return log is None or (log.discarded_at is None and can_change_lettings_log(user, log))


def can_restore_lettings_log(user, log=None) -> bool:
    return is_support(user) and (log is None or log.discarded_at is not None)


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
    from domain.models import Scheme

    schemes = Scheme.objects.filter(confirmed=True, discarded_at__isnull=True)
    if owner_id:
        return schemes.filter(owning_organisation_id=owner_id)
    if is_support(user):
        return schemes
    return schemes.filter(owning_organisation_id__in=owning_organisation_choices(user).values("pk"))
