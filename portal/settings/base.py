"""Settings shared by every environment; each optional service is switched on by the environment."""

from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
env.read_env(BASE_DIR / ".env")

DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])

INSTALLED_APPS = [
    "home",
    "search",
    "konferenzen",
    "angebote",
    "sozialatlas",
    "portal",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "wagtailgeowidget",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    # Off unless SQL_QUERY_COUNT_HEADER=1 (make bench); first, so it counts the other middleware's queries too.
    "portal.query_count.QueryCountMiddleware",
    # Before everything that reads the request: no NUL byte reaches the page cache, sessions or a view.
    "portal.middleware.NulBytesMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "portal.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # The anonymous page cache (portal/seitencache.py): stores on the way out, after every inner middleware
    # set its headers and cookies ...
    "portal.seitencache.UpdateCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # ... and answers right after the language is decided, before CSRF, auth, messages, routing and the view.
    "portal.seitencache.FetchFromCacheMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Admin login and password reset: a limited number of attempts per address and per account.
    "portal.middleware.AnmeldeSchutzMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Träger users reach only their pages and dashboard in the admin.
    "angebote.middleware.TraegerAdminMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "portal.context_processors.rahmen",
            ],
        },
    },
]

# Database: an SQLite file unless DATABASE_URL names another (postgres://user@host:5432/name).
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=0))
IS_POSTGRES = DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache, sessions and rate limits: Redis when REDIS_URL is set, else files under CACHE_DIR. Not a per-process
# memory cache: the web server's processes and the task worker must share the page cache's versions
# (portal/seitencache.py), or a publish in one process would leave stale pages and search results in another.
REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env.str("CACHE_KEY_PREFIX", default="sozialatlas"),
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cache"
else:
    CACHES = {
        "default": {
            "BACKEND": "portal.filecache.FileBasedCache",
            "LOCATION": env.str("CACHE_DIR", default=str(BASE_DIR / "var" / "cache")),
            "OPTIONS": {"MAX_ENTRIES": 20000},
        }
    }

# The anonymous page cache (portal/seitencache.py) and, when configured, a reverse proxy or CDN in front
# (portal/cdn.py). Stored pages live until a change raises their version, at most SEITEN_CACHE_TIMEOUT.
CACHE_MIDDLEWARE_KEY_PREFIX = "seite"
SEITEN_CACHE_TIMEOUT = env.int("SEITEN_CACHE_TIMEOUT", default=24 * 60 * 60)
SEITEN_CACHE_AUSGENOMMEN = ("/admin/", "/django-admin/", "/healthz/")
# Off by default: FRONTEND_CACHE_URL (a proxy taking HTTP PURGE, e.g. Varnish or nginx) or Cloudflare's zone
# and API token. Only then do pages carry an s-maxage and every change purges the public pages.
WAGTAILFRONTENDCACHE = {}
if FRONTEND_CACHE_URL := env.str("FRONTEND_CACHE_URL", default=""):
    WAGTAILFRONTENDCACHE["proxy"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": FRONTEND_CACHE_URL,
    }
if CLOUDFLARE_ZONE_ID := env.str("CLOUDFLARE_ZONE_ID", default=""):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": env.str("CLOUDFLARE_BEARER_TOKEN"),
        "ZONEID": CLOUDFLARE_ZONE_ID,
    }
if WAGTAILFRONTENDCACHE:
    INSTALLED_APPS += ["wagtail.contrib.frontend_cache"]
CDN_S_MAXAGE = env.int("CDN_S_MAXAGE", default=60 * 60 if WAGTAILFRONTENDCACHE else 0)

# Background work (django-tasks): RQ on Redis when configured, else the database queue
# that `make run` starts a worker for. Tests override this with the immediate backend.
if REDIS_URL:
    INSTALLED_APPS += ["django_rq", "django_tasks_rq"]
    RQ_QUEUES = {"default": {"URL": REDIS_URL}}
    TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
else:
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Search: Wagtail's database backend (SQLite FTS5 / PostgreSQL full text with the German configuration
# that search/migrations/0002 creates) unless ELASTICSEARCH_URL points at an Elasticsearch or OpenSearch
# cluster; then Wagtail's backend gets German analysis and the Angebote use angebote/suche/elasticsearch.py.
ELASTICSEARCH_URL = env.str("ELASTICSEARCH_URL", default="")
ELASTICSEARCH_INDEX = env.str("ELASTICSEARCH_INDEX", default="sozialatlas")
if ELASTICSEARCH_URL:
    from angebote.suche.analyse import index_settings

    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": env.str("ELASTICSEARCH_BACKEND", default="wagtail.search.backends.elasticsearch8"),
            "URLS": [ELASTICSEARCH_URL],
            "INDEX": ELASTICSEARCH_INDEX,
            "TIMEOUT": 10,
            "INDEX_SETTINGS": index_settings(),
        }
    }
else:
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
    if IS_POSTGRES:
        WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"] = "sozialatlas_deutsch"

# The register search's engine class (angebote/suche/): the cluster when there is one, else the
# database's own full text.
if ELASTICSEARCH_URL:
    _ANGEBOTE_ENGINE = "angebote.suche.elasticsearch.ElasticsearchEngine"
elif IS_POSTGRES:
    _ANGEBOTE_ENGINE = "angebote.suche.postgresql.PostgreSQLEngine"
else:
    _ANGEBOTE_ENGINE = "angebote.suche.sqlite.SQLiteEngine"
