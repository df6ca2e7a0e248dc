"""Organisations, with their stock owners and managing agents edited inline in both directions."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from admin_console.inlines import LabelledTabularInline
from unfold.decorators import action, display

from admin_console.base import ConsoleModelAdmin
from admin_console.organisations.name_changes import NameChangesInline
from admin_console.organisations.forms import ManagingAgentForm, OrganisationForm, StockOwnerForm
from domain import access, collection
from domain.selectors.data_sharing import agreement_of, agreement_url
from domain.models import Organisation, OrganisationNameChange, OrganisationRelationship, OrganisationStatus
from domain.services.organisation_names import organisation_name_change_add, organisation_name_change_cancel
from domain.services.organisations import (
    organisation_deactivate, organisation_deletion_refusal, organisation_delete, organisation_reactivate,
    organisation_save,
)

STATUS_COLOURS = {
    OrganisationStatus.ACTIVE.label: "success",
    OrganisationStatus.DEACTIVATED.label: "info",
    OrganisationStatus.MERGED.label: "warning",
    OrganisationStatus.DELETED.label: "danger",
}


class RelationshipInline(LabelledTabularInline):
    """One direction of the stock relationship graph, on an organisation's page."""

    model = OrganisationRelationship
    extra = 0
    show_change_link = False
    other_side: str  # the field naming the related organisation

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        field = formset.form.base_fields.get(self.other_side)
        if field is not None:
            field.queryset = access.relationship_candidates(request.user, obj).order_by("name")
        return formset

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .filter(**{f"{self.other_side}__active": True})
            .select_related(self.other_side)
        )

    def has_view_permission(self, request, obj=None):
        # Without an object Django asks about the inline as a whole; the parent page already
        # decided who may open the organisation.
        if obj is None:
            return access.is_console_user(request.user)
        return access.can_view_organisation(request.user, obj)

    def has_add_permission(self, request, obj=None):
        return obj is not None and access.can_manage_relationships(request.user, obj)

    def has_change_permission(self, request, obj=None):
        return False  # a relationship is added or removed, never re-pointed

    def has_delete_permission(self, request, obj=None):
        return obj is not None and access.can_manage_relationships(request.user, obj)

    @display(description="Organisation ID")
    def other_code(self, relationship):
        related = getattr(relationship, self.other_side, None)
        return related.code if related else "-"


class StockOwnersInline(RelationshipInline):
    fk_name = "managing_agent"
    other_side = "stock_owner"
    form = StockOwnerForm
    fields = ["stock_owner", "other_code"]
    readonly_fields = ["other_code"]
    verbose_name = "stock owner"
    verbose_name_plural = "Stock owners: organisations whose stock this organisation manages"


class ManagingAgentsInline(RelationshipInline):
    fk_name = "stock_owner"
    other_side = "managing_agent"
    form = ManagingAgentForm
    fields = ["managing_agent", "other_code"]
    readonly_fields = ["other_code"]
    verbose_name = "managing agent"
    verbose_name_plural = "Managing agents: organisations that manage this organisation's stock"


