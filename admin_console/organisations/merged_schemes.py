"""After a merge: the absorbing organisation's coordinators (or support) review schemes that now appear
twice and confirm they have done so (spec §4, post-merge check)."""

from django.contrib import admin, messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse

from domain import access
from domain.models import Organisation
from domain.services.merge import duplicate_scheme_groups, schemes_deduplication_confirm


@admin.site.admin_view
def duplicate_schemes(request, pk: int):
    organisation = get_object_or_404(Organisation, pk=pk, discarded_at__isnull=True)
    if not (access.can_view_organisation(request.user, organisation)
            and access.can_review_merged_schemes(request.user, organisation)):
        raise Http404("Not found.")
    url = reverse("admin_console:duplicate_schemes", args=[organisation.pk])
    if request.method == "POST":
        schemes_deduplication_confirm(organisation=organisation, by=request.user)
        messages.success(request, f"You have confirmed that {organisation.name}'s schemes have been reviewed.")
        return redirect(url)
    groups = [[{"scheme": scheme, "url": reverse("admin:domain_scheme_change", args=[scheme.pk])} for scheme in group]
              for group in duplicate_scheme_groups(organisation)]
    return TemplateResponse(request, "admin_console/merges/duplicate_schemes.html", {
        **admin.site.each_context(request), "title": f"Review {organisation.name}'s schemes",
        "organisation": organisation, "groups": groups})
