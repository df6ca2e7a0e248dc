"""The "Download CSV" link above a list, for those who may download it."""

from __future__ import annotations

from urllib.parse import urlencode

from django.urls import reverse

from domain.services.downloads import may_request


class DownloadLinkMixin:
    """Put before the ModelAdmin base; set `download_kind`. The link carries the list's filters."""

    download_kind = ""
    list_before_template = "admin_console/downloads/list_download_link.html"

    def changelist_view(self, request, extra_context=None):
        extra_context = dict(extra_context or {})
        if self.download_kind and may_request(request.user, self.download_kind):
            query = urlencode({"kind": self.download_kind, "list": request.GET.urlencode()})
            extra_context["download_csv_url"] = f"{reverse('admin:domain_csvdownload_request')}?{query}"
        return super().changelist_view(request, extra_context)
