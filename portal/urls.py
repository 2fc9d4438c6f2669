"""URL configuration: admin, documents, sitemap, the Sozialatlas, then the citizen side in six languages.

The site search and Wagtail's page tree are in i18n_patterns: German without a prefix (every German URL
stays as it was), the other languages under /en/, /tr/, /ar/, /uk/, /ru/ (portal/sprachen.py).
"""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.generic import TemplateView

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.coreutils import WAGTAIL_APPEND_SLASH
from wagtail.documents import urls as wagtaildocs_urls

from portal import sprachen
from portal.views import healthz
from search import views as search_views

urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("healthz/", healthz, name="healthz"),
    path("api/hsds/", include("angebote.urls")),
    path("sitemap.xml", sitemap),
    path("robots.txt", TemplateView.as_view(template_name="robots.txt", content_type="text/plain")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include("sozialatlas.urls"))]

# Wagtail's own utility views (password-protected pages, front-end login) stay unprefixed; its serve
# view is wrapped so that a page without a translation is shown in German (portal/sprachen.py).
urlpatterns += [path("", include([p for p in wagtail_urls.urlpatterns if p.name != "wagtail_serve"]))]
urlpatterns += i18n_patterns(
    path("suche/", search_views.search, name="search"),
    path("suche/vorschlaege/", search_views.vorschlaege, name="search_vorschlaege"),
    re_path(r"^((?:[\w\-]+/)*)$" if WAGTAIL_APPEND_SLASH else r"^([\w\-/]*)$", sprachen.serve, name="wagtail_serve"),
    prefix_default_language=False,
)
