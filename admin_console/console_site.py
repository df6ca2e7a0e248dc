"""The console's admin site: unfold's, with the sidebar's application list worked out only if a page
shows it.

Django puts every model's permissions (`available_apps`) in the context of every admin page. The console's
sidebar is its own navigation (`config/unfold.py`), so most pages never read that list, yet working it out
asks each model admin four permission questions, several of them database reads. Here it is worked out when
a page first reads it: the index page, or unfold's list of all applications.
"""

from django.contrib.admin.apps import AdminConfig
from django.utils.functional import SimpleLazyObject
from unfold.sites import UnfoldAdminSite


class ConsoleAdminSite(UnfoldAdminSite):
    def get_app_list(self, request, app_label=None):
        if app_label is not None:
            return super().get_app_list(request, app_label)
        return SimpleLazyObject(lambda: super(ConsoleAdminSite, self).get_app_list(request))


class ConsoleAdminConfig(AdminConfig):
    """django.contrib.admin, with the console's site as `admin.site`."""

    default_site = "admin_console.console_site.ConsoleAdminSite"
