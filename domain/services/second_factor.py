"""The second factor at sign-in (spec §10): an authenticator app (TOTP), backup codes, or a code by email.

Customer support must pass it in every session before any console page; other users may enrol, and once
they have they pass it too. Devices are django-otp's; this module is the only place that creates them.
"""

from __future__ import annotations

import secrets
from io import BytesIO

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef
from django_otp import devices_for_user, match_token
from django_otp.models import Device
from django_otp.plugins.otp_email.models import EmailDevice
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from domain import access
from domain.models import User
from domain.services.mail import send_email

APP_DEVICE_NAME = "Authenticator app"
BACKUP_DEVICE_NAME = "Backup codes"
EMAIL_DEVICE_NAME = "Email"
ENROLLED_WHEN_READ = "second_factor_enrolled_when_read"
BACKUP_CODE_COUNT = 10
WRONG_CODE_MESSAGE = "The code is not right. Check it and try again, or ask for a new code by email."


def second_factor_required(user) -> bool:
    """Whether the user must pass the second factor before any console page: support always (unless
    switched off for development), anyone else once they have enrolled."""
    if not getattr(user, "is_authenticated", False):
        return False
    if access.must_use_second_factor(user) and settings.SUPPORT_SECOND_FACTOR:
        return True
    return second_factor_enrolled(user)


def enrolled_expression():
    """Whether a user row has a confirmed way of giving a code, as an expression to read with the user."""
    confirmed = [Exists(model.objects.filter(user_id=OuterRef("pk"), confirmed=True))
                 for model in (TOTPDevice, StaticDevice, EmailDevice)]
    return confirmed[0] | confirmed[1] | confirmed[2]


def second_factor_enrolled(user: User) -> bool:
    """Whether the user has a confirmed way of giving a code (asked on every page: the signed-in user is
    read with the answer, see domain.auth.AccessBackend.get_user; anyone else is one query)."""
    known = getattr(user, ENROLLED_WHEN_READ, None)
    if known is not None:
        return known
    return User.objects.filter(pk=user.pk).filter(enrolled_expression()).exists()


def _forget_enrolment(user) -> None:
    """After a change to the user's devices, what was read with the user no longer holds."""
    if getattr(user, ENROLLED_WHEN_READ, None) is not None:
        delattr(user, ENROLLED_WHEN_READ)


def second_factor_pending_app(*, user: User, device_id: int | None = None) -> TOTPDevice:
    """The authenticator app being set up: the one started earlier in this session, or a new one."""
    device = TOTPDevice.objects.filter(pk=device_id, user=user, confirmed=False).first() if device_id else None
    return device or TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=False)


def qr_code_svg(device: TOTPDevice) -> str:
    """The device's otpauth:// link as an SVG QR code an authenticator app scans."""
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    buffer = BytesIO()
    image.save(buffer)
    svg = buffer.getvalue().decode()
    return svg[svg.index("<svg"):]


def secret_for_typing(device: TOTPDevice) -> str:
    """The secret in base 32, in groups of four, for apps set up by typing it in."""
    from base64 import b32encode

    text = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(text[i:i + 4] for i in range(0, len(text), 4))


@transaction.atomic
def second_factor_confirm_app(*, device: TOTPDevice, token: str) -> list[str]:
    """Confirm an authenticator app with a code it shows, replacing any earlier app; returns a fresh set
    of backup codes (each works once)."""
    token = "".join((token or "").split())
    if not token.isdigit() or not device.verify_token(token):
        raise ValidationError(WRONG_CODE_MESSAGE)
    TOTPDevice.objects.filter(user=device.user, confirmed=True).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    _forget_enrolment(device.user)
    return second_factor_new_backup_codes(user=device.user)


@transaction.atomic
def second_factor_new_backup_codes(*, user: User) -> list[str]:
    """Ten new single-use backup codes; the old ones stop working."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=BACKUP_DEVICE_NAME, confirmed=True)
    codes = [f"{secrets.randbelow(10 ** 8):08d}" for _ in range(BACKUP_CODE_COUNT)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in codes])
    return codes


def second_factor_email_code(*, user: User) -> bool:
    """Email the user a code (valid for OTP_EMAIL_TOKEN_VALIDITY seconds). False when one was sent too
    recently to send another."""
    device = EmailDevice.objects.filter(user=user).first() or EmailDevice.objects.create(
        user=user, name=EMAIL_DEVICE_NAME, confirmed=True)
    allowed, _ = device.generate_is_allowed()
    if not allowed:
        return False
    device.generate_token(valid_secs=settings.OTP_EMAIL_TOKEN_VALIDITY)
    device.cooldown_set()
    minutes = settings.OTP_EMAIL_TOKEN_VALIDITY // 60
    send_email(
        to=user.email, template="second_factor_code", personalisation={"otp": device.token},
        subject=settings.OTP_EMAIL_SUBJECT,
        body=(f"Your CORE security code is {device.token}\n\nIt works for {minutes} minutes. If you did not try "
              "to sign in to CORE, reset your password and tell the helpdesk."),
    )
    return True


def second_factor_check(*, user: User, token: str) -> Device | None:
    """The device that accepts this code (app, backup code or emailed code), or None."""
    token = "".join((token or "").split())
    if not token.isdigit():
        return None
    return match_token(user, token)


@transaction.atomic
def second_factor_reset(*, user: User) -> None:
    """Forget every device of the user (a lost phone): they enrol again at their next sign-in."""
    for model in (TOTPDevice, StaticDevice, EmailDevice):
        model.objects.filter(user=user).delete()
    _forget_enrolment(user)
