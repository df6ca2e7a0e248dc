"""Merge requests (spec §4.2), support only: the request's answers on one form, the preview of what the
merge does, then "Begin merge" (confirmed) queues the job."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from unfold.decorators import action, display
from unfold.widgets import UnfoldAdminSelectMultipleWidget

from admin_console.base import ConsoleModelAdmin
from domain import access, collection
from domain.models import MergeRequest, MergeStatus, Organisation
from domain.selectors.data_sharing import dpo_names
from domain.services.merge import (
    merge_begin_refusal, merge_outcome, merge_request_begin, merge_request_check, merge_request_delete,
    merge_request_save, merging_organisations,
)

STATUS_COLOURS = {MergeStatus.MERGED.label: "success", MergeStatus.PROCESSING.label: "warning",
                  MergeStatus.INCOMPLETE.label: "danger", MergeStatus.READY.label: "info",
                  MergeStatus.ISSUES.label: "warning", MergeStatus.DELETED.label: "danger"}
FIELDS = ["absorbing_organisation", "merging_organisations", "merge_date", "existing_absorbing_organisation",
          "has_helpdesk_ticket", "helpdesk_ticket"]


class MergeRequestForm(forms.ModelForm):
    merging_organisations = forms.ModelMultipleChoiceField(
        queryset=Organisation.objects.none(), required=False, widget=UnfoldAdminSelectMultipleWidget,
        help_text="The organisations that merge into the absorbing organisation.")
    existing_absorbing_organisation = forms.TypedChoiceField(
        label="Was the absorbing organisation already active before the merge date?", required=False,
        choices=[("", "Not answered"), ("True", "Yes: it existed before the merge"),
                 ("False", "No: it is a new organisation created by the merge")],
        coerce=lambda value: value == "True", empty_value=None)
    has_helpdesk_ticket = forms.TypedChoiceField(
        label="Is there a helpdesk ticket for this merge?", required=False,
        choices=[("", "Not answered"), ("True", "Yes"), ("False", "No")],
        coerce=lambda value: value == "True", empty_value=None)

    class Meta:
        model = MergeRequest
        fields = ["absorbing_organisation", "merge_date", "existing_absorbing_organisation", "has_helpdesk_ticket",
                  "helpdesk_ticket"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        live = Organisation.objects.filter(discarded_at__isnull=True).order_by("name")
        if "merging_organisations" in self.fields:
            self.fields["merging_organisations"].queryset = live
            if self.instance.pk:
                self.initial["merging_organisations"] = [o.pk for o in merging_organisations(self.instance)]
        if "absorbing_organisation" in self.fields:
            self.fields["absorbing_organisation"].queryset = live

    def clean(self):
        data = super().clean()
        if data.get("has_helpdesk_ticket") and not (data.get("helpdesk_ticket") or "").strip():
            self.add_error("helpdesk_ticket", "Enter the helpdesk ticket number, or answer No.")
        try:
            merge_request_check(merge_request=self.instance, absorbing=data.get("absorbing_organisation"),
                                merging=list(data.get("merging_organisations") or []),
                                merge_date=data.get("merge_date"))
        except ValidationError as error:
            for field, errors in error.message_dict.items():
                self.add_error(None if field == "__all__" else field, errors)
        return data


@admin.register(MergeRequest)
class MergeRequestAdmin(ConsoleModelAdmin):
    form = MergeRequestForm
    list_display = ["__str__", "merge_date", "status_badge"]
    fieldsets = [
        ("Merge details", {"fields": FIELDS}),
        ("What the merge does", {"fields": ["status_badge", "preview"]}),
    ]
    actions_detail = ["begin_merge", "delete_request"]

    def get_queryset(self, request):
        rows = super().get_queryset(request).select_related("absorbing_organisation")
        if not access.can_manage_merges(request.user):
            return rows.none()
        url_name = (request.resolver_match.url_name if request.resolver_match else None) or ""
        if url_name.endswith("_changelist"):
            rows = rows.filter(discarded_at__isnull=True).filter(
                Q(request_merged=False) | Q(merge_date__gte=collection.new_logs_start()))
        return rows

    def editable_fields(self, request, obj=None):
        if not access.can_manage_merges(request.user):
            return ()
        if obj is not None and obj.status in (MergeStatus.PROCESSING, MergeStatus.MERGED, MergeStatus.DELETED):
            return ()
        return tuple(FIELDS)

    def get_readonly_fields(self, request, obj=None):
        readonly = [f for f in super().get_readonly_fields(request, obj) if f != "merging_organisations"]
        if "merging_organisations" not in self.editable_fields(request, obj):
            readonly.append("merging_list")
        return (*readonly, "status_badge", "preview")

    def get_fieldsets(self, request, obj=None):
        if "merging_organisations" in self.editable_fields(request, obj):
            return self.fieldsets
        return [(title, {"fields": ["merging_list" if f == "merging_organisations" else f
                                    for f in options["fields"]]}) for title, options in self.fieldsets]

    def has_module_permission(self, request):
        return access.can_manage_merges(request.user)

    def has_view_permission(self, request, obj=None):
        return access.can_manage_merges(request.user)

    def has_add_permission(self, request):
        return access.can_manage_merges(request.user)

    def has_change_permission(self, request, obj=None):
        return access.can_manage_merges(request.user)

    def has_delete_permission(self, request, obj=None):
        return False  # "Delete merge request" soft-deletes

    def has_merge_permission(self, request, object_id=None):
        return access.can_manage_merges(request.user)

    def save_model(self, request, obj, form, change):
        merge_request_save(merge_request=obj, by=request.user,
                           merging=list(form.cleaned_data.get("merging_organisations") or []))

    def save_related(self, request, form, formsets, change):
        pass  # the merging organisations were saved with the request

    @display(description="Merging organisations")
    def merging_list(self, obj):
        return ", ".join(org.name_on(obj.merge_date) for org in merging_organisations(obj)) or "None"

    @display(description="Status", label=STATUS_COLOURS)
    def status_badge(self, obj):
        return MergeStatus(obj.status).label if obj.pk else MergeStatus.INCOMPLETE.label

    @display(description="Preview")
    def preview(self, obj):
        if obj is None or obj.pk is None:
            return "Save the request to see what the merge does."
        absorbing = obj.absorbing_organisation
        banners = []
        if absorbing and obj.status == MergeStatus.ISSUES:
            dpos = dpo_names(absorbing)
            who = f"Its data protection officer ({', '.join(dpos)}) must accept it." if dpos else (
                "It has no data protection officer: one must be named and accept it.")
            banners.append(f"{absorbing.name} has not accepted the data sharing agreement. {who}")
        if obj.last_failed_attempt:
            banners.append(f"The last attempt to merge failed on {obj.last_failed_attempt:%-d %B %Y at %H:%M}; "
                           "nothing was changed. It can be started again.")
        if obj.merge_date and obj.merge_date > collection.today() and not obj.request_merged:
            banners.append(f"The merge date, {obj.merge_date:%-d %B %Y}, is in the future: the merge can start then.")
        return render_to_string("admin_console/merges/preview.html", {
            "request_": obj, "outcome": merge_outcome(obj), "banners": banners,
            "merging": [org.name_on(obj.merge_date) for org in merging_organisations(obj)]})

    @action(description="Begin merge", icon="merge", permissions=["merge"])
    def begin_merge(self, request, object_id):
        merge_request = self.get_object_or_404(request, object_id)
        change_url = reverse("admin:domain_mergerequest_change", args=[merge_request.pk])
        refusal = merge_begin_refusal(merge_request)
        if refusal:
            messages.error(request, refusal)
            return redirect(change_url)
        if request.method != "POST":
            names = ", ".join(org.name for org in merging_organisations(merge_request))
            return TemplateResponse(request, "admin_console/confirm.html", {
                **self.admin_site.each_context(request), "opts": self.model._meta,
                "title": f"Merge {names} into {merge_request.absorbing_organisation.name}?",
                "explanation": ("Their users, schemes, relationships, rent periods and logs from "
                                f"{merge_request.merge_date:%-d %B %Y} move to "
                                f"{merge_request.absorbing_organisation.name}, and every user of these "
                                "organisations is emailed. This cannot be undone."),
                "button_label": "Begin merge", "button_variant": "danger", "cancel_url": change_url})
        try:
            merge_request_begin(merge_request=merge_request, by=request.user)
        except (ValidationError, PermissionDenied) as error:
            messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
        else:
            messages.success(request, "The merge has started. This page shows when it is done.")
        return redirect(change_url)

    @action(description="Delete merge request", icon="delete", permissions=["merge"])
    def delete_request(self, request, object_id):
        merge_request = self.get_object_or_404(request, object_id)
        change_url = reverse("admin:domain_mergerequest_change", args=[merge_request.pk])
        if request.method != "POST":
            return TemplateResponse(request, "admin_console/confirm.html", {
                **self.admin_site.each_context(request), "opts": self.model._meta,
                "title": "Delete this merge request?", "explanation": f"{merge_request} will be deleted.",
                "button_label": "Delete merge request", "button_variant": "danger", "cancel_url": change_url})
        try:
            merge_request_delete(merge_request=merge_request, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(change_url)
        messages.success(request, "The merge request was deleted.")
        return redirect(reverse("admin:domain_mergerequest_changelist"))
