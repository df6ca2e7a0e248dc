"""Service notifications (spec §12): support write, start and end them; users dismiss them."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from domain import access
from domain.models import ServiceNotification, User, active_notifications


@transaction.atomic
def notification_save(*, notification: ServiceNotification, by: User) -> ServiceNotification:
    """Save a notification written by support; with no start it shows from now."""
    if not access.can_manage_notifications(by):
        raise PermissionDenied("Only customer support manage service notifications.")
    notification.start_date = notification.start_date or timezone.now()
    notification.full_clean()
    notification.save()
    return notification


@transaction.atomic
def notification_end(*, notification: ServiceNotification, by: User) -> ServiceNotification:
    """Stop showing a notification now."""
    if not access.can_manage_notifications(by):
        raise PermissionDenied("Only customer support manage service notifications.")
    notification.end_date = timezone.now()
    notification.save(update_fields=["end_date", "updated_at"])
    return notification


def notification_dismiss(*, notification: ServiceNotification, by: User) -> None:
    """The user has read it: it no longer shows to them."""
    notification.dismissed_by.add(by)


def banner_for(user) -> tuple[ServiceNotification | None, int]:
    """The newest active notification the user has not dismissed, and how many such there are. Signed out:
    the newest active one marked for the sign-in page."""
    notifications = active_notifications()
    if getattr(user, "is_authenticated", False):
        notifications = notifications.exclude(dismissed_by=user)
    else:
        notifications = notifications.filter(show_on_unauthenticated_pages=True)
    notifications = list(notifications.order_by("-start_date", "-pk")[:50])
    return (notifications[0] if notifications else None), len(notifications)


def notification_page_visible(notification: ServiceNotification, user) -> bool:
    """A notification's own page: only when it has one and is active; signed out only for public ones."""
    if not notification.show_additional_page or not notification.is_active():
        return access.can_manage_notifications(user) and notification.show_additional_page
    return getattr(user, "is_authenticated", False) or notification.show_on_unauthenticated_pages
