"""Admin of Raumgliederungen: a snippet with its areas inline, and the check of every Gliederung."""

from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views import View

from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.snippets.views.snippets import SnippetViewSet

from .gliederungen import Raumbaum, pruefen
from .models import Raumgliederung

RECHT = "sozialatlas.change_raumgliederung"


class RaumgliederungFilterSet(WagtailFilterSet):
    class Meta:
        model = Raumgliederung
        fields = ["art", "veroeffentlicht"]


class RaumgliederungViewSet(SnippetViewSet):
    model = Raumgliederung
    icon = "site"
    menu_label = _("Raumgliederungen")
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["name", "art", "eigentuemer", "veroeffentlicht"]
    filterset_class = RaumgliederungFilterSet
    search_fields = ["name", "zweck", "eigentuemer"]
    search_backend_name = None
    ordering = ["name"]


class GliederungPruefenView(View):
    """Gaps and overlaps of one Gliederung (or of all, without a pk), as the editors' report."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(RECHT):
            from django.core.exceptions import PermissionDenied

            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, pk=None):
        gliederungen = [get_object_or_404(Raumgliederung, pk=pk)] if pk else list(Raumgliederung.objects.all())
        baum = Raumbaum.laden()
        berichte = [{"gliederung": g, "befunde": pruefen(g, baum=baum)} for g in gliederungen]
        title = _("Raumgliederungen prüfen")
        return TemplateResponse(
            request,
            "sozialatlas/admin/gliederung_pruefen.html",
            {"berichte": berichte, "page_title": title, "header_title": title},
        )


@hooks.register("register_admin_urls")
def register_gliederung_urls():
    return [
        path("raumgliederungen-pruefen/", GliederungPruefenView.as_view(), name="sozialatlas_gliederungen_pruefen"),
        path(
            "raumgliederungen-pruefen/<int:pk>/",
            GliederungPruefenView.as_view(),
            name="sozialatlas_gliederung_pruefen",
        ),
    ]


@hooks.register("register_admin_menu_item")
def register_gliederung_pruefen_menu_item():
    from portal.import_views import PermissionMenuItem

    return PermissionMenuItem(
        _("Raumgliederungen prüfen"),
        reverse("sozialatlas_gliederungen_pruefen"),
        icon_name="site",
        order=316,
        permission=RECHT,
    )
