"""Sidebar permission callbacks and the environment badge: each asks domain.access, nothing more."""

from django.conf import settings

from domain import access


def environment_callback(request):
    if settings.DEBUG:
        return ["Development", "warning"]
    return None


def is_support(request) -> bool:
    return access.is_support(request.user)


def can_view_all_organisations(request) -> bool:
    return access.sees_everything(request.user)


def has_own_organisation_only(request) -> bool:
    return access.is_console_user(request.user) and not access.sees_everything(request.user)


def can_view_users(request) -> bool:
    return access.is_console_user(request.user)


def can_view_relationships(request) -> bool:
    return access.is_console_user(request.user)


def can_view_reference_data(request) -> bool:
    return access.can_view_reference_data(request.user)


def can_view_downloads(request) -> bool:
    return access.can_download_logs(request.user)


def can_export_statistics(request) -> bool:
    return access.can_export_statistics(request.user)


def can_view_schemes(request) -> bool:
    return access.can_see_schemes_menu(request.user)


def can_view_cds_exports(request) -> bool:
    return access.can_view_cds_exports(request.user)


def can_run_imports(request) -> bool:
    return access.can_run_imports(request.user)


def can_bulk_upload(request) -> bool:
    return access.is_console_user(request.user)
