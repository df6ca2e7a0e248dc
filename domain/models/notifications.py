"""Service notifications (spec §12): banners support show to users for a while."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone

from .base import TimestampedModel
from .history import AuditTrail


class ServiceNotification(TimestampedModel):
    title = models.CharField(max_length=255, help_text="The banner's text.")
    show_on_unauthenticated_pages = models.BooleanField(
        "show on the sign-in page", default=False,
        help_text="Also show it to people who are not signed in.")
    show_additional_page = models.BooleanField(
        "include a link to a separate page", default=False)
    link_text = models.CharField(max_length=255, blank=True, help_text="The words of the link to the page.")
    page_content = models.TextField(blank=True, help_text="The page's text; blank lines separate paragraphs.")
    start_date = models.DateTimeField("show from", null=True, blank=True,
                                      help_text="Leave empty to start showing it when it is saved.")
    end_date = models.DateTimeField("show until", null=True, blank=True,
                                    help_text="Leave empty to show it until someone ends it.")
    dismissed_by = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="+", editable=False)

    history = AuditTrail(excluded_fields=["dismissed_by"])

    class Meta:
        ordering = ["-start_date", "-pk"]
        verbose_name = "service notification"

    def __str__(self) -> str:
        return self.title

    def clean(self):
        errors = {}
        self.title = (self.title or "").strip()
        if not self.title:
            errors["title"] = "Enter the notification's text."
        if self.show_additional_page:
            if not self.link_text.strip():
                errors["link_text"] = "Enter the link text, or untick 'include a link to a separate page'."
            if not self.page_content.strip():
                errors["page_content"] = "Enter the page's text, or untick 'include a link to a separate page'."
        if self.start_date and self.end_date and self.end_date <= self.start_date:
            errors["end_date"] = "The end must be after the start."
        if errors:
            raise ValidationError(errors)

    def is_active(self, now=None) -> bool:
        now = now or timezone.now()
        return bool(self.start_date and self.start_date <= now and (self.end_date is None or self.end_date >= now))


def active_notifications(now=None):
    now = now or timezone.now()
    return ServiceNotification.objects.filter(
        Q(end_date__isnull=True) | Q(end_date__gte=now), start_date__isnull=False, start_date__lte=now)
