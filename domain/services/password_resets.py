"""Throttling password reset requests (spec §10: five a minute per address)."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac

from domain.models import PasswordResetRequest
from domain.models.users import normalise_email

RESET_REQUESTS_PER_WINDOW = 5
RESET_WINDOW = timedelta(minutes=1)


def _digest(email: str) -> str:
    return salted_hmac("domain.password_resets", normalise_email(email), algorithm="sha256").hexdigest()


@transaction.atomic
def password_reset_request_allowed(*, email: str) -> bool:
    """Record a reset request for this address (any case, trimmed) and say whether it may send an
    email: at most five in any minute. A refused request is not recorded, so an address asked for
    again and again still gets its five a minute and no more."""
    now = timezone.now()
    window_start = now - RESET_WINDOW
    PasswordResetRequest.objects.filter(requested_at__lt=window_start).delete()  # nothing older is needed
    digest = _digest(email)
    recent = PasswordResetRequest.objects.filter(email_digest=digest, requested_at__gte=window_start)
    if recent.count() >= RESET_REQUESTS_PER_WINDOW:
        return False
    PasswordResetRequest.objects.create(email_digest=digest, requested_at=now)
    return True
