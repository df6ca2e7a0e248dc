"""Deployment checks on the settings themselves, run by `manage.py check --deploy`."""

from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.security, deploy=True)
def check_no_development_secret_key(app_configs=None, **kwargs):
    """A deployment (DEBUG off) must have its own SECRET_KEY: the development key is public, so
    anyone could forge sessions, password reset links and email confirmation links with it."""
    if settings.DEBUG:
        return []
    errors = []
    if getattr(settings, "ALLOW_DEV_SECRET_KEY", False):
        errors.append(checks.Error(
            "ALLOW_DEV_SECRET_KEY is on while DEBUG is off.",
            hint="Unset ALLOW_DEV_SECRET_KEY and set SECRET_KEY to a long random value kept secret.",
            id="core.E001",
        ))
    if settings.SECRET_KEY == getattr(settings, "DEV_SECRET_KEY", None):
        errors.append(checks.Error(
            "SECRET_KEY is the development key, which is published with the code.",
            hint="Set SECRET_KEY to a long random value kept secret.",
            id="core.E002",
        ))
    return errors


@checks.register()
def check_sidebar_permissions(app_configs=None, **kwargs):
    """Every sidebar item's `permission` must name a function: unfold calls a name it cannot import as if
    it were one, so a renamed function would break every console page with a server error."""
    from django.utils.module_loading import import_string

    errors = []
    for group in settings.UNFOLD.get("SIDEBAR", {}).get("navigation", []):
        for item in group.get("items", []):
            name = item.get("permission")
            if not isinstance(name, str):
                continue
            try:
                import_string(name)
            except ImportError:
                errors.append(checks.Error(
                    f"The sidebar item {item.get('title')!r} names the permission function {name!r}, "
                    "which does not exist.",
                    hint="Name a function in admin_console/site.py that takes the request.",
                    id="core.E003",
                ))
    return errors
