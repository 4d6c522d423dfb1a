"""Django settings, derived from :mod:`zorko.config` (never edited per site)."""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import unquote, urlparse

from csp.constants import NONE, SELF

from zorko import config

# Everything Zorko writes (databases, uploads, exports, the secret key) holds personal data:
# readable and writable by the account Zorko runs as, and nobody else.
os.umask(0o077)
CONFIG = config.load()
BASE_DIR = Path(__file__).resolve().parent

SECRET_KEY = CONFIG.secret_key
DEBUG = CONFIG.debug
ZORKO_CLARIFICATION_DAYS = CONFIG.clarification_days
ALLOWED_HOSTS = list(CONFIG.allowed_hosts) + ["testserver"]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "zorko.accounts",
    "zorko.audit",
    "zorko.people",
    "zorko.tasks",
    "zorko.findings",
    "zorko.declarations",
    "zorko.journals",
    "zorko.commission",
    "zorko.program",
    "zorko.candidates",
    "zorko.web",
    "ninja",  # serves its docs page from local static files, not a CDN (the CSP allows only self)
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "zorko.web.middleware.RequestLimitMiddleware",
    "zorko.web.middleware.AuditIpMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "zorko.web.middleware.ZorkoErrorMiddleware",
    "zorko.api.audit.ApiAuditMiddleware",
]

ROOT_URLCONF = "zorko.web.urls"
WSGI_APPLICATION = "zorko.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "zorko.web.context.roles",
            ],
        },
    },
]
FORM_RENDERER = "zorko.web.form_renderer.BootstrapRenderer"  # Bootstrap's classes on every field


def _database(url: str) -> dict[str, object]:
    if not url:
        return {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(CONFIG.sqlite_path),
            # WAL: pages keep reading (a job's progress, lists) while a background job
            # writes a long transaction, such as an import; without it they wait for its end.
            "OPTIONS": {"timeout": 30, "init_command": "PRAGMA journal_mode=WAL;"},
        }
    parsed = urlparse(url)
    if parsed.scheme not in {"postgres", "postgresql"}:
        raise ValueError(f"ZORKO_DATABASE_URL: unsupported scheme {parsed.scheme!r}")
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": unquote(parsed.path.lstrip("/")),
        "USER": unquote(parsed.username or ""),
        "PASSWORD": unquote(parsed.password or ""),
        "HOST": unquote(parsed.hostname or ""),
        "PORT": str(parsed.port or ""),
    }


DATABASES = {"default": _database(CONFIG.database_url)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 8}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

# The interface is Russian only: no language negotiation, so an English browser still gets
# «1 234,56» and «95,6», not «1,234.56».
LANGUAGE_CODE = "ru"
LANGUAGES = [("ru", "Русский")]
TIME_ZONE = "Asia/Novokuznetsk"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = str(CONFIG.data_dir / "static")
# Serve app static files straight from the package: no collectstatic step.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

LOGIN_URL = "/login/"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/login/"

if CONFIG.https:
    # Production: HTTPS ends at a reverse proxy (nginx) that forwards to `zorko serve` on
    # loopback and sets X-Forwarded-Proto; `manage.py check --deploy` passes with these.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = True
    SECURE_HSTS_SECONDS = 365 * 24 * 3600
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True  # only names under Zorko's own host name
    # Entering the browsers' preload list is the domain owner's decision, not one a site makes.
    SILENCED_SYSTEM_CHECKS = ["security.W021"]
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 8 * 3600
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"
# No inline script, handler or style attribute anywhere: scripts and styles come from /static/
# only and data reaches scripts through json_script, so injected markup cannot run.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF], "script-src": [SELF], "style-src": [SELF], "img-src": [SELF, "data:"],
        "font-src": [SELF], "connect-src": [SELF], "object-src": [NONE], "base-uri": [NONE],
        "form-action": [SELF], "frame-ancestors": [NONE],
    },
}
# Forms hold a few short fields; files (imports) are not counted here but in FILE_UPLOAD_*.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 1000
FILE_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {"zorko": {"level": "INFO"}},
}
