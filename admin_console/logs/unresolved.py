"""The page that lists lettings logs left without a scheme or location by a deactivation (the
"unresolved" flag), each with a link to the question to answer again. Saving a log with a scheme and
location (or as general needs) resolves it (domain.services.logs)."""

from __future__ import annotations

from django.template.response import TemplateResponse
from django.urls import path

from domain.selectors.dashboard import unresolved_logs


class UnresolvedLogsMixin:
    def get_urls(self):
        view = self.admin_site.admin_view
        return [path("unresolved/", view(self.unresolved_view), name=self.url_name("unresolved"))] + super().get_urls()

    def unresolved_view(self, request):
        logs = unresolved_logs(request.user).select_related("owning_organisation", "assigned_to").order_by("-id")
        rows = [{"log": log, "link": self.url("change", log.pk) + "#id_scheme"} for log in logs[:500]]
        context = {**self.admin_site.each_context(request), "opts": self.model._meta,
                   "title": "Logs needing a new scheme or location", "rows": rows, "total": logs.count()}
        return TemplateResponse(request, "admin_console/logs/unresolved.html", context)