ANGEBOTE_SEARCH_ENGINE = env.str("ANGEBOTE_SEARCH_ENGINE", default=_ANGEBOTE_ENGINE)
# Searches without results are kept per wording and day for this many days (search/protokoll.py).
SUCHE_PROTOKOLL_TAGE = env.int("SUCHE_PROTOKOLL_TAGE", default=90)
# Träger confirm their Angebote at least this often (angebote_erinnerung, report, public hint).
ANGEBOTE_PRUEFINTERVALL_MONATE = env.int("ANGEBOTE_PRUEFINTERVALL_MONATE", default=12)
# Where »Seite schnell verlassen« on pages about violence leads (replaces the page in the history).
ANGEBOTE_SCHNELL_WEG_URL = env.str("ANGEBOTE_SCHNELL_WEG_URL", default="https://www.google.de/")

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# The citizen side speaks six languages; German is the source and keeps its URLs without a prefix
# (portal/urls.py), the others are served under /en/, /tr/, /ar/, /uk/, /ru/. Each language is named in
# itself (the language switcher shows these names, untranslated).
LANGUAGE_CODE = "de"
LANGUAGES = [
    ("de", "Deutsch"),
    ("en", "English"),
    ("tr", "Türkçe"),
    ("ar", "العربية"),
    ("uk", "Українська"),
    ("ru", "Русский"),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
# Uploaded import files wait here between dry run and import: never below MEDIA_ROOT, no URL.
IMPORT_ROOT = env.path("IMPORT_ROOT", default=BASE_DIR / "var" / "importe")
IMPORT_STORAGE = {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": IMPORT_ROOT}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "importe": IMPORT_STORAGE,
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

EMAIL_BACKEND = env.str("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="sozialplanung@example.org")

# Admin login and password reset: attempts per address and per account name, and the window's length.
ANMELDUNG_VERSUCHE_JE_FENSTER = env.int("ANMELDUNG_VERSUCHE_JE_FENSTER", default=10)
ANMELDUNG_FENSTER_SEKUNDEN = env.int("ANMELDUNG_FENSTER_SEKUNDEN", default=900)

# Wagtail
WAGTAIL_SITE_NAME = env.str("WAGTAIL_SITE_NAME", default="Sozialatlas-Portal")
WAGTAILADMIN_BASE_URL = env.str("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
# Translated page trees per locale (wagtail-localize in the admin); the Locale rows come from
# home/migrations (one per content language).
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_USER_LOGIN_FORM = "portal.forms.AnmeldeForm"
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
# No avatar requests to gravatar.com from the admin (privacy: no third-party request unasked).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILADMIN_PERMITTED_LANGUAGES = [("de", "Deutsch"), ("en", "English")]
WAGTAIL_USER_TIME_ZONES = ["Europe/Berlin"]
# webm/mp4 and vtt: the self-hosted Gebärdensprache videos and their captions.
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx", "ods", "webm", "mp4", "vtt"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILEMBEDS_RESPONSIVE_HTML = True

# Maps: tiles are requested only after a person clicks "Karte laden" (privacy, docs/design.md).
MAP_TILE_URL = env.str("MAP_TILE_URL", default="https://tile.openstreetmap.org/{z}/{x}/{y}.png")
MAP_TILE_ATTRIBUTION = env.str(
    "MAP_TILE_ATTRIBUTION", default="© OpenStreetMap-Mitwirkende (openstreetmap.org/copyright)"
)
GEO_WIDGET_DEFAULT_LOCATION = {"lat": 53.94, "lng": 10.31}
GEO_WIDGET_ZOOM = 10
# The editor's map stays hidden (no tile request) until the coordinates field gets the focus.
GEO_WIDGET_EMPTY_LOCATION = True
GEO_WIDGET_LEAFLET_TILE_LAYER = MAP_TILE_URL
GEO_WIDGET_LEAFLET_TILE_LAYER_OPTIONS = {"attribution": MAP_TILE_ATTRIBUTION}

# Admin uploads larger than this run as a background task with a progress page.
IMPORT_HINTERGRUND_AB_BYTES = env.int("IMPORT_HINTERGRUND_AB_BYTES", default=1024 * 1024)
# An uploaded file whose dry run nobody confirms is deleted after this many hours.
IMPORT_AUFBEWAHRUNG_STUNDEN = env.int("IMPORT_AUFBEWAHRUNG_STUNDEN", default=24)

# Sozialatlas: counts below this are suppressed (disclosure control).
ATLAS_MIN_FALLZAHL = env.int("ATLAS_MIN_FALLZAHL", default=3)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="WARNING")},
}

# Planungskonferenzen: Beiträge and support attempts per client and window (database counters,
# portal/ratenlimit.py), and how many days after a conference's participation window closed the authors'
# names and email addresses are wiped (beitraege_bereinigen).
KONFERENZEN_BEITRAEGE_JE_FENSTER = env.int("KONFERENZEN_BEITRAEGE_JE_FENSTER", default=5)
KONFERENZEN_UNTERSTUETZUNGEN_JE_FENSTER = env.int("KONFERENZEN_UNTERSTUETZUNGEN_JE_FENSTER", default=20)
KONFERENZEN_FENSTER_SEKUNDEN = env.int("KONFERENZEN_FENSTER_SEKUNDEN", default=600)
KONFERENZEN_AUFBEWAHRUNG_TAGE = env.int("KONFERENZEN_AUFBEWAHRUNG_TAGE", default=180)
# Reverse proxies in front of the app that append to X-Forwarded-For (0: use REMOTE_ADDR).
KONFERENZEN_PROXYS = env.int("KONFERENZEN_PROXYS", default=0)
