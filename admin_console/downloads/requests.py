"""The "download this list" page: which year, labels or codes, how many rows, then send."""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import QueryDict
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse

from domain import access
from domain.forms import registry
from domain.models import DownloadKind
from domain.selectors.lists import list_rows
from domain.services.downloads import csv_download_request, may_request
from exports.csv import downloads

# Query-string keys that change how a list looks, not which rows it holds.
DISPLAY_ONLY = {"o", "p", "_changelist_filters", "all", "e"}
REQUESTABLE = [k for k in DownloadKind if k != DownloadKind.STATISTICS]
LIST_URLS = {DownloadKind.LETTINGS: "admin:domain_lettingslog_changelist",
             DownloadKind.SALES: "admin:domain_saleslog_changelist", DownloadKind.USERS: "admin:domain_user_changelist",
             DownloadKind.SCHEMES: "admin:domain_scheme_changelist", DownloadKind.LOCATIONS: "admin:domain_scheme_changelist",
             DownloadKind.SCHEMES_AND_LOCATIONS: "admin:domain_scheme_changelist"}


class DownloadRequestForm(forms.Form):
    year = forms.TypedChoiceField(coerce=int, required=False, label="Collection year")
    values = forms.ChoiceField(choices=[("labels", "Labels (answers in words)"), ("codes", "Codes only")],
                               initial="labels", widget=forms.RadioSelect, label="Answers as")

    def __init__(self, *args, kind: str, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.kind = kind
        if kind in downloads.LOG_KINDS:
            self.fields["year"].required = True
            self.fields["year"].choices = [(y, f"{y} to {y + 1}") for y in registry.years(kind)]
        else:
            del self.fields["year"]
        if kind not in downloads.LOG_KINDS or not access.can_download_codes(user):
            del self.fields["values"]


def list_params(query: dict) -> dict:
    return {key: value for key, value in query.items() if key not in DISPLAY_ONLY}


def _params(request) -> dict:
    return list_params(QueryDict(request.GET.get("list") or request.POST.get("list") or "").dict())


def _initial_year(kind, params) -> int | None:
    years = registry.years(kind) if kind in downloads.LOG_KINDS else []
    chosen = params.get("year", "")
    if chosen.isdigit() and int(chosen) in years:
        return int(chosen)
    return years[-1] if len(years) == 1 else None


def selected_count(user, kind: str, year: int | None, params: dict) -> int:
    listed = list_rows(user, kind, params)
    if kind in downloads.LOG_KINDS:
        return downloads.log_queryset(user, kind, year, listed).count() if year else 0
    if kind == DownloadKind.USERS:
        allowed = access.downloadable_users(user)
        return (allowed if listed is None else allowed.filter(pk__in=listed.values("pk"))).count()
    schemes = access.downloadable_schemes(user)
    if kind == DownloadKind.SCHEMES:
        return schemes.count()
    return access.visible_locations(user).filter(scheme__in=schemes.values("pk")).count()


def request_view(request):
    kind = request.GET.get("kind") or request.POST.get("kind") or ""
    if kind not in REQUESTABLE:
        raise PermissionDenied("Choose what to download from a list.")
    if not may_request(request.user, kind):
        raise PermissionDenied("You cannot download this. Ask your data coordinator or customer support.")
    params = _params(request)
    data = request.POST if request.method == "POST" else None
    form = DownloadRequestForm(data, kind=kind, user=request.user, initial={"year": _initial_year(kind, params)})
    year = _initial_year(kind, params)
    if form.is_bound and form.is_valid():
        year = form.cleaned_data.get("year") or None
    count = selected_count(request.user, kind, year, params)
    if form.is_bound and form.is_valid() and count:
        download = csv_download_request(
            user=request.user, kind=kind, year=year, codes=form.cleaned_data.get("values") == "codes",
            filters={"list": params}, total=count)
        messages.success(request, f"We are preparing your file and will email {request.user.email} a link when it is ready.")
        return redirect(reverse("admin:domain_csvdownload_page", args=[download.token]))
    list_url = reverse(LIST_URLS[kind])
    query = QueryDict(mutable=True)
    query.update(params)
    context = {
        **admin.site.each_context(request), "form": form, "kind": kind, "kind_label": DownloadKind(kind).label, "count": count,
        "year": year, "list": query.urlencode(), "filters": sorted(params.items()), "title": "Download CSV",
        "change_filters_url": f"{list_url}?{query.urlencode()}" if params else list_url,
    }
    return TemplateResponse(request, "admin_console/downloads/request.html", context)
