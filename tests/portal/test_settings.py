"""The environment switches each production part on; production settings pass check --deploy."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def settings_value(expression, **env):
    code = f"import django; django.setup(); from django.conf import settings; print({expression})"
    environment = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL", "ELASTICSEARCH_URL")}
    environment.update(env)
    return subprocess.run(  # noqa: S603
        [sys.executable, "-c", code], cwd=ROOT, env=environment, capture_output=True, text=True, check=True
    ).stdout.strip()


def test_nothing_set_means_sqlite_database_search_and_a_file_cache_all_processes_share():
    env = {"DJANGO_SETTINGS_MODULE": "portal.settings.dev"}
    assert settings_value("settings.DATABASES['default']['ENGINE']", **env) == "django.db.backends.sqlite3"
    assert settings_value("settings.WAGTAILSEARCH_BACKENDS['default']['BACKEND']", **env) == (
        "wagtail.search.backends.database"
    )
    assert "FileBasedCache" in settings_value("settings.CACHES['default']['BACKEND']", **env)
    assert settings_value("settings.TASKS['default']['BACKEND']", **env) == "django_tasks_db.DatabaseBackend"


def test_environment_switches_to_postgres_redis_and_elasticsearch():
    env = {
        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        "DATABASE_URL": "postgres://postgres@db.internal:5432/sozialatlas",
        "REDIS_URL": "redis://cache.internal:6379/0",
        "ELASTICSEARCH_URL": "http://search.internal:9200",
    }
    assert settings_value("settings.DATABASES['default']['ENGINE']", **env) == "django.db.backends.postgresql"
    assert settings_value("settings.DATABASES['default']['HOST']", **env) == "db.internal"
    assert "RedisCache" in settings_value("settings.CACHES['default']['BACKEND']", **env)
    assert settings_value("settings.TASKS['default']['BACKEND']", **env) == "django_tasks_rq.RQBackend"
    assert settings_value("settings.WAGTAILSEARCH_BACKENDS['default']['URLS']", **env) == (
        "['http://search.internal:9200']"
    )


def test_production_settings_pass_check_deploy_with_secret_and_hosts():
    # The browser tests' conftest allows async-unsafe ORM calls in this process; production never does.
    environment = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    environment.update(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY="a-long-random-production-secret-" + "x" * 40,
        ALLOWED_HOSTS="sozialatlas.example.org",
        WAGTAILADMIN_BASE_URL="https://sozialatlas.example.org",
    )
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr + result.stdout


def test_production_settings_refuse_to_start_without_secret_key():
    environment = {k: v for k, v in os.environ.items() if k != "SECRET_KEY"}
    environment.update(DJANGO_SETTINGS_MODULE="portal.settings.production", ALLOWED_HOSTS="x.example.org")
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=environment, capture_output=True, text=True
    )
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_check_deploy_warns_while_admin_emails_would_link_to_the_development_address(settings):
    from portal.checks import admin_basis_url

    for url in ("http://127.0.0.1:8000", "", "http://sozialatlas.example.org", "https://localhost"):
        settings.WAGTAILADMIN_BASE_URL = url
        assert [w.id for w in admin_basis_url(None)] == ["portal.W001"], url
    settings.WAGTAILADMIN_BASE_URL = "https://sozialatlas.example.org"
    assert admin_basis_url(None) == []
