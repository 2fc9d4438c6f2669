"""URL configuration: admin, documents, site search, sitemap, then Wagtail's page tree."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from django.views.generic import TemplateView

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from portal.views import healthz
from search import views as search_views

urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("suche/", search_views.search, name="search"),
    path("suche/vorschlaege/", search_views.vorschlaege, name="search_vorschlaege"),
    path("healthz/", healthz, name="healthz"),
    path("api/hsds/", include("angebote.urls")),
    path("sitemap.xml", sitemap),
    path("robots.txt", TemplateView.as_view(template_name="robots.txt", content_type="text/plain")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include("sozialatlas.urls"))]
urlpatterns += [path("", include(wagtail_urls))]
