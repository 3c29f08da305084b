"""Settings of the standalone host (tests and demo) on real PostgreSQL."""

import os
from pathlib import Path
from urllib.parse import urlsplit

BASE_DIR = Path(__file__).resolve().parent

SECRET_KEY = os.environ.get("SERVICES_SECRET_KEY", "standalone-host-not-for-production")
# Off unless asked for (SERVICES_DEBUG=1): the demo must not answer with debug pages.
DEBUG = os.environ.get("SERVICES_DEBUG", "0") == "1"
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]
# Where the portal may send customers back to (Saleor's setting of the same name).
ALLOWED_CLIENT_HOSTS = ["127.0.0.1", "localhost", "shop.example.com"]


def _database(url: str) -> dict:
    parts = urlsplit(url)
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": parts.path.lstrip("/") or "saleor_services",
        "USER": parts.username or "postgres",
        "PASSWORD": parts.password or "",
        "HOST": parts.hostname or "127.0.0.1",
        "PORT": str(parts.port or 5432),
    }


DATABASES = {
    "default": _database(
        os.environ.get("SERVICES_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/saleor_services")
    )
}

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "saleor_services",
    "standalone",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "standalone.auth.BearerTokenMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "standalone.urls"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ]
        },
    }
]
WSGI_APPLICATION = "standalone.wsgi.application"
STATIC_URL = "static/"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
USE_TZ = True
TIME_ZONE = "UTC"
LANGUAGE_CODE = "en"

EMAIL_BACKEND = os.environ.get(
    "SERVICES_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)

CELERY_BROKER_URL = os.environ.get("SERVICES_REDIS_URL", "redis://127.0.0.1:6379/0")
CELERY_RESULT_BACKEND = CELERY_BROKER_URL
# Tasks run inline unless a worker is running (the demo starts one and turns this off).
CELERY_TASK_ALWAYS_EAGER = os.environ.get("SERVICES_CELERY_EAGER", "1") == "1"
# As in Saleor: an eager task's error stays in its result (so eager retries work).
CELERY_TASK_EAGER_PROPAGATES = False

SALEOR_SERVICES: dict = {}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {
        "saleor_services": {"handlers": ["console"], "level": "INFO"},
        # graphql-core logs every resolver exception, expected refusals included;
        # unexpected ones are logged by the endpoint itself.
        "graphql.execution": {"handlers": [], "level": "CRITICAL", "propagate": False},
    },
}
