"""Service notifications: support's list and form, the banner (every console page and, when public, the
sign-in page), a notification's own page, and dismissing it."""

from __future__ import annotations

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST
from unfold.decorators import action, display

from admin_console.base import ConsoleModelAdmin
from domain import access
from domain.models import ServiceNotification
from domain.services.notifications import (
    banner_for, notification_dismiss, notification_end, notification_page_visible, notification_save,
)


@admin.register(ServiceNotification)
class ServiceNotificationAdmin(ConsoleModelAdmin):
    list_display = ["title", "start_date", "end_date", "active_badge", "show_on_unauthenticated_pages"]
    fieldsets = [(None, {"fields": ["title", "show_on_unauthenticated_pages", "show_additional_page", "link_text",
                                    "page_content", "start_date", "end_date"]})]
    conditional_fields = {"link_text": "show_additional_page == true", "page_content": "show_additional_page == true"}
    actions_detail = ["end_now"]

    def get_queryset(self, request):
        rows = super().get_queryset(request)
        return rows if access.can_manage_notifications(request.user) else rows.none()

    def editable_fields(self, request, obj=None):
        if not access.can_manage_notifications(request.user):
            return ()
        return ("title", "show_on_unauthenticated_pages", "show_additional_page", "link_text", "page_content",
                "start_date", "end_date")

    def has_module_permission(self, request):
        return access.can_manage_notifications(request.user)

    def has_view_permission(self, request, obj=None):
        return access.can_manage_notifications(request.user)

    def has_add_permission(self, request):
        return access.can_manage_notifications(request.user)

    def has_change_permission(self, request, obj=None):
        return access.can_manage_notifications(request.user)

    def has_delete_permission(self, request, obj=None):
        return False  # ended, never deleted: history keeps what was shown when

    def has_end_permission(self, request, object_id=None):
        return access.can_manage_notifications(request.user)

    def save_model(self, request, obj, form, change):
        notification_save(notification=obj, by=request.user)

    @display(description="Showing now", boolean=True)
    def active_badge(self, obj):
        return obj.is_active()

    @action(description="Stop showing it now", icon="notifications_off", permissions=["end"])
    def end_now(self, request, object_id):
        notification = self.get_object_or_404(request, object_id)
        change_url = reverse("admin:domain_servicenotification_change", args=[notification.pk])
        if request.method != "POST":
            return TemplateResponse(request, "admin_console/confirm.html", {
                **self.admin_site.each_context(request), "opts": self.model._meta,
                "title": f"Stop showing “{notification.title}”?",
                "explanation": "The banner disappears for everyone now.", "button_label": "Stop showing it",
                "cancel_url": change_url})
        try:
            notification_end(notification=notification, by=request.user)
        except PermissionDenied:
            raise Http404("Not found.")
        messages.success(request, "The notification is no longer shown.")
        return redirect(change_url)


def notification_page(request, pk: int):
    notification = get_object_or_404(ServiceNotification, pk=pk)
    if not notification_page_visible(notification, request.user):
        raise Http404("Not found.")
    paragraphs = [part.strip() for part in notification.page_content.split("\n\n") if part.strip()]
    return render(request, "admin_console/notification_page.html", {
        "site_title": admin.site.site_title, "site_header": admin.site.site_header, "title": notification.title,
        "notification": notification, "paragraphs": paragraphs, "on_notification_page": True})


@require_POST
def dismiss(request, pk: int):
    if not request.user.is_authenticated:
        raise Http404("Not found.")
    notification = get_object_or_404(ServiceNotification, pk=pk)
    notification_dismiss(notification=notification, by=request.user)
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = reverse("admin:index")
    return redirect(target)


def banner_context(request):
    """Template context: `service_banner()` gives (notification, count) when a page shows the banner."""
    cache = {}

    def service_banner():
        if "value" not in cache:
            cache["value"] = banner_for(getattr(request, "user", None))
        notification, count = cache["value"]
        return {"notification": notification, "count": count} if notification else None

    return {"service_banner": service_banner}
