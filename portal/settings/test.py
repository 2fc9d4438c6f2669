"""Test settings: fast hashing, tasks run immediately, in-memory mail and media in a temp dir."""

import tempfile

from .base import *  # noqa: F403
from .base import env

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
MEDIA_ROOT = tempfile.mkdtemp(prefix="sozialatlas-test-media-")
IMPORT_ROOT = tempfile.mkdtemp(prefix="sozialatlas-test-importe-")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "importe": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": IMPORT_ROOT}},
}
# Tests must never reach a third party: tiles point at a local address.
MAP_TILE_URL = env.str("MAP_TILE_URL", default="http://127.0.0.1:9/{z}/{x}/{y}.png")
STATIC_ROOT = tempfile.mkdtemp(prefix="sozialatlas-test-static-")
