"""Settings, read once from the environment (12-factor), with development defaults.

Nothing lives only in a production file: production sets DEBUG=false and the variables in the
README's configuration table.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF, UNSAFE_EVAL, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse_lazy

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
# ALLOW_DEV_SECRET_KEY lets a production-like run (DEBUG off) start without a SECRET_KEY, for local
# tries only; `manage.py check --deploy` fails while it is on (config/checks.py, core.E001).
ALLOW_DEV_SECRET_KEY = env_bool("ALLOW_DEV_SECRET_KEY", False)
DEV_SECRET_KEY = "dev-only-secret-key-never-use-in-production-0123456789abcdef"
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG and not ALLOW_DEV_SECRET_KEY:
        raise ImproperlyConfigured("Set SECRET_KEY (or DEBUG=true for development).")
    SECRET_KEY = DEV_SECRET_KEY

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # unfold and its contrib apps come before django.contrib.admin so their templates win.
    "unfold.apps.BasicAppConfig",  # unfold without its own site: the console's is below
    "unfold.contrib.filters",
    "unfold.contrib.forms",
    "unfold.contrib.import_export",
    "unfold.contrib.guardian",
    "unfold.contrib.simple_history",
    "admin_console.console_site.ConsoleAdminConfig",  # django.contrib.admin with the console's site
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",  # index expressions with operator classes (the log lists' trigram index)
    "guardian",
    "simple_history",
    "import_export",
    "django_q",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_otp.plugins.otp_email",
    "axes",
    "csp",
    "domain.apps.DomainConfig",
    "admin_console.apps.AdminConsoleConfig",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Early, so every response (axes' lockout page included) carries the Content-Security-Policy.
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # The second factor: django-otp marks whether this session passed it; ours sends those who must to it.
    "django_otp.middleware.OTPMiddleware",
    "admin_console.second_factor.SecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Axes last, so it sees the outcome of authentication.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        # The console's templates override unfold's (which come first among the apps).
        "DIRS": [BASE_DIR / "admin_console" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "admin_console.notifications.banner_context",
            ],
        },
    },
]

VAR_DIR.mkdir(parents=True, exist_ok=True)
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The development default: the job worker writes while pages are served. WAL lets pages read during a
    # long write; every transaction takes the write lock when it starts (a read-then-write transaction
    # cannot then fail half-way), and waits up to 20 seconds for it rather than failing at once.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL;", "transaction_mode": "IMMEDIATE", "timeout": 20,
    }
    # Sessions are saved on every request (SESSION_SAVE_EVERY_REQUEST): kept in the database, every page
    # would wait for the worker's write lock, held while it checks a whole file. Files keep them apart.
    SESSION_ENGINE = "django.contrib.sessions.backends.file"
    SESSION_FILE_PATH = VAR_DIR / "sessions"
    SESSION_FILE_PATH.mkdir(parents=True, exist_ok=True)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "domain.User"
AUTHENTICATION_BACKENDS = [
    # Axes refuses locked-out credentials before any other backend is asked.
    "axes.backends.AxesStandaloneBackend",
    # Email login and the access rules (domain/access.py) as has_perm.
    "domain.auth.AccessBackend",
    # Explicit per-object grants.
    "guardian.backends.ObjectPermissionBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 8}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = reverse_lazy("admin:login")
LOGIN_REDIRECT_URL = reverse_lazy("admin:index")
PASSWORD_RESET_TIMEOUT = 24 * 60 * 60  # reset links last a day

# Login security: five failed attempts lock an account for an hour; a success resets the count.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(hours=1)
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_PARAMETERS = ["username"]
AXES_USERNAME_FORM_FIELD = "username"
# Failures are counted against the email exactly as the login matches it (trimmed, any case);
# otherwise "PROVIDER@..." would be a fresh account to axes but the same one to the login.
AXES_USERNAME_CALLABLE = "domain.auth.axes_username"
AXES_LOCKOUT_TEMPLATE = "admin_console/locked_out.html"
AXES_VERBOSE = False
AXES_ENABLED = env_bool("AXES_ENABLED", True)

# The second factor (spec §10): support pass it in every session; SUPPORT_SECOND_FACTOR=false turns that
# off for local development only. A wrong code is a failed sign-in (axes locks after five), so
# django-otp's own per-device delays are off.
SUPPORT_SECOND_FACTOR = env_bool("SUPPORT_SECOND_FACTOR", True)
OTP_TOTP_ISSUER = "CORE"
OTP_TOTP_THROTTLE_FACTOR = 0
OTP_STATIC_THROTTLE_FACTOR = 0
OTP_EMAIL_THROTTLE_FACTOR = 0
OTP_EMAIL_TOKEN_VALIDITY = 15 * 60
OTP_EMAIL_COOLDOWN_DURATION = 60
OTP_EMAIL_SUBJECT = "Your CORE security code"

# Sessions expire after a day of inactivity.
SESSION_COOKIE_AGE = 24 * 60 * 60
SESSION_SAVE_EVERY_REQUEST = True
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if not DEBUG:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(365 * 24 * 60 * 60)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

# Content-Security-Policy (django-csp), enforced. Everything the console loads is served by itself
# (unfold bundles its fonts, Alpine.js, htmx and Chart.js), so 'self' is the default and the only
# source. The relaxations, each needed for the unfold admin to work:
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        # 'unsafe-eval': Alpine.js (unfold's tabs, menus, conditional fields) compiles its x-*
        # attribute expressions with the Function constructor; its CSP build cannot run unfold's
        # expressions. No 'unsafe-inline': our one inline script carries the per-request nonce.
        "script-src": [SELF, NONCE, UNSAFE_EVAL],
        # 'unsafe-inline': unfold's templates use style attributes and an inline <style> for its
        # theme colours, Alpine sets style attributes (x-bind:style, x-show) and htmx adds its own
        # indicator <style>. Styles cannot run code; scripts stay locked down.
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STORAGES = {
    "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": os.environ.get("FILE_STORAGE_DIR", str(VAR_DIR / "storage"))},
    },
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        ),
    },
}
FILE_STORAGE_DIR = Path(os.environ.get("FILE_STORAGE_DIR", VAR_DIR / "storage"))
S3_BUCKET = os.environ.get("S3_BUCKET", "")
S3_ENDPOINT_URL = os.environ.get("S3_ENDPOINT_URL", "") or None

if "EMAIL_URL" in os.environ or "EMAIL_HOST" in os.environ:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
else:
    EMAIL_BACKEND = "config.mail_backends.StderrEmailBackend"  # development: printed, to standard error
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "CORE <no-reply@core.localhost>")

# The organisation whose staff may hold the support role (MHCLG in production).
SUPPORT_ORGANISATION_NAME = os.environ.get("SUPPORT_ORGANISATION_NAME", "MHCLG")

# django-q2: the ORM broker needs no other service; workers scale out as separate processes.
Q_CLUSTER = {
    "name": "core",
    "orm": "default",
    "workers": int(os.environ.get("Q_WORKERS", "2")),
    "timeout": 60 * 60,
    "retry": 60 * 60 + 60,
    "max_attempts": 3,
    "catch_up": False,
    "label": "Background jobs",
    # A worker may start processes of its own: a bulk upload's rows are checked by several (below).
    "daemonize_workers": False,
}

# Processes that check a bulk upload's rows side by side (domain/bulk_upload/checking.py); 1 checks them in
# the job's own process. One per core is the most that helps.
BULK_UPLOAD_CHECKERS = int(os.environ.get("BULK_UPLOAD_CHECKERS", "2"))

# Address search (OS Places API) and postcode to local authority (postcodes.io). Address search is
# off without a key; an empty POSTCODE_LOOKUP_URL turns the postcode look-up off. After
# LOOKUP_TIMEOUT_S seconds without an answer, forms fall back to manual entry.
POSTCODE_LOOKUP_URL = os.environ.get("POSTCODE_LOOKUP_URL", "https://api.postcodes.io")
ADDRESS_LOOKUP_URL = os.environ.get("ADDRESS_LOOKUP_URL", "https://api.os.uk/search/places/v1")
OS_PLACES_API_KEY = os.environ.get("OS_PLACES_API_KEY", "")
LOOKUP_TIMEOUT_S = float(os.environ.get("LOOKUP_TIMEOUT_S", "3"))

GUARDIAN_RAISE_403 = False
ANONYMOUS_USER_NAME = None  # no anonymous user row: guardian grants are for real users only

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # httpx logs every request URL at INFO, and an OS Places URL carries the API key.
    "loggers": {"axes": {"level": "WARNING"}, "httpx": {"level": "WARNING"}, "httpcore": {"level": "WARNING"}},
}

from config.unfold import UNFOLD  # noqa: E402,F401  (the console's look and navigation)

# GOV.UK Notify (spec §11): with an API key the service's emails go through Notify's templates, by these
# ids (each overridable as NOTIFY_TEMPLATE_<NAME>); without one, through the mail backend above.
NOTIFY_API_KEY = os.environ.get("NOTIFY_API_KEY", "")
NOTIFY_BASE_URL = os.environ.get("NOTIFY_BASE_URL", "")  # tests point it at a local fake server
NOTIFY_TEMPLATE_DEFAULTS = {
    "invitation": "3fc2e3a7-0835-4b84-ab7a-ce51629eb614",
    "invitation_reminder": "bcdec787-f0a7-46e9-8d63-b3e0a06ee455",
    "user_reactivated": "ac45a899-490e-4f59-ae8d-1256fc0001f9",
    "password_reset": "2c410c19-80a7-481c-a531-2bcb3264f8e6",
    "second_factor_code": "6bdf5ee1-8e01-4be1-b1f9-747061d8a24c",
    "email_changed_old_address": "3eb80517-1051-4dfc-b4cc-cb18228a3829",
    "email_changed_new_address": "0cdd0be1-7fa5-4808-8225-ae4c5a002352",
    "user_moved_organisation": "4b7716c0-cc5c-41dd-92e4-a0dff03bdf5e",
    "dpo_asked_to_sign": "3dbf78fe-a2c8-4d65-aa19-e4d62695d4a9",
    "merge_user_of_merged_organisation": "b3b62e72-5ced-4515-8720-08bdc7bac792",
    "merge_absorbing_several": "7cdfefac-84c3-4054-8bd9-63103b3847b6",
    "merge_absorbing_one": "35456951-2046-468e-9f41-a620e94db203",
}
NOTIFY_TEMPLATES = {name: os.environ.get(f"NOTIFY_TEMPLATE_{name.upper()}", default)
                    for name, default in NOTIFY_TEMPLATE_DEFAULTS.items()}

# Where links in emails point.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")
# History is an audit trail; edits go through the forms and their rules. This only hides simple-history's
# Revert button: admin_console/history.py is what refuses every POST to a history page.
SIMPLE_HISTORY_REVERT_DISABLED = True

SILENCED_SYSTEM_CHECKS = [
    # Lockout is per account, as the service has always done: five failures lock that account
    # wherever they come from. (An attacker rotating addresses still cannot get past five tries.)
    "axes.W006",
    # The log lists' indexes carry the status for index-only counts (INCLUDE), which PostgreSQL has and
    # SQLite (the demo database) leaves out: the indexes still serve its sorts and filters.
    "models.W040",
]
