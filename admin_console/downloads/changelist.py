"""A list's filtered queryset outside the request that showed it: the list's own ModelAdmin
applies its filters and search to the saved query string, for the given user."""

from __future__ import annotations

from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters
from django.test import RequestFactory
from django.urls import resolve, reverse

# Query-string keys that change how a list looks, not which rows it holds.
DISPLAY_ONLY = {"o", "p", "_changelist_filters", "all", "e"}


def list_params(query: dict) -> dict:
    return {key: value for key, value in query.items() if key not in DISPLAY_ONLY}


def changelist_queryset(user, model, params: dict):
    model_admin = admin.site._registry[model]
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    request = RequestFactory().get(url, list_params(params))
    request.user = user
    request.resolver_match = resolve(url)
    try:
        changelist = model_admin.get_changelist_instance(request)
        return changelist.get_queryset(request)
    except IncorrectLookupParameters:
        raise ValueError("The list filters of this download are no longer valid. Change them and download again.")
