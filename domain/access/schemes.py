"""Schemes and locations."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from domain.collection import editable_start
from domain.models import Location, Organisation, OrganisationRelationship, Scheme
from .remembered import remember
from .roles import *  # noqa: F403

SCHEME_ANSWER_FIELDS = ("service_name", "sensitive", "scheme_type", "registered_under_care_act", "owning_organisation",
                        "arrangement_type", "primary_client_group", "has_other_client_group",
                        "secondary_client_group", "support_type", "intended_stay", "confirmed")
CONFIRMED_SCHEME_COORDINATOR_FIELDS = ("service_name", "sensitive", "owning_organisation")
LOCATION_ANSWER_FIELDS = ("postcode", "local_authority", "name", "units", "type_of_unit", "mobility_type", "startdate")

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

    def owners() -> list[int]:
        stock_owners = OrganisationRelationship.objects.filter(managing_agent_id=user.organisation_id)
        recently_absorbed = _recently_absorbed(user).values("pk")
        found = Organisation.objects.filter(Q(pk=user.organisation_id) | Q(pk__in=stock_owners.values("stock_owner_id"))
                                            | Q(pk__in=recently_absorbed)).values_list("pk", flat=True)
        return list({user.organisation_id, *found})

    return list(remember(("scheme_owner_scope", user.organisation_id), owners))


def visible_schemes(user) -> QuerySet[Scheme]:
    live = Scheme.objects.filter(discarded_at__isnull=True)
    if not is_console_user(user):
        return live.none()
    if sees_everything(user):
        return live
    return live.filter(
        Q(owning_organisation_id__in=scheme_owner_scope_ids(user)) | Q(pk__in=granted_ids(user, "view", Scheme))
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


def can_filter_schemes_by_owner(user) -> bool:
    """Whether the list of schemes offers the "Owned by" filter: to support always, to anyone else only
    when there is more than one owner to choose from."""
    return is_support(user) or scheme_owner_filter_choices(user).count() > 1


def answers_schemes_for_own_organisation(user) -> bool:
    """Whether the user answers a scheme's questions for their own organisation, so the form may say
    "your organisation": anyone but support, who answer for every organisation."""
    return not is_support(user)


def can_delete_schemes(user) -> bool:
    """Deleting a scheme or location (a soft delete, once no open log uses it) is for support only."""
    return is_support(user)


def can_see_schemes_menu(user) -> bool:
    """Schemes are in the navigation of support and statisticians, and of users whose organisation
    holds stock or has stock owners."""
    if sees_everything(user):
        return True
    if not is_console_user(user):
        return False
    stock_owners = OrganisationRelationship.objects.filter(managing_agent_id=user.organisation_id)
    return remember(("schemes_menu", user.organisation_id),
                    lambda: user.organisation.holds_own_stock or stock_owners.exists())


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
