"""One rule for every URL that names an object: outside the user's scope it does not exist.

Django's admin answers an object URL in several ways depending on the view: a redirect to the
index ("doesn't exist, perhaps it was deleted?"), a 403 from a permission hook, a 302 from a
third-party page. Each tells someone probing ids which ones exist. This mixin puts one check in
front of every object URL a ModelAdmin serves, its own and those its mixins add: the object must be
in `get_queryset(request)` (which asks domain.access), or the answer is 404 before any other
check runs (spec §10). Permission hooks then decide what a user may do with objects they can see."""

from __future__ import annotations

from functools import wraps

from django.contrib.admin.utils import unquote
from django.http import Http404
from django.urls import URLPattern

# The names admin views, django-guardian and our own views give the object in a URL.
OBJECT_PARAMETERS = ("object_id", "object_pk", "pk")


def object_parameter(pattern: URLPattern) -> str | int | None:
    """Which parameter of `pattern` names the object: a keyword, 0 for simple-history's positional
    version URL, or None for URLs that name no object."""
    converters = pattern.pattern.converters if hasattr(pattern.pattern, "converters") else {}
    for name in OBJECT_PARAMETERS:
        if name in converters or name in getattr(pattern.pattern, "regex").groupindex:
            return name
    if (pattern.name or "").endswith("_simple_history") and pattern.pattern.regex.groups:
        return 0
    return None


class ScopedObjectUrlsMixin:
    """Put before the ModelAdmin base so that every object URL is checked against the scope."""

    def get_urls(self):
        return [self._scoped(pattern) for pattern in super().get_urls()]

    def object_in_scope(self, request, object_id) -> bool:
        # get_object turns ids of the wrong shape into None, as it does for missing ones.
        return self.get_object(request, unquote(str(object_id))) is not None

    def _scoped(self, pattern):
        if not isinstance(pattern, URLPattern):
            return pattern
        parameter = object_parameter(pattern)
        if parameter is None:
            return pattern
        view = pattern.callback

        @wraps(view)
        def scoped_view(request, *args, **kwargs):
            # Signed-out users and users without the console are sent to sign in by the view itself.
            if self.admin_site.has_permission(request):
                object_id = args[parameter] if isinstance(parameter, int) else kwargs[parameter]
                if not self.object_in_scope(request, object_id):
                    raise Http404("Not found.")
            return view(request, *args, **kwargs)

        return URLPattern(pattern.pattern, scoped_view, pattern.default_args, pattern.name)
