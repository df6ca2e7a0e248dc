"""Second-factor helpers for tests: codes computed from a device's secret at the suite's frozen time."""

from base64 import b32decode

from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice


def totp_code(device: TOTPDevice, steps_ahead: int = 0) -> str:
    """The code the device's app shows now (or `steps_ahead` 30-second steps later)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = totp.time + steps_ahead * device.step
    return f"{totp.token():0{device.digits}d}"


def code_from_secret(secret: str) -> str:
    """The code an app set up by typing the secret shown on the set-up page would show now."""
    key = b32decode("".join(secret.split()) + "=" * (-len("".join(secret.split())) % 8))
    return f"{TOTP(key).token():06d}"


def pass_second_factor(client, user) -> None:
    """Mark a test client's session as having passed the second factor, as signing in with a code does."""
    device, _ = StaticDevice.objects.get_or_create(user=user, name="Test device", defaults={"confirmed": True})
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
