"""Settings for Olievlek, all read from the environment (see dotenv.example).

The defaults are those of a developer's machine and `make demo`: SQLite, mail on the
console. A production deployment sets OLIEVLEK_ENVIRONMENT=production, which makes a
secret key and allowed hosts mandatory and turns on secure cookies.
"""

from __future__ import annotations

import os
from pathlib import Path

from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from olievlek.site import api_document
from olievlek.site.database import database_settings
from olievlek.site.logs import logging_config
from olievlek.site.redis_cache import NO_FRAGMENTS, cache_settings

PACKAGE_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = Path(os.environ.get("OLIEVLEK_BASE_DIR", PACKAGE_DIR.parent.parent))
VAR_DIR = Path(os.environ.get("OLIEVLEK_VAR_DIR", BASE_DIR / "var"))


def _env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


ENVIRONMENT = os.environ.get("OLIEVLEK_ENVIRONMENT", "development")
IS_PRODUCTION = ENVIRONMENT == "production"
DEBUG = _env_bool("OLIEVLEK_DEBUG", not IS_PRODUCTION)

SECRET_KEY = os.environ.get("OLIEVLEK_SECRET_KEY", "")
if not SECRET_KEY:
    if IS_PRODUCTION:
        raise ImproperlyConfigured("OLIEVLEK_SECRET_KEY must be set in production.")
    SECRET_KEY = "development-only-not-secret-olievlek-key-0123456789"  # noqa: S105

ALLOWED_HOSTS = _env_list("OLIEVLEK_ALLOWED_HOSTS", "" if IS_PRODUCTION else "127.0.0.1,localhost")
if IS_PRODUCTION and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("OLIEVLEK_ALLOWED_HOSTS must be set in production.")
CSRF_TRUSTED_ORIGINS = _env_list("OLIEVLEK_CSRF_TRUSTED_ORIGINS")
SITE_URL = os.environ.get("OLIEVLEK_SITE_URL", "http://127.0.0.1:8000")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_htmx",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "django_prometheus",
    # Before allauth: its mail templates (account/email/, mfa/email/) are overridden here.
    "olievlek.mail",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "olievlek.site",
    "olievlek.accounts",
    "olievlek.audit",
    "olievlek.network",
    "olievlek.payitforward",
    "olievlek.events",
    "olievlek.knowledge",
    "olievlek.werkvloer",
    "olievlek.programme",
    "olievlek.impact",
    "olievlek.notifications",
]

MIDDLEWARE = [
    # Before everything: probes need no host check, HTTPS redirect, session or access log.
    "olievlek.site.health.HealthCheckMiddleware",
    "django_prometheus.middleware.PrometheusBeforeMiddleware",
    "olievlek.site.logs.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "olievlek.site.middleware.PermissionsPolicyMiddleware",
    "olievlek.site.api.ProblemMiddleware",
    "olievlek.site.errors.DatabaseUnavailableMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "olievlek.site.middleware.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "olievlek.accounts.middleware.TeamAccessMiddleware",
    "olievlek.site.api.ApiVersionMiddleware",
    "olievlek.impact.middleware.VisitCountingMiddleware",
    "django_prometheus.middleware.PrometheusAfterMiddleware",
]

FORM_RENDERER = "olievlek.site.forms.FormRenderer"
ROOT_URLCONF = "olievlek.site.urls"
WSGI_APPLICATION = "olievlek.site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "site" / "templates"],
        "OPTIONS": {
            # Django's cached loader, one copy per language with the fixed texts translated
            # (site/template_loader.py); it reloads on a template change in development.
            "loaders": [
                (
                    "olievlek.site.template_loader.Loader",
                    [
                        "django.template.loaders.filesystem.Loader",
                        "django.template.loaders.app_directories.Loader",
                    ],
                )
            ],
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "olievlek.site.context_processors.site",
                "olievlek.site.context_processors.navigation",
                "olievlek.notifications.context_processors.unread",
            ],
        },
    }
]

# --- Database -------------------------------------------------------------------------
VAR_DIR.mkdir(parents=True, exist_ok=True)
DATABASES = database_settings(os.environ, var_dir=VAR_DIR)
# --- Cache: shared by every process, so a change seen by one worker is seen by all ---------
# REDIS_URL: Redis holds the cache, the rate-limit counters and a cached copy of each session,
# and the site serves on while it is down; else a file cache (site/redis_cache.py).
REDIS_URL = os.environ.get("REDIS_URL", "")
CACHES, SESSION_ENGINE = cache_settings(os.environ, var_dir=VAR_DIR)
if DEBUG:  # the layout's fragments rendered every time, so template edits show at once
    CACHES["fragments"] = NO_FRAGMENTS
# Anonymous visitors of the directory and the public API get cached pages (site/cache.py).
OLIEVLEK_PAGE_CACHE = _env_bool("OLIEVLEK_PAGE_CACHE", True)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

