"""List filters for schemes and locations; the choices and the computed statuses come from domain."""

from django.contrib import admin

from domain import access
from domain.collection import today
from domain.schemes_status import FILTER_STATUSES
from domain.selectors.schemes import ids_with_status


class StatusFilter(admin.SimpleListFilter):
    """The status shown on the badge today. Statuses are computed (periods, locations, owner), so the
    matching ids are worked out by domain code and the list is filtered by them."""

    title = "status"
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return [(status.value, status.label) for status in FILTER_STATUSES]

    def queryset(self, request, queryset):
        if self.value() not in {status.value for status in FILTER_STATUSES}:
            return queryset
        return queryset.filter(pk__in=ids_with_status(queryset, self.value(), today()))


class OwnerFilter(admin.RelatedFieldListFilter):
    """Owned by: support every organisation; others their own, its stock owners and absorbed ones."""

    def field_choices(self, field, request, model_admin):
        return [(o.pk, o.name) for o in access.scheme_owner_filter_choices(request.user).order_by("name")]
