"""Open data file URLs (/atlas/daten/<slug>.csv|.json, katalog.json) handed to the AtlasPage's routes.

Wagtail's page URL pattern allows no dot in a path segment, so these file names need their own pattern."""

from django.urls import re_path

from .views import opendaten

urlpatterns = [
    re_path(
        r"^(?P<seitenpfad>(?:[\w\-]+/)*)daten/(?P<datei>[\w\-]+\.(?:csv|json))$",
        opendaten,
        name="sozialatlas_opendaten",
    ),
]