# --- Accounts (django-allauth) --------------------------------------------------------
AUTHENTICATION_BACKENDS = [
    "olievlek.accounts.backends.AccountBackend",
    # Sessions opened before AccountBackend still name one of these; they stay valid.
    "allauth.account.auth_backends.AuthenticationBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
ACCOUNT_ADAPTER = "olievlek.accounts.adapter.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Olievlek] "
# Tell people when their password, address or second factor changes (olievlek.mail).
ACCOUNT_EMAIL_NOTIFICATIONS = True
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https" if IS_PRODUCTION else "http"
ACCOUNT_LOGOUT_ON_GET = False
# Guessing passwords and two-factor codes is limited in every configuration, the demo
# included: failed logins per address and per account (`key`: the email address; allauth
# counts wrong two-factor codes under the same action, per account). The test settings
# switch the limits off; the tests of the lockout switch them on.
ACCOUNT_RATE_LIMITS = {
    "login": os.environ.get("OLIEVLEK_LOGIN_RATE", "30/m/ip"),
    "login_failed": os.environ.get("OLIEVLEK_LOGIN_FAILED_RATE", "20/15m/ip,5/15m/key"),
}
# The address allauth's limits count: the same as the site's own (site/throttle.py).
OLIEVLEK_TRUSTED_PROXY_COUNT = int(os.environ.get("OLIEVLEK_TRUSTED_PROXY_COUNT", "0"))
ALLAUTH_TRUSTED_PROXY_COUNT = OLIEVLEK_TRUSTED_PROXY_COUNT
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Olievlek"
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "network:member_home"

# --- Internationalisation -------------------------------------------------------------
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Dutch")), ("en", _("English"))]
LOCALE_PATHS = [Path(os.environ.get("OLIEVLEK_LOCALE_DIR", PACKAGE_DIR / "locale"))]
TIME_ZONE = "Europe/Amsterdam"
# One date format everywhere (site/formats/): "di 12 maart 2027, 14:00".
FORMAT_MODULE_PATH = ["olievlek.site.formats"]
USE_I18N = True
USE_TZ = True

# --- Static and uploaded files ----------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("OLIEVLEK_STATIC_ROOT", VAR_DIR / "static"))
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
MEDIA_ROOT = Path(os.environ.get("OLIEVLEK_MEDIA_ROOT", VAR_DIR / "media"))
MEDIA_URL = "/media/"
STORAGES = {
    # Uploads are written to a temporary file and renamed: never a partial file (storage.py).
    "default": {"BACKEND": "olievlek.site.storage.AtomicFileSystemStorage"},
    # Files that must never be served from a guessable URL (imports, restricted material).
    "private": {
        "BACKEND": "olievlek.site.storage.AtomicFileSystemStorage",
        "OPTIONS": {"location": str(VAR_DIR / "private"), "base_url": None},
    },
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"
        if IS_PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
OLIEVLEK_IMPORT_MAX_BYTES = int(os.environ.get("OLIEVLEK_IMPORT_MAX_BYTES", 20 * 1024 * 1024))
OLIEVLEK_IMPORT_MAX_ROWS = int(os.environ.get("OLIEVLEK_IMPORT_MAX_ROWS", "50000"))
# A job that has shown no progress for this long lost its worker: it is marked failed.
OLIEVLEK_IMPORT_STALE_MINUTES = int(os.environ.get("OLIEVLEK_IMPORT_STALE_MINUTES", "30"))
# Width × height; checked from the header before an uploaded image is decoded.
OLIEVLEK_IMAGE_MAX_PIXELS = int(os.environ.get("OLIEVLEK_IMAGE_MAX_PIXELS", "25000000"))
OLIEVLEK_CAMPAIGN_MAX_BYTES = int(os.environ.get("OLIEVLEK_CAMPAIGN_MAX_BYTES", 50 * 1024 * 1024))
OLIEVLEK_CAMPAIGN_LINK_DAYS = int(os.environ.get("OLIEVLEK_CAMPAIGN_LINK_DAYS", "14"))
# Pending and rejected sign-ups are purged after this many days (`olievlek signups_purge`).
OLIEVLEK_SIGNUP_RETENTION_DAYS = int(os.environ.get("OLIEVLEK_SIGNUP_RETENTION_DAYS", "90"))

# --- Werkvloer (employee self-scan) -------------------------------------------------------
# The smallest group an employer may see results of; a system check refuses below 5.
OLIEVLEK_SCAN_MIN_GROUP = int(os.environ.get("OLIEVLEK_SCAN_MIN_GROUP", "5"))
# Raw answers are deleted this many months after a round closes; team results stay.
OLIEVLEK_SCAN_RETENTION_MONTHS = int(os.environ.get("OLIEVLEK_SCAN_RETENTION_MONTHS", "12"))
# Wrong invitation or return codes allowed per address per quarter hour.
OLIEVLEK_SCAN_ATTEMPTS = int(os.environ.get("OLIEVLEK_SCAN_ATTEMPTS", "20"))

# --- Email ------------------------------------------------------------------------------
EMAIL_BACKEND = os.environ.get(
    "OLIEVLEK_EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if IS_PRODUCTION
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_HOST = os.environ.get("OLIEVLEK_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("OLIEVLEK_EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("OLIEVLEK_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("OLIEVLEK_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = _env_bool("OLIEVLEK_EMAIL_USE_TLS", False)
# A mail server that does not answer must not hold the task worker forever.
EMAIL_TIMEOUT = int(os.environ.get("OLIEVLEK_EMAIL_TIMEOUT", "30"))
DEFAULT_FROM_EMAIL = os.environ.get(
    "OLIEVLEK_DEFAULT_FROM_EMAIL", "Olievlek <noreply@olievlek.test>"
)

# --- Background tasks (django-tasks, database backend) ------------------------------------
TASKS = {
    "default": {
        "BACKEND": os.environ.get("OLIEVLEK_TASK_BACKEND", "django_tasks_db.DatabaseBackend")
    }
}

# --- API (DRF + drf-spectacular, Logius REST API Design Rules) --------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "olievlek.accounts.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticatedOrReadOnly"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PAGINATION_CLASS": "olievlek.site.api.Pagination",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "olievlek.site.api.problem_exception_handler",
    "DEFAULT_THROTTLE_CLASSES": ["olievlek.site.throttle.ApiRateThrottle"],
    "PAGE_SIZE": 20,
}
# Requests per client address (anonymous) or per account ("count/period", see
# site/throttle.py); the project team's scripts get the most room.
OLIEVLEK_API_THROTTLE_RATES = {
    "anon": os.environ.get("OLIEVLEK_API_RATE_ANON", "120/m"),
    "member": os.environ.get("OLIEVLEK_API_RATE_MEMBER", "300/m"),
    "staff": os.environ.get("OLIEVLEK_API_RATE_STAFF", "1200/m"),
}
# POSTs of the forms anyone can reach, per client address; `.email` per recipient of the
# confirmation mail, so nobody can flood an inbox.
OLIEVLEK_FORM_THROTTLE_RATES = {
    "signup": os.environ.get("OLIEVLEK_FORM_RATE_SIGNUP", "10/h"),
    "event_registration": os.environ.get("OLIEVLEK_FORM_RATE_EVENT_REGISTRATION", "20/h"),
    "event_registration.email": os.environ.get("OLIEVLEK_FORM_RATE_EVENT_RECIPIENT", "3/h"),
    "campaign_request": os.environ.get("OLIEVLEK_FORM_RATE_CAMPAIGN_REQUEST", "20/h"),
    "manifesto": os.environ.get("OLIEVLEK_FORM_RATE_MANIFESTO", "10/h"),
}
API_VERSION = api_document.API_VERSION
SPECTACULAR_SETTINGS = api_document.SPECTACULAR_SETTINGS

# --- Security -----------------------------------------------------------------------------
SESSION_COOKIE_SECURE = IS_PRODUCTION
CSRF_COOKIE_SECURE = IS_PRODUCTION
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Every page works without inline script or style (templates use static files and CSS
# classes; SVG charts use presentation attributes), so the policy needs no 'unsafe-inline'.
# The API docs (Redoc) is the one exception, relaxed on that view only (site/views.py).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
        "base-uri": [NONE],
        "object-src": [NONE],
    }
}
# Browser features no page uses; see site/middleware.py.
PERMISSIONS_POLICY = {
    "camera": [],
    "microphone": [],
    "geolocation": [],
    "interest-cohort": [],
    "payment": [],
    "usb": [],
    "serial": [],
    "bluetooth": [],
    "midi": [],
    "magnetometer": [],
    "gyroscope": [],
    "accelerometer": [],
    "browsing-topics": [],
}
if IS_PRODUCTION:
    SECURE_SSL_REDIRECT = _env_bool("OLIEVLEK_SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = 31536000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# --- Operations: logs, health, metrics (site/logs.py, site/health.py, site/metrics.py) -------
LOGGING = logging_config(
    log_format=os.environ.get("LOG_FORMAT", "text"),
    level=os.environ.get("OLIEVLEK_LOG_LEVEL", "INFO"),
)
# /health/ready answers 503 when a runnable task has waited longer than this.
OLIEVLEK_READY_QUEUE_MAX_MINUTES = int(os.environ.get("OLIEVLEK_READY_QUEUE_MAX_MINUTES", "15"))
OLIEVLEK_READY_CHECKS = _env_list("OLIEVLEK_READY_CHECKS", "database,cache,tasks")
# A scraper reads /metrics with `Authorization: Bearer <METRICS_TOKEN>`; empty: the team only.
METRICS_TOKEN = os.environ.get("METRICS_TOKEN", "")
