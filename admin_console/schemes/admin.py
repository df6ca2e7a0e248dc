"""Schemes: their answers and locations on one page, availability actions, search, filters and CSV."""

from __future__ import annotations

from functools import partialmethod

from django.contrib import admin
from django.db.models import Count, Q
from django.db.models.functions import Lower
from django.shortcuts import redirect
from django.urls import reverse
from unfold.decorators import action, display

from admin_console.base import ConsoleModelAdmin
from admin_console.schemes.availability import (
    DEACTIVATE,
    REACTIVATE,
    availability_actions_not_applicable,
    availability_view,
)
from admin_console.schemes.deletion import delete_view
from admin_console.schemes.filters import OwnerFilter, StatusFilter
from admin_console.schemes.forms import SchemeForm
from admin_console.schemes.locations import LocationInline, save_location_formset
from domain import access
from domain.collection import today
from domain.models import Scheme
from domain.schemes_status import STATUS_COLOURS, ResourceStatus
from domain.selectors.schemes import search_schemes, with_status_data
from domain.services.scheme_availability import resource_deactivate
from domain.services.schemes import location_save, scheme_save


@admin.register(Scheme)
class SchemeAdmin(ConsoleModelAdmin):
    form = SchemeForm
    list_display = ["service_name", "owning_organisation", "code_display", "location_count", "status_badge"]
    list_display_links = ["service_name"]
    search_fields = ["service_name"]
    search_help_text = "Search by postcode, scheme name, scheme code or location name"
    list_filter = [StatusFilter, ("owning_organisation", OwnerFilter)]
    list_per_page = 20
    fieldsets = [
        ("Scheme", {"fields": ["service_name", "sensitive", "scheme_type", "registered_under_care_act",
                               "owning_organisation", "arrangement_type"]}),
        ("Client groups and support", {"fields": ["primary_client_group", "has_other_client_group",
                                                  "secondary_client_group", "support_type", "intended_stay"]}),
        ("Check answers", {"fields": ["confirmed"]}),
    ]
    status_fieldset = ("Status", {"fields": ["code_display", "status_badge", "availability_display"]})
    inlines = [LocationInline]
    actions_list = ["download_schemes", "download_locations", "download_schemes_and_locations"]
    actions_detail = ["deactivate", "reactivate", "soft_delete"]

    def get_queryset(self, request):
        live_locations = Count("locations", filter=Q(locations__discarded_at__isnull=True), distinct=True)
        schemes = access.visible_schemes(request.user).annotate(location_total=live_locations)
        return with_status_data(schemes).order_by(Lower("service_name"), "pk")

    def get_search_results(self, request, queryset, search_term):
        return search_schemes(queryset, search_term), False

    def get_fieldsets(self, request, obj=None):
        return self.fieldsets if obj is None else [*self.fieldsets, self.status_fieldset]

    def get_readonly_fields(self, request, obj=None):
        return (*super().get_readonly_fields(request, obj), "code_display", "status_badge", "availability_display")

    def get_list_filter(self, request):
        if access.can_filter_schemes_by_owner(request.user):
            return self.list_filter
        return [StatusFilter]

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        return type(form.__name__, (form,), {"__init__": partialmethod(form.__init__, user=request.user)})

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        owners = list(access.scheme_owner_choices(request.user).values_list("pk", flat=True)[:2])
        if len(owners) == 1:  # nothing to choose: the scheme is the coordinator's organisation's
            initial.setdefault("owning_organisation", owners[0])
        return initial

    def editable_fields(self, request, obj=None):
        return access.scheme_editable_fields(request.user, obj)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "owning_organisation":
            kwargs["queryset"] = access.scheme_owner_choices(request.user).order_by("name")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def has_view_permission(self, request, obj=None):
        return access.can_see_schemes_menu(request.user) if obj is None else access.can_view_scheme(request.user, obj)

    def has_change_permission(self, request, obj=None):
        return access.can_change_scheme(request.user, obj)

    def has_add_permission(self, request):
        return access.can_add_scheme(request.user)

    def has_delete_permission(self, request, obj=None):
        return False  # soft deletion by support is not offered yet

    def has_module_permission(self, request):
        return access.can_see_schemes_menu(request.user)

    def save_model(self, request, obj, form, change):
        scheme_save(scheme=obj, by=request.user)

    def save_formset(self, request, form, formset, change):
        if formset.model._meta.model_name == "location":
            save_location_formset(request, formset, location_save, resource_deactivate)
        else:
            super().save_formset(request, form, formset, change)

    @display(description="Scheme code", ordering="pk")
    def code_display(self, obj):
        return obj.code if obj.pk else "-"

    @display(description="Locations", ordering="location_total")
    def location_count(self, obj):
        return getattr(obj, "location_total", None)

    @display(description="Status", label=STATUS_COLOURS)
    def status_badge(self, obj):
        return obj.displayed_status(today()).label if obj.pk else ResourceStatus.INCOMPLETE.label

    @display(description="Availability")
    def availability_display(self, obj):
        return obj.availability

    # --- deactivation and reactivation --------------------------------------------------------

    def actions_not_applicable(self, obj) -> set[str]:
        return availability_actions_not_applicable(obj)

    def has_change_availability_permission(self, request, object_id=None):
        return access.can_change_scheme(request.user)

    @action(description="Deactivate scheme", icon="block", permissions=["change_availability"])
    def deactivate(self, request, object_id):
        return availability_view(self, request, object_id, DEACTIVATE)

    @action(description="Reactivate scheme", icon="restart_alt", permissions=["change_availability"])
    def reactivate(self, request, object_id):
        return availability_view(self, request, object_id, REACTIVATE)

    def has_soft_delete_permission(self, request, object_id=None):
        return access.can_delete_schemes(request.user)

    @action(description="Delete scheme", icon="delete", permissions=["soft_delete"])
    def soft_delete(self, request, object_id):
        return delete_view(self, request, object_id)

    # --- downloads ----------------------------------------------------------------------------

    def has_download_permission(self, request, object_id=None):
        return access.can_see_schemes_menu(request.user)

    @action(description="Download schemes (CSV)", icon="download", permissions=["download"])
    def download_schemes(self, request):
        return self._download(request, "schemes")

    @action(description="Download locations (CSV)", icon="download", permissions=["download"])
    def download_locations(self, request):
        return self._download(request, "locations")

    @action(description="Download schemes and locations (CSV)", icon="download", permissions=["download"])
    def download_schemes_and_locations(self, request):
        return self._download(request, "schemes-and-locations")

    def _download(self, request, kind):
        # Made by the download job like every other download: the request page sends it.
        return redirect(f"{reverse('admin:domain_csvdownload_request')}?kind={kind}")
