from django.contrib import admin
from django.shortcuts import redirect
from django.urls import reverse


@admin.site.admin_view
def own_organisation(request):
    """The signed-in user's organisation page."""
    return redirect(reverse("admin:domain_organisation_change", args=[request.user.organisation_id]))
