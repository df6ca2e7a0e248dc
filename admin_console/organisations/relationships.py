"""A read-only record of when each stock-owner / managing-agent relationship began and ended."""

from django.contrib import admin
from django.db.models import Q
from unfold.decorators import display

from admin_console.base import ReadOnlyConsoleAdmin
from domain import access
from domain.models import OrganisationRelationship

RelationshipHistory = OrganisationRelationship.history.model
EVENT_LABELS = {"+": "Added", "-": "Removed", "~": "Changed"}


@admin.register(RelationshipHistory)
class RelationshipHistoryAdmin(ReadOnlyConsoleAdmin):
    list_display = ["history_date", "event", "stock_owner", "managing_agent", "history_user"]
    list_filter = ["history_type"]
    search_fields = ["stock_owner__name", "managing_agent__name"]
    ordering = ["-history_date"]
    list_select_related = ["stock_owner", "managing_agent", "history_user"]

    def get_queryset(self, request):
        ids = access.visible_organisations(request.user).values("pk")
        return super().get_queryset(request).filter(Q(stock_owner__in=ids) | Q(managing_agent__in=ids))

    def has_view_permission(self, request, obj=None):
        return access.is_console_user(request.user)

    @display(description="Event", label={"Added": "success", "Removed": "danger", "Changed": "info"})
    def event(self, record):
        return EVENT_LABELS.get(record.history_type, record.history_type)
