"""Dated name changes on an organisation's page (spec §3): support add and cancel them; anyone who sees
the organisation sees the list."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from unfold.admin import TabularInline
from unfold.decorators import display

from domain import access
from domain.models import NameChangeStatus, OrganisationNameChange
from domain.services.organisation_names import organisation_name_change_check


class NameChangeForm(forms.ModelForm):
    class Meta:
        model = OrganisationNameChange
        fields = ["name", "startdate"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "startdate" in self.fields:
            self.fields["startdate"].required = False
            self.fields["startdate"].help_text = "Leave empty for a change that takes effect today."


class NameChangeFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        for form in self.forms:
            if not hasattr(form, "cleaned_data") or not form.cleaned_data:
                continue
            if form.cleaned_data.get("DELETE") and form.instance.pk:
                if form.instance.status_at() != NameChangeStatus.SCHEDULED:
                    raise ValidationError(f"{form.instance} has started, so it cannot be cancelled.")
            elif not form.instance.pk and form.has_changed():
                try:
                    name, startdate = organisation_name_change_check(
                        organisation=self.instance, name=form.cleaned_data.get("name") or "",
                        startdate=form.cleaned_data.get("startdate"))
                except ValidationError as error:
                    for field, messages in error.message_dict.items():
                        form.add_error(field if field in form.fields else None, messages)
                else:
                    form.instance.name, form.instance.startdate = name, startdate


class NameChangesInline(TabularInline):
    model = OrganisationNameChange
    form = NameChangeForm
    formset = NameChangeFormSet
    extra = 0
    fields = ["name", "startdate", "end_date_display", "status_display"]
    readonly_fields = ["end_date_display", "status_display"]
    verbose_name = "name change"
    verbose_name_plural = "Name changes: the name in force from each start date"
    can_delete = True

    def get_queryset(self, request):
        return super().get_queryset(request).filter(discarded_at__isnull=True).order_by("startdate")

    def has_view_permission(self, request, obj=None):
        if obj is None:
            return access.is_console_user(request.user)
        return access.can_view_organisation(request.user, obj)

    def has_add_permission(self, request, obj=None):
        return obj is not None and access.can_change_organisation_name(request.user, obj)

    def has_change_permission(self, request, obj=None):
        return False  # a change is added or cancelled, never re-dated

    def has_delete_permission(self, request, obj=None):
        return obj is not None and access.can_change_organisation_name(request.user, obj)

    @display(description="End date")
    def end_date_display(self, change):
        if change.pk is None:
            return "-"
        end = change.end_date
        return f"{end:%-d %B %Y}" if end else "None"

    @display(description="Status")
    def status_display(self, change):
        return NameChangeStatus(change.status_at()).label if change.pk else "-"
