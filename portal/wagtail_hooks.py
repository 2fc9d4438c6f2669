"""Admin URLs of the cross-app layer: the status page of import runs."""

from django.urls import path

from wagtail import hooks

from .import_views import import_lauf_status


@hooks.register("register_admin_urls")
def register_import_status_url():
    return [path("import/lauf/<uuid:token>/", import_lauf_status, name="portal_import_lauf")]
