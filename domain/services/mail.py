"""Sending the service's emails: through GOV.UK Notify templates when NOTIFY_API_KEY is set (spec §11),
otherwise as plain text through Django's mail backend (SMTP, or standard error in development)."""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import send_mail

logger = logging.getLogger(__name__)


def notify_client():
    """The official Notify client, or None when Notify is not configured."""
    if not settings.NOTIFY_API_KEY:
        return None
    from notifications_python_client.notifications import NotificationsAPIClient

    kwargs = {"base_url": settings.NOTIFY_BASE_URL} if settings.NOTIFY_BASE_URL else {}
    return NotificationsAPIClient(settings.NOTIFY_API_KEY, **kwargs)


def send_email(*, to: str, template: str, subject: str, body: str, personalisation: dict | None = None) -> None:
    """Send one email. With Notify, `template` names the template id in settings.NOTIFY_TEMPLATES and
    `personalisation` fills it; otherwise `subject` and `body` are sent as they are."""
    client = notify_client()
    template_id = settings.NOTIFY_TEMPLATES.get(template) if client else None
    if client and template_id:
        client.send_email_notification(email_address=to, template_id=template_id,
                                       personalisation={k: str(v) for k, v in (personalisation or {}).items()})
        return
    if client:
        logger.warning("No Notify template id for %r: sent by the mail backend instead", template)
    send_mail(subject=subject, message=body, from_email=None, recipient_list=[to])
