"""Admin for the atlas: Räume as snippets, and the Räume import upload."""

from django import forms
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from portal.import_views import ImportView, PermissionMenuItem, UploadForm

from .imports import RaumImporter
from .models import Raum


class RaumViewSet(SnippetViewSet):
    model = Raum
    icon = "site"
    menu_label = _("Räume")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "schluessel", "ebene", "parent"]
    list_filter = ["ebene"]
    search_fields = ["name", "schluessel"]
    search_backend_name = None
    ordering = ["ebene", "name"]


register_snippet(RaumViewSet)


class RaumUploadForm(UploadForm):
    geojson = forms.FileField(label=_("Flächen (GeoJSON, optional)"), required=False)


class RaumImportView(ImportView):
    importer_class = RaumImporter
    form_class = RaumUploadForm
    title = _("Räume importieren")
    permission = "sozialatlas.add_raum"

    @classmethod
    def make_importer(cls, files):
        return RaumImporter(geojson=files.get("geojson"))


@hooks.register("register_admin_urls")
def register_import_urls():
    return [path("import/raeume/", RaumImportView.as_view(), name="sozialatlas_import_raeume")]


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return PermissionMenuItem(
        _("Räume importieren"),
        reverse("sozialatlas_import_raeume"),
        icon_name="upload",
        order=310,
        permission="sozialatlas.add_raum",
    )
