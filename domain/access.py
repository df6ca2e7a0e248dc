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
Schemes and locations: see the schemes section below (schemes spec §5).
"""

from __future__ import annotations

from django.db.models import Model, Q, QuerySet
from guardian.shortcuts import get_objects_for_user

from domain.collection import editable_start
from domain.models import Location, Organisation, OrganisationRelationship, Role, Scheme, User

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

SCHEME_ANSWER_FIELDS = ("service_name", "sensitive", "scheme_type", "registered_under_care_act", "owning_organisation",
                        "arrangement_type", "primary_client_group", "has_other_client_group",
                        "secondary_client_group", "support_type", "intended_stay", "confirmed")
CONFIRMED_SCHEME_COORDINATOR_FIELDS = ("service_name", "sensitive", "owning_organisation")
LOCATION_ANSWER_FIELDS = ("postcode", "local_authority", "name", "units", "type_of_unit", "mobility_type", "startdate")

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


# --- schemes and locations ---------------------------------------------------------------------
# "Rights over a scheme": its owner is the user's organisation, one of its stock owners, or one it
# absorbed on or after E. Support change all, statisticians read all, coordinators change those they
# have rights over (name, confidentiality and owner only once confirmed), providers read them.


def _recently_absorbed(user) -> QuerySet[Organisation]:
    """Organisations merged into the user's organisation on or after E (their schemes stay in view)."""
    return Organisation.objects.filter(absorbing_organisation_id=user.organisation_id).filter(
        Q(merge_date__isnull=True) | Q(merge_date__gte=editable_start())
    )


def scheme_owner_scope_ids(user) -> list[int]:
    """Owners of the schemes a non-support user has rights over."""
    if not is_console_user(user):
        return []
    stock_owners = OrganisationRelationship.objects.filter(managing_agent_id=user.organisation_id)
    owners = stock_owners.values_list("stock_owner_id", flat=True)
    return list({user.organisation_id, *owners, *_recently_absorbed(user).values_list("pk", flat=True)})


def visible_schemes(user) -> QuerySet[Scheme]:
    live = Scheme.objects.filter(discarded_at__isnull=True)
    if not is_console_user(user):
        return live.none()
    if sees_everything(user):
        return live
    return live.filter(
        Q(owning_organisation_id__in=scheme_owner_scope_ids(user)) | Q(pk__in=_granted(user, "view", Scheme))
    )


def can_view_scheme(user, scheme: Scheme) -> bool:
    return visible_schemes(user).filter(pk=scheme.pk).exists()


def changeable_schemes(user) -> QuerySet[Scheme]:
    """Schemes whose answers, locations and availability the user may change."""
    live = Scheme.objects.filter(discarded_at__isnull=True)
    if is_support(user):
        return live
    if is_coordinator(user):
        return live.filter(owning_organisation_id__in=scheme_owner_scope_ids(user))
    return live.none()


def can_change_scheme(user, scheme: Scheme | None = None) -> bool:
    if scheme is None:
        return is_support(user) or is_coordinator(user)
    return changeable_schemes(user).filter(pk=scheme.pk).exists()


def can_add_scheme(user) -> bool:
    return is_support(user) or (is_coordinator(user) and scheme_owner_choices(user).exists())


def can_change_scheme_availability(user, scheme: Scheme) -> bool:
    """Deactivating and reactivating a scheme or its locations: only while its owner is active."""
    owner = scheme.owning_organisation
    return bool(owner.active and not owner.discarded_at) and can_change_scheme(user, scheme)


def scheme_editable_fields(user, scheme: Scheme | None) -> tuple[str, ...]:
    if scheme is None:
        return SCHEME_ANSWER_FIELDS if can_add_scheme(user) else ()
    if not can_change_scheme(user, scheme):
        return ()
    if scheme.confirmed and not is_support(user):
        return CONFIRMED_SCHEME_COORDINATOR_FIELDS
    return SCHEME_ANSWER_FIELDS


def scheme_owner_choices(user) -> QuerySet[Organisation]:
    """Organisations that may own a scheme the user creates or edits: support any active
    stock-holding organisation; a coordinator their own (if it holds stock), its stock owners and
    organisations it recently absorbed that hold stock."""
    holders = Organisation.objects.filter(discarded_at__isnull=True, holds_own_stock=True)
    if is_support(user):
        return holders.filter(active=True)
    if not is_coordinator(user):
        return holders.none()
    current = Q(active=True, merge_date__isnull=True) | Q(merge_date__gte=editable_start())
    return holders.filter(current, pk__in=scheme_owner_scope_ids(user))


def scheme_owner_filter_choices(user) -> QuerySet[Organisation]:
    if sees_everything(user):
        return Organisation.objects.filter(discarded_at__isnull=True)
    return Organisation.objects.filter(pk__in=scheme_owner_scope_ids(user))


def can_see_schemes_menu(user) -> bool:
    """Schemes are in the navigation of support and statisticians, and of users whose organisation
    holds stock or has stock owners."""
    if sees_everything(user):
        return True
    stock_owners = OrganisationRelationship.objects.filter(managing_agent_id=getattr(user, "organisation_id", None))
    return is_console_user(user) and (user.organisation.holds_own_stock or stock_owners.exists())


def visible_locations(user) -> QuerySet[Location]:
    return Location.objects.filter(discarded_at__isnull=True, scheme__in=visible_schemes(user).values("pk"))


def can_view_location(user, location: Location) -> bool:
    return visible_locations(user).filter(pk=location.pk).exists()


def can_change_location(user, location: Location | None = None) -> bool:
    return can_change_scheme(user, location.scheme if location else None)


def location_editable_fields(user, location: Location | None, scheme: Scheme | None = None) -> tuple[str, ...]:
    """A coordinator adds and completes locations; once complete, only support change its details."""
    scheme = location.scheme if location is not None and location.scheme_id else scheme
    if scheme is None:
        return LOCATION_ANSWER_FIELDS if can_add_scheme(user) else ()
    if not can_change_scheme(user, scheme):
        return ()
    if location is not None and location.pk and location.confirmed and not is_support(user):
        return ()
    return LOCATION_ANSWER_FIELDS


def downloadable_schemes(user) -> QuerySet[Scheme]:
    return visible_schemes(user)  # downloads hold exactly what the user may see
