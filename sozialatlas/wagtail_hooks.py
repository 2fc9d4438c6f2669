"""Admin for the atlas: Räume and the indicator catalogue as snippets, and the import uploads."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views import View

from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from portal.import_views import ImportView, PermissionMenuItem, UploadForm

from . import freigabe
from .genesis import GenesisImporter
from .imports import IndikatorImporter, RaumImporter, WertImporter
from .models import GenesisZuordnung, Handlungsfeld, Indikator, Raum, Teilbereich
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


class GenesisZuordnungViewSet(SnippetViewSet):
    model = GenesisZuordnung
    icon = "link"
    menu_label = _("GENESIS-Zuordnungen")
    list_display = ["statistik", "merkmal", "auspraegungen", "indikator"]
    search_fields = ["statistik", "merkmal"]
    search_backend_name = None


class SozialatlasViewSetGroup(SnippetViewSetGroup):
    items = (IndikatorViewSet, TeilbereichViewSet, HandlungsfeldViewSet, GenesisZuordnungViewSet)
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

    @classmethod
    def make_importer(cls, files, user):
        return WertImporter(user=user)


class GenesisImportView(ImportView):
    importer_class = GenesisImporter
    title = _("GENESIS-Daten importieren")
    permission = "sozialatlas.add_wert"

    @classmethod
    def make_importer(cls, files, user):
        return GenesisImporter(user=user)


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


FREIGABE_RECHT = "sozialatlas.change_wert"


class WerteFreigabeView(View):
    """Sozialplanung's release of values: pending Indikatoren and Stichtage with their completeness and a
    preview, released ones with who released them when; release and withdrawal are audit-logged."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(FREIGABE_RECHT):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        title = _("Werte freigeben")
        return TemplateResponse(
            request,
            "sozialatlas/admin/werte_freigabe.html",
            {
                "offen": freigabe.stichtagsstaende(freigegeben=False),
                "freigegeben": freigabe.stichtagsstaende(freigegeben=True)[:200],
                "page_title": title,
                "header_title": title,
            },
        )

    def post(self, request):
        from .auswertung import parse_datum

        paare = []
        for text in request.POST.getlist("paar"):
            indikator_id, _sep, tag = text.partition(":")
            stichtag = parse_datum(tag)
            if indikator_id.isdigit() and stichtag:
                paare.append((int(indikator_id), stichtag))
        indikatoren = Indikator.objects.in_bulk({i for i, _t in paare})
        zuruecknehmen = request.POST.get("aktion") == "zuruecknehmen"
        anzahl = 0
        for indikator_id, stichtag in paare:
            indikator = indikatoren.get(indikator_id)
            if indikator is None:
                continue
            if zuruecknehmen:
                anzahl += freigabe.freigabe_zuruecknehmen(indikator, stichtag, request.user)
            else:
                freigabe.werte_freigeben(indikator, stichtag, request.user)
                anzahl += 1
        if zuruecknehmen:
            text = ngettext("%(n)s Freigabe zurückgenommen.", "%(n)s Freigaben zurückgenommen.", anzahl)
        else:
            text = ngettext("%(n)s Stichtag freigegeben.", "%(n)s Stichtage freigegeben.", anzahl)
        (messages.success if anzahl else messages.warning)(request, text % {"n": anzahl})
        return redirect("sozialatlas_werte_freigabe")


class WerteVorschauView(WerteFreigabeView):
    """The ranking and table of one Indikator on one Stichtag, released or not: the admin preview."""

    def get(self, request, indikator_id, stichtag):
        from .auswertung import indikator_ansicht, parse_datum

        indikator = get_object_or_404(Indikator, pk=indikator_id)
        tag = parse_datum(stichtag)
        if tag is None:
            raise Http404
        ansicht = indikator_ansicht(indikator, ebene=request.GET.get("ebene"), stichtag=tag, vorschau=True)
        if ansicht.stichtag != tag:
            raise Http404
        title = _("Vorschau: %(name)s") % {"name": indikator.name}
        staende = freigabe.stichtagsstaende(indikator=indikator)
        return TemplateResponse(
            request,
            "sozialatlas/admin/werte_vorschau.html",
            {
                "indikator": indikator,
                "ansicht": ansicht,
                "stand": next((s for s in staende if s.stichtag == tag), None),
                "page_title": title,
                "header_title": title,
            },
        )

    def post(self, request, *args, **kwargs):
        raise PermissionDenied


class WertFreigabeFormatter(LogFormatter):
    label = _("Werte freigegeben")

    def format_message(self, log_entry):
        return _("Werte zum Stichtag %(datum)s freigegeben") % {"datum": _datum(log_entry.data.get("stichtag"))}


class WertZuruecknahmeFormatter(LogFormatter):
    label = _("Freigabe von Werten zurückgenommen")

    def format_message(self, log_entry):
        text = _("Freigabe der Werte zum Stichtag %(datum)s zurückgenommen") % {
            "datum": _datum(log_entry.data.get("stichtag"))
        }
        grund = log_entry.data.get("grund")
        return f"{text}: {grund}" if grund else text


def _datum(iso):
    from .auswertung import parse_datum
    from .figuren import datum

    tag = parse_datum(iso)
    return datum(tag) if tag else iso


@hooks.register("register_log_actions")
def register_freigabe_log_actions(actions):
    actions.register_action(freigabe.AKTION_FREIGEGEBEN)(WertFreigabeFormatter)
    actions.register_action(freigabe.AKTION_ZURUECKGENOMMEN)(WertZuruecknahmeFormatter)


IMPORTE = [
    ("raeume", RaumImportView, _("Räume importieren"), "sozialatlas.add_raum", 310),
    ("indikatoren", IndikatorImportView, _("Indikatoren importieren"), "sozialatlas.add_indikator", 330),
    ("werte", WertImportView, _("Werte importieren"), "sozialatlas.add_wert", 340),
    ("genesis", GenesisImportView, _("GENESIS-Daten importieren"), "sozialatlas.add_wert", 342),
]


@hooks.register("register_admin_urls")
def register_import_urls():
    return [
        *[path(f"import/{name}/", view.as_view(), name=f"sozialatlas_import_{name}") for name, view, *_ in IMPORTE],
        path("raumgliederung/", RaumgliederungView.as_view(), name="sozialatlas_raumgliederung"),
        path("werte-freigeben/", WerteFreigabeView.as_view(), name="sozialatlas_werte_freigabe"),
        path(
            "werte-freigeben/vorschau/<int:indikator_id>/<str:stichtag>/",
            WerteVorschauView.as_view(),
            name="sozialatlas_werte_vorschau",
        ),
    ]


def _menu_item(name, label, permission, order):
    @hooks.register("register_daten_import_menu_item")  # the »Daten importieren« menu of portal/
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


@hooks.register("register_admin_menu_item")
def register_werte_freigabe_menu_item():
    return PermissionMenuItem(
        _("Werte freigeben"),
        reverse("sozialatlas_werte_freigabe"),
        icon_name="tick-inverse",
        order=345,
        permission=FREIGABE_RECHT,
    )


# Raumgliederungen: their snippet and check live in their own module.
from .gliederung_admin import RaumgliederungViewSet  # noqa: E402

register_snippet(RaumgliederungViewSet)
