"""Admin for the atlas: Räume and the indicator catalogue as snippets, and the import uploads."""

from pathlib import Path

from django_tasks.base import TaskResultStatus
from django_tasks.exceptions import TaskResultDoesNotExist

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
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
from .tasks import werte_importieren_task


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

    def make_importer(self, files):
        return RaumImporter(geojson=files.get("geojson"))


class IndikatorImportView(ImportView):
    importer_class = IndikatorImporter
    title = _("Indikatoren importieren")
    permission = "sozialatlas.add_indikator"

    def make_importer(self, files):
        return IndikatorImporter(user=self.request.user)


class WertImportView(ImportView):
    """A confirmed Werte file is imported in the background where the task backend can report back
    (database or RQ queue); the upload then shows the task's status page. The dry run stays immediate."""

    importer_class = WertImporter
    title = _("Werte importieren")
    permission = "sozialatlas.add_wert"

    def confirm(self, token):
        if not werte_importieren_task.get_backend().supports_get_result:
            return super().confirm(token)
        files = self.request.session.pop(f"import-{token}", None)
        if not files or not all(Path(p).name.startswith(token) for p in files.values()):
            messages.error(
                self.request, _("Die hochgeladene Datei ist nicht mehr vorhanden. Bitte laden Sie sie erneut hoch.")
            )
            return redirect(self.request.path)
        result = werte_importieren_task.enqueue(files["datei"])
        return redirect("sozialatlas_import_werte_status", result_id=result.id)


class WertImportStatusView(View):
    template_name = "sozialatlas/admin/import_status.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("sozialatlas.add_wert"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, result_id):
        try:
            result = werte_importieren_task.get_result(result_id)
        except (TaskResultDoesNotExist, ValueError, ValidationError) as exc:
            raise Http404 from exc
        fertig = result.is_finished
        title = _("Werte importieren")
        return TemplateResponse(
            request,
            self.template_name,
            {
                "task_result": result,
                "fertig": fertig,
                "ergebnis": result.return_value if result.status == TaskResultStatus.SUCCESSFUL else None,
                "fehlgeschlagen": result.status == TaskResultStatus.FAILED,
                "page_title": title,
                "header_title": title,
                "upload_url": reverse("sozialatlas_import_werte"),
            },
        )


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
        path(
            "import/werte/status/<str:result_id>/",
            WertImportStatusView.as_view(),
            name="sozialatlas_import_werte_status",
        ),
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
