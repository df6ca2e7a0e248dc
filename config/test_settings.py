"""Settings for the test suite: production settings, with what a plain-HTTP test server needs."""

import os

os.environ.setdefault("SECRET_KEY", "test-only-secret-key-not-for-any-real-deployment-0123456789")
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")

from config.settings import *  # noqa: E402,F403
from config.settings import STORAGES  # noqa: E402

# The live test server speaks plain HTTP on 127.0.0.1.
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
# Fast hashing: tests create many users; production keeps Django's default.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# The suite runs on a frozen clock (tests/clock.py) that may be days or years from Chromium's own:
# cookies dated by that clock would reach the browser already expired. Sessions still end on the
# server after SESSION_COOKIE_AGE.
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
CSRF_COOKIE_AGE = None
# The suite never reaches the internet: both look-ups are off unless a test points them at a local
# fake server (tests/lookups/fake_services.py).
POSTCODE_LOOKUP_URL = ""
ADDRESS_LOOKUP_URL = ""
OS_PLACES_API_KEY = ""
LOOKUP_TIMEOUT_S = 1.0
