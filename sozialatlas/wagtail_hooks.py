"""Admin for the atlas: Räume and the indicator catalogue as snippets, and the import uploads."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views import View

from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from portal.import_views import ImportView, PermissionMenuItem, UploadForm

from .imports import IndikatorImporter, RaumImporter, WertImporter
from .models import Handlungsfeld, Indikator, Raum, Teilbereich
from .raumgliederung import gliederungsluecken


class RaumFilterSet(WagtailFilterSet):
    class Meta:
        model = Raum
        fields = ["ebene"]


class RaumViewSet(SnippetViewSet):
    model = Raum
    icon = "site"
    menu_label = _("Räume")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "schluessel", "ebene", "parent"]
    filterset_class = RaumFilterSet
    search_fields = ["name", "schluessel"]
    search_backend_name = None
    ordering = ["ebene", "name"]


register_snippet(RaumViewSet)


class HandlungsfeldViewSet(SnippetViewSet):
    model = Handlungsfeld
    icon = "folder-open-inverse"
    menu_label = _("Handlungsfelder")
    list_display = ["nr", "name"]
    search_fields = ["name"]
    search_backend_name = None
    ordering = ["nr", "name"]


class TeilbereichFilterSet(WagtailFilterSet):
    class Meta:
        model = Teilbereich
        fields = ["handlungsfeld"]


class TeilbereichViewSet(SnippetViewSet):
    model = Teilbereich
    icon = "folder-inverse"
    menu_label = _("Teilbereiche")
    list_display = ["nr", "name", "handlungsfeld"]
    filterset_class = TeilbereichFilterSet
    search_fields = ["name"]
    search_backend_name = None
    ordering = ["nr", "name"]


class IndikatorFilterSet(WagtailFilterSet):
    class Meta:
        model = Indikator
        fields = ["teilbereich__handlungsfeld", "teilbereich", "einheit", "live"]


class IndikatorViewSet(SnippetViewSet):
    model = Indikator
    icon = "table"
    menu_label = _("Indikatoren")
    list_display = ["nr", "name", "slug", "einheit", "pruefstatus"]
    filterset_class = IndikatorFilterSet
    search_fields = ["name", "slug", "nr"]
    search_backend_name = None
    ordering = ["nr", "name"]


class SozialatlasViewSetGroup(SnippetViewSetGroup):
    items = (IndikatorViewSet, TeilbereichViewSet, HandlungsfeldViewSet)
    menu_icon = "table"
    menu_label = _("Datenkatalog")
    menu_order = 320


register_snippet(SozialatlasViewSetGroup)


class RaumUploadForm(UploadForm):
    geojson = forms.FileField(label=_("Flächen (GeoJSON, optional)"), required=False)


class RaumImportView(ImportView):
    importer_class = RaumImporter
    form_class = RaumUploadForm
    title = _("Räume importieren")
    permission = "sozialatlas.add_raum"

    @classmethod
    def make_importer(cls, files, user):
        return RaumImporter(geojson=files.get("geojson"))


class IndikatorImportView(ImportView):
    importer_class = IndikatorImporter
    title = _("Indikatoren importieren")
    permission = "sozialatlas.add_indikator"

    @classmethod
    def make_importer(cls, files, user):
        return IndikatorImporter(user=user)


class WertImportView(ImportView):
    importer_class = WertImporter
    title = _("Werte importieren")
    permission = "sozialatlas.add_wert"


class RaumgliederungView(View):
    """The partition report for editors: which Räume leave a gap in the level above."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("sozialatlas.change_raum"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        title = _("Raumgliederung prüfen")
        return TemplateResponse(
            request,
            "sozialatlas/admin/raumgliederung.html",
            {"luecken": gliederungsluecken(), "page_title": title, "header_title": title},
        )


IMPORTE = [
    ("raeume", RaumImportView, _("Räume importieren"), "sozialatlas.add_raum", 310),
    ("indikatoren", IndikatorImportView, _("Indikatoren importieren"), "sozialatlas.add_indikator", 330),
    ("werte", WertImportView, _("Werte importieren"), "sozialatlas.add_wert", 340),
]


@hooks.register("register_admin_urls")
def register_import_urls():
    return [
        *[path(f"import/{name}/", view.as_view(), name=f"sozialatlas_import_{name}") for name, view, *_ in IMPORTE],
        path("raumgliederung/", RaumgliederungView.as_view(), name="sozialatlas_raumgliederung"),
    ]


def _menu_item(name, label, permission, order):
    @hooks.register("register_admin_menu_item")
    def register():
        return PermissionMenuItem(
            label, reverse(f"sozialatlas_import_{name}"), icon_name="upload", order=order, permission=permission
        )

    return register


for _name, _view, _label, _permission, _order in IMPORTE:
    _menu_item(_name, _label, _permission, _order)


@hooks.register("register_admin_menu_item")
def register_raumgliederung_menu_item():
    return PermissionMenuItem(
        _("Raumgliederung prüfen"),
        reverse("sozialatlas_raumgliederung"),
        icon_name="site",
        order=315,
        permission="sozialatlas.change_raum",
    )
