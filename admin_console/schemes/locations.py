"""Locations: edited several at a time on their scheme's page, and listed on their own for search
across schemes."""

from __future__ import annotations

from django.contrib import admin, messages
from django.urls import reverse
from django.utils.html import format_html
from admin_console.inlines import LabelledTabularInline
from unfold.decorators import action, display

from admin_console.base import ConsoleModelAdmin
from admin_console.schemes.availability import (
    DEACTIVATE,
    REACTIVATE,
    availability_actions_not_applicable,
    availability_view,
)
from admin_console.schemes.deletion import delete_view
from admin_console.schemes.filters import StatusFilter
from admin_console.schemes.forms import LocationForm
from domain import access
from domain.collection import today
from domain.models import Location
from domain.schemes_status import STATUS_COLOURS
from domain.selectors.schemes import search_locations, with_status_data
from domain.services.schemes import location_save


def _form_for(user):
    """The location form class for one request (the form reads the user's editable fields)."""
    return type("RequestLocationForm", (LocationForm,), {"user": user})


class LocationInline(LabelledTabularInline):
    """A scheme's locations: add several, complete them and deactivate some, in one save."""

    model = Location
    form = LocationForm
    fields = ["postcode", "local_authority", "name", "units", "type_of_unit", "mobility_type", "startdate",
              "deactivate_from", "status_badge", "location_link"]
    readonly_fields = ["status_badge", "location_link"]
    extra = 0
    can_delete = False
    show_change_link = False
    verbose_name = "location"
    verbose_name_plural = "Locations"

    def get_queryset(self, request):
        return with_status_data(access.visible_locations(request.user))

    def get_extra(self, request, obj=None, **kwargs):
        return 1 if obj is None else 0

    def get_formset(self, request, obj=None, **kwargs):
        kwargs["form"] = _form_for(request.user)
        return super().get_formset(request, obj, **kwargs)

    def has_view_permission(self, request, obj=None):
        return access.can_see_schemes_menu(request.user) if obj is None else access.can_view_scheme(request.user, obj)

    def has_add_permission(self, request, obj=None):
        return access.can_add_scheme(request.user) if obj is None else access.can_change_scheme(request.user, obj)

    def has_change_permission(self, request, obj=None):
        return access.can_change_scheme(request.user, obj)

    def has_delete_permission(self, request, obj=None):
        return False  # locations are deactivated, or deleted by support from their own page

    @display(description="Status", label=STATUS_COLOURS)
    def status_badge(self, location):
        return location.displayed_status(today()).label if location.pk else "-"

    @display(description="Location code")
    def location_link(self, location):
        if not location.pk:
            return "-"
        url = reverse("admin:domain_location_change", args=[location.pk])
        return format_html('<a class="underline" href="{}">{}</a>', url, location.code)


def save_location_formset(request, formset, save_location, deactivate):
    """Save the rows of a scheme's locations, then apply the deactivations entered on them."""
    for location in formset.save(commit=False):
        save_location(location=location, by=request.user)
        if getattr(location, "lookup_note", None):
            messages.warning(request, f"{location.postcode}: {location.lookup_note}")
    for form in formset.forms:
        day = getattr(form, "cleaned_data", {}).get("deactivate_from")
        if day and form.instance.pk:
            deactivate(resource=form.instance, day=day, by=request.user)


@admin.register(Location)
class LocationAdmin(ConsoleModelAdmin):
    form = LocationForm
    list_display = ["postcode", "name", "code_display", "scheme_link", "location_admin_district", "units",
                    "status_badge"]
    list_display_links = ["postcode"]
    search_fields = ["name"]
    search_help_text = "Search by location name, postcode or location code"
    list_filter = [StatusFilter]
    list_per_page = 20
    ordering = ["-id"]
    fieldsets = [
        ("Location", {"fields": ["postcode", "local_authority", "name", "units", "type_of_unit", "mobility_type",
                                 "startdate"]}),
        ("Availability", {"fields": ["code_display", "scheme_link", "status_badge", "availability_display"]}),
    ]
    actions_detail = ["deactivate", "reactivate", "soft_delete"]

    def get_queryset(self, request):
        return with_status_data(access.visible_locations(request.user)).order_by("-id")

    def get_search_results(self, request, queryset, search_term):
        return search_locations(queryset, search_term), False

    def get_form(self, request, obj=None, **kwargs):
        kwargs["form"] = _form_for(request.user)
        return super().get_form(request, obj, **kwargs)

    def editable_fields(self, request, obj=None):
        return access.location_editable_fields(request.user, obj)

    def get_readonly_fields(self, request, obj=None):
        extra = ("code_display", "scheme_link", "status_badge", "availability_display", "local_authority_display")
        return (*super().get_readonly_fields(request, obj), *extra)

    def get_fieldsets(self, request, obj=None):
        if "local_authority" in self.editable_fields(request, obj):
            return self.fieldsets
        return [
            (title, {"fields": ["local_authority_display" if f == "local_authority" else f for f in opts["fields"]]})
            for title, opts in self.fieldsets
        ]

    def _declared_form_fields(self, request, obj):
        return [f for f in super()._declared_form_fields(request, obj) if f != "local_authority"]

    def has_view_permission(self, request, obj=None):
        return access.can_see_schemes_menu(request.user) if obj is None else access.can_view_location(request.user, obj)

    def has_change_permission(self, request, obj=None):
        return access.can_change_location(request.user, obj)

    def has_add_permission(self, request):
        return False  # locations are added on their scheme's page

    def has_delete_permission(self, request, obj=None):
        return False

    def has_module_permission(self, request):
        return access.can_see_schemes_menu(request.user)

    def save_model(self, request, obj, form, change):
        location_save(location=obj, by=request.user)
        if getattr(obj, "lookup_note", None):
            messages.warning(request, obj.lookup_note)

    @display(description="Location code", ordering="pk")
    def code_display(self, obj):
        return obj.code

    @display(description="Scheme")
    def scheme_link(self, obj):
        url = reverse("admin:domain_scheme_change", args=[obj.scheme_id])
        return format_html('<a class="underline" href="{}">{} ({})</a>', url, obj.scheme.service_name, obj.scheme.code)

    @display(description="Local authority")
    def local_authority_display(self, obj):
        return obj.location_admin_district or "-"

    @display(description="Availability")
    def availability_display(self, obj):
        return obj.availability

    @display(description="Status", label=STATUS_COLOURS)
    def status_badge(self, obj):
        return obj.displayed_status(today()).label

    def actions_not_applicable(self, obj) -> set[str]:
        return availability_actions_not_applicable(obj)

    def has_change_availability_permission(self, request, object_id=None):
        return access.can_change_scheme(request.user)

    @action(description="Deactivate location", icon="block", permissions=["change_availability"])
    def deactivate(self, request, object_id):
        return availability_view(self, request, object_id, DEACTIVATE)

    @action(description="Reactivate location", icon="restart_alt", permissions=["change_availability"])
    def reactivate(self, request, object_id):
        return availability_view(self, request, object_id, REACTIVATE)

    def has_soft_delete_permission(self, request, object_id=None):
        return access.can_delete_schemes(request.user)

    @action(description="Delete location", icon="delete", permissions=["soft_delete"])
    def soft_delete(self, request, object_id):
        return delete_view(self, request, object_id)