@admin.register(Organisation)
class OrganisationAdmin(ConsoleModelAdmin):
    form = OrganisationForm
    list_display = ["name", "code_display", "housing_registration_no", "provider_type", "status_badge"]
    list_display_links = ["name"]
    search_fields = ["name", "housing_registration_no", "postcode"]
    list_filter = ["provider_type", "active", "holds_own_stock"]
    ordering = ["name"]
    list_per_page = 20
    fieldsets = [
        (
            "About this organisation",
            {"fields": ["name", "provider_type", "housing_registration_no", "holds_own_stock", "profit_status",
                        "data_sharing_agreement", "merges"]},
        ),
        ("Contact details", {"fields": ["address_line1", "address_line2", "postcode", "phone"]}),
        ("Rent periods", {"fields": ["rent_periods"]}),
        ("Group", {"fields": ["group_member", "group_member_of", "group"]}),
        ("Review", {"fields": ["logs_need_approval"]}),
    ]
    inlines = [NameChangesInline, StockOwnersInline, ManagingAgentsInline]
    actions_detail = ["deactivate", "reactivate", "delete_organisation"]

    def get_queryset(self, request):
        return access.visible_organisations(request.user)

    def get_inlines(self, request, obj):
        # A new organisation starts with its name: name changes come once it exists.
        return self.inlines if obj is not None else [i for i in self.inlines if i is not NameChangesInline]

    def editable_fields(self, request, obj=None):
        return access.organisation_editable_fields(request.user, obj)

    def get_readonly_fields(self, request, obj=None):
        return (*super().get_readonly_fields(request, obj), "group", "rent_periods_display")

    def get_fieldsets(self, request, obj=None):
        # Read-only rent periods are shown by their labels rather than as a list of codes.
        if "rent_periods" in self.editable_fields(request, obj):
            return self.fieldsets
        return [
            (title, {**options, "fields": ["rent_periods_display" if f == "rent_periods" else f for f in options["fields"]]})
            for title, options in self.fieldsets
        ]

    @display(description="Data sharing agreement")
    def data_sharing_agreement(self, obj):
        if obj is None or obj.pk is None:
            return "-"
        agreement = agreement_of(obj)
        if agreement is None:
            state = "Not accepted"
        else:
            state = f"Accepted {timezone.localtime(agreement.signed_at):%d/%m/%Y} by {agreement.data_protection_officer_name}"
        return format_html('{} (<a class="underline" href="{}">read the agreement</a>)', state, agreement_url(obj))

    @display(description="Merges")
    def merges(self, obj):
        """Which organisation this one merged into, or which merged into it (spec §4.4)."""
        if obj is None or obj.pk is None:
            return "-"
        parts = []
        if obj.absorbing_organisation_id and obj.merge_date:
            parts.append(format_html("Merged into {} on {}.", obj.absorbing_organisation.name_on(obj.merge_date),
                                     f"{obj.merge_date:%-d %B %Y}"))
        absorbed = obj.absorbed_organisations.filter(merge_date__gte=collection.displayed_start()).order_by(
            "merge_date", "name")
        if absorbed:
            listed = "; ".join(f"{org.name_on(org.merge_date)} ({org.merge_date:%-d %B %Y})" for org in absorbed)
            parts.append(format_html(
                'Absorbed: {}. <a class="underline" href="{}">Review duplicate schemes</a>', listed,
                reverse("admin_console:duplicate_schemes", args=[obj.pk])))
        return format_html_join(" ", "{}", ((part,) for part in parts)) if parts else "None"

    @display(description="Rent periods")
    def rent_periods_display(self, obj):
        return obj.rent_periods_label() or "None"

    def has_view_permission(self, request, obj=None):
        if obj is None:
            return access.is_console_user(request.user)
        return access.can_view_organisation(request.user, obj)

    def has_change_permission(self, request, obj=None):
        return access.can_change_organisation(request.user, obj)

    def has_add_permission(self, request):
        return access.can_add_organisation(request.user)

    def has_delete_permission(self, request, obj=None):
        return False  # deactivate instead: logs and history must keep their organisation

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "group_member_of":
            kwargs["queryset"] = access.visible_organisations(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def changelist_view(self, request, extra_context=None):
        # Only support and statisticians list organisations; everyone else has one: their own.
        if access.is_console_user(request.user) and not access.sees_everything(request.user):
            return redirect(reverse("admin:domain_organisation_change", args=[request.user.organisation_id]))
        return super().changelist_view(request, extra_context)

    def save_model(self, request, obj, form, change):
        organisation_save(organisation=obj, by=request.user)

    def save_formset(self, request, form, formset, change):
        if formset.model is not OrganisationNameChange:
            return super().save_formset(request, form, formset, change)
        # Name changes go through their service: added with their checks, cancelled rather than deleted.
        formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
        for inline_form in formset.forms:
            data = getattr(inline_form, "cleaned_data", None) or {}
            if data.get("DELETE") and inline_form.instance.pk:
                formset.deleted_objects.append(
                    organisation_name_change_cancel(change=inline_form.instance, by=request.user))
            elif not inline_form.instance.pk and inline_form.has_changed() and not data.get("DELETE"):
                formset.new_objects.append(organisation_name_change_add(
                    organisation=form.instance, name=inline_form.instance.name,
                    startdate=inline_form.instance.startdate, by=request.user))

    @display(description="Organisation ID", ordering="pk")
    def code_display(self, obj):
        return obj.code

    @display(description="Status", label=STATUS_COLOURS)
    def status_badge(self, obj):
        return OrganisationStatus(obj.status_at()).label

    def actions_not_applicable(self, obj) -> set[str]:
        status = obj.status_at()
        if status == OrganisationStatus.ACTIVE:
            return {"reactivate"}
        return {"deactivate"} if status == OrganisationStatus.DEACTIVATED else {"deactivate", "reactivate"}

    def has_change_status_permission(self, request, object_id=None):
        return access.can_change_organisation_status(request.user)

    @action(description="Deactivate organisation", icon="block", permissions=["change_status"])
    def deactivate(self, request, object_id):
        organisation = self.get_object_or_404(request, object_id)
        refusal = access.organisation_deactivation_refusal(request.user, organisation)
        if refusal:
            messages.error(request, refusal)
            return redirect(reverse("admin:domain_organisation_change", args=[organisation.pk]))
        explanation = (
            f"{organisation.name} will be deactivated, and so will every one of its active users: they will not "
            "be able to sign in until the organisation is reactivated. Its schemes and locations will show as "
            "deactivated, and it will no longer be offered as a stock owner or managing agent."
        )
        return self._change_status(request, organisation, organisation_deactivate, "Deactivate", explanation,
                                   "deactivated", "danger")

    @action(description="Reactivate organisation", icon="restart_alt", permissions=["change_status"])
    def reactivate(self, request, object_id):
        organisation = self.get_object_or_404(request, object_id)
        explanation = (
            f"{organisation.name} will be reactivated, with the users who were deactivated with it; "
            "they can sign in again."
        )
        return self._change_status(request, organisation, organisation_reactivate, "Reactivate", explanation,
                                   "reactivated", "primary")

    @action(description="Delete organisation", icon="delete", permissions=["change_status"])
    def delete_organisation(self, request, object_id):
        """GET shows the consequences (or why it cannot be deleted); POST deletes."""
        organisation = self.get_object_or_404(request, object_id)
        change_url = reverse("admin:domain_organisation_change", args=[organisation.pk])
        refusal = organisation_deletion_refusal(organisation)
        if refusal:
            messages.error(request, refusal)
            return redirect(change_url)
        if request.method != "POST":
            context = {
                **self.admin_site.each_context(request), "opts": self.model._meta,
                "title": f"Delete {organisation.name}?",
                "explanation": (f"{organisation.name}, its schemes and their locations, and all its users will be "
                                "deleted: they disappear from every list and their pages no longer open. Its logs "
                                "keep it as their organisation. This cannot be undone from the console."),
                "button_label": "Delete organisation", "button_variant": "danger", "cancel_url": change_url,
            }
            return TemplateResponse(request, "admin_console/confirm.html", context)
        try:
            organisation_delete(organisation=organisation, by=request.user)
        except (ValidationError, PermissionDenied) as error:
            messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
            return redirect(change_url)
        messages.success(request, f"{organisation.name} was deleted.")
        return redirect(reverse("admin:domain_organisation_changelist"))

    def _change_status(self, request, organisation, service, title, explanation, verb, variant):
        """GET shows what will happen; only a POST (with its CSRF token) changes anything."""
        change_url = reverse("admin:domain_organisation_change", args=[organisation.pk])
        if request.method != "POST":
            context = {
                **self.admin_site.each_context(request), "opts": self.model._meta,
                "title": f"{title} {organisation.name}?", "explanation": explanation,
                "button_label": title, "button_variant": variant, "cancel_url": change_url,
            }
            return TemplateResponse(request, "admin_console/confirm.html", context)
        try:
            count = service(organisation=organisation, by=request.user)
        except (ValidationError, PermissionDenied) as error:
            messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
        else:
            messages.success(request, f"{organisation.name} was {verb}, with {count} of its users.")
        return redirect(change_url)
