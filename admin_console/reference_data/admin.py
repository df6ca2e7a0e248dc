"""Reference data, read-only: it changes only through `manage.py load_reference_data`."""

from django.contrib import admin

from admin_console.base import ReadOnlyConsoleAdmin
from domain import access
from domain.models import LocalAuthority, RentRange, SaleRange


class ReferenceDataAdmin(ReadOnlyConsoleAdmin):
    def get_queryset(self, request):
        rows = super().get_queryset(request)
        return rows if access.can_view_reference_data(request.user) else rows.none()

    def has_view_permission(self, request, obj=None):
        return access.can_view_reference_data(request.user)

    def has_module_permission(self, request):
        return access.can_view_reference_data(request.user)


@admin.register(LocalAuthority)
class LocalAuthorityAdmin(ReferenceDataAdmin):
    list_display = ["code", "name", "start_date", "end_date"]
    search_fields = ["code", "name"]
    list_filter = ["start_date", "end_date"]
    fields = ["code", "name", "start_date", "end_date"]


@admin.register(RentRange)
class RentRangeAdmin(ReferenceDataAdmin):
    list_display = ["start_year", "la", "lettype", "beds", "soft_min", "soft_max", "hard_min", "hard_max"]
    list_filter = ["start_year", "lettype", "beds"]
    search_fields = ["la"]


@admin.register(SaleRange)
class SaleRangeAdmin(ReferenceDataAdmin):
    list_display = ["start_year", "la", "la_name", "bedrooms", "soft_min", "soft_max"]
    list_filter = ["start_year", "bedrooms"]
    search_fields = ["la", "la_name"]
