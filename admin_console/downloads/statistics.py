"""The statisticians' export page: filters over every organisation, labels or codes, the columns,
pseudonymised by default, CSV / XLSX / JSON. The file is made by the download job."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from unfold.widgets import (
    UnfoldAdminCheckboxSelectMultipleWidget, UnfoldAdminRadioSelectWidget, UnfoldAdminSingleDateWidget,
    UnfoldBooleanSwitchWidget,
)

from domain import access, collection
from domain.forms import registry
from domain.forms.registry import column_labels
from domain.models import DownloadKind, LocalAuthority, Organisation
from domain.models.logs import VISIBLE_STATUSES, LogStatus
from domain.services.downloads import csv_download_request
from exports import statistics
from exports.csv import definitions

TICKS, DATE = UnfoldAdminCheckboxSelectMultipleWidget, UnfoldAdminSingleDateWidget


class StatisticsExportForm(forms.Form):
    """Unfold's own widgets, so the page looks like the rest of the console; long lists (authorities,
    organisations, columns) are tick boxes in a box that scrolls."""

    log_type = forms.ChoiceField(choices=[("lettings", "Lettings"), ("sales", "Sales")], initial="lettings",
                                 label="Log type", widget=UnfoldAdminRadioSelectWidget)
    years = forms.MultipleChoiceField(required=False, widget=TICKS, label="Collection years",
                                      help_text="None ticked: every year.")
    statuses = forms.MultipleChoiceField(required=False, widget=TICKS, label="Log status",
                                         choices=[(int(s), LogStatus(s).label) for s in VISIBLE_STATUSES])
    approved_only = forms.BooleanField(required=False, label="Approved logs only", widget=UnfoldBooleanSwitchWidget,
                                       help_text="Only logs a coordinator or support has approved.")
    needstypes = forms.MultipleChoiceField(required=False, widget=TICKS, label="Needs type",
                                           choices=[(1, "General needs"), (2, "Supported housing")])
    las = forms.MultipleChoiceField(required=False, widget=TICKS, label="Local authorities",
                                    help_text="None ticked: every local authority.")
    owners = forms.MultipleChoiceField(required=False, widget=TICKS, label="Owning organisations",
                                       help_text="None ticked: every organisation.")
    start_from = forms.DateField(required=False, label="Tenancy start or sale completion from", widget=DATE)
    start_to = forms.DateField(required=False, label="Tenancy start or sale completion to", widget=DATE)
    created_from = forms.DateField(required=False, label="Created from", widget=DATE)
    created_to = forms.DateField(required=False, label="Created to", widget=DATE)
    values = forms.ChoiceField(choices=[("labels", "Answers in words"), ("codes", "Answer codes")], initial="labels",
                               widget=UnfoldAdminRadioSelectWidget, label="Answers as")
    columns = forms.MultipleChoiceField(required=False, widget=TICKS, label="Columns",
                                        help_text="None ticked: every column.")
    pseudonymised = forms.BooleanField(required=False, initial=True, label="Pseudonymised",
                                       widget=UnfoldBooleanSwitchWidget,
                                       help_text="Leaves out tenant codes, property references, addresses, UPRNs, "
                                                 "full postcodes, free text and staff emails, and replaces log, "
                                                 "organisation, user, scheme and location ids and organisation "
                                                 "names with pseudonyms that match within this file only.")
    format = forms.ChoiceField(choices=[("csv", "CSV"), ("xlsx", "Excel workbook (XLSX)"), ("json", "JSON")],
                               initial="csv", label="File format", widget=UnfoldAdminRadioSelectWidget)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        years = registry.years("lettings")
        self.fields["years"].choices = [(y, collection.year_label(y)) for y in years]
        # Lettings columns, then the sales ones not already listed; each export keeps those of its type.
        columns = {}
        for log_type in statistics.LOG_TYPES:
            year = registry.years(log_type)[-1]
            labels = column_labels(log_type)
            for column in statistics.available_columns(log_type, year):
                columns.setdefault(column, labels.get(column) or labels.get(column.lower())
                                   or definitions.definition(log_type, year, column) or column)
        self.fields["columns"].choices = list(columns.items())  # each column by what it holds, in words
        # One entry per authority: one whose code was replaced (Sheffield, E08000019 then E08000039) is
        # chosen by name, and the export takes its logs under every code it had.
        self.codes_by_name: dict[str, list[str]] = {}
        for code, name in LocalAuthority.objects.order_by("name", "code").values_list("code", "name"):
            self.codes_by_name.setdefault(name, []).append(code)
        self.fields["las"].choices = [(name, name) for name in self.codes_by_name]
        self.fields["owners"].choices = [(o.pk, o.name) for o in Organisation.objects.order_by("name").only("name")]

    def clean_log_type(self):
        log_type = self.cleaned_data["log_type"]
        if log_type not in statistics.LOG_TYPES or not registry.years(log_type):
            raise forms.ValidationError(f"{log_type.capitalize()} logs cannot be exported. Choose lettings or sales.")
        return log_type

    def clean_las(self):
        return [code for name in self.cleaned_data["las"] for code in self.codes_by_name.get(name, [])]

    def clean(self):
        data = super().clean()
        for start, end in (("start_from", "start_to"), ("created_from", "created_to")):
            if data.get(start) and data.get(end) and data[start] > data[end]:
                self.add_error(end, "The end date must be on or after the start date.")
        return data

    def as_filters(self) -> dict:
        data = self.cleaned_data
        dates = {k: data[k].isoformat() for k in ("start_from", "start_to", "created_from", "created_to") if data.get(k)}
        return {"log_type": data["log_type"], "years": data["years"], "statuses": data["statuses"],
                "needstypes": data["needstypes"], "las": data["las"], "owners": data["owners"], **dates,
                "values": data["values"], "columns": data["columns"], "pseudonymised": data["pseudonymised"],
                "format": data["format"], "approved_only": data["approved_only"]}


def export_view(request):
    if not access.can_export_statistics(request.user):
        raise PermissionDenied("Only statisticians and customer support can export statistics.")
    form = StatisticsExportForm(request.POST or None)
    count = None
    if request.method == "POST" and form.is_valid():
        filters = form.as_filters()
        count = statistics.preview_count(request.user, filters)
        if count:
            download = csv_download_request(user=request.user, kind=DownloadKind.STATISTICS, filters=filters,
                                            total=count)
            messages.success(request, f"We are preparing your export of {count} logs and will email "
                                      f"{request.user.email} a link when it is ready.")
            return redirect(reverse("admin:domain_csvdownload_page", args=[download.token]))
    context = {**admin.site.each_context(request), "form": form, "count": count, "title": "Export statistics"}
    return TemplateResponse(request, "admin_console/downloads/statistics.html", context)
