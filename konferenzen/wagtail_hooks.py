"""Admin for the conferences: the moderation queue, Handlungsempfehlungen ("Planung")."""

from django import forms
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.components import Component
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from portal.import_views import PermissionMenuItem

from .admin_views import (
    BedarfsmatrixView,
    BeitragModerationView,
    ExportView,
    ModerationView,
    PlanungExportView,
    PlanungszelleView,
)
from .empfehlungen import folge_pruefen, status_abgleichen
from .models import Beitrag, BeitragStatus, Handlungsempfehlung, Planungsbezug
from .moderation import MODERATIONSRECHT, darf_moderieren
from .raumprofil import bedarfsmeldungen_abschnitt


class EmpfehlungAdminForm(WagtailAdminModelForm):
    """Refuses stations that do not follow the cycle (e.g. Kreistag before Fachausschuss)."""

    def is_valid(self):
        if not super().is_valid():
            return False
        schritte = [
            (f.cleaned_data["status"], f.cleaned_data["datum"])
            for f in self.formsets["schritte"].forms
            if f.cleaned_data and not f.cleaned_data.get("DELETE")
        ]
        probleme = folge_pruefen(sorted(schritte, key=lambda s: s[1]))
        for problem in probleme:
            self.add_error(None, problem)
        return not probleme


class EmpfehlungFilterSet(WagtailFilterSet):
    class Meta:
        model = Handlungsempfehlung
        fields = ["status", "handlungsfeld", "prioritaet", "konferenz"]


class EmpfehlungViewSet(SnippetViewSet):
    model = Handlungsempfehlung
    icon = "tasks"
    menu_label = _("Handlungsempfehlungen")
    list_display = ["titel", "status", "handlungsfeld", "prioritaet", "aktualisiert_am"]
    filterset_class = EmpfehlungFilterSet
    search_fields = ["titel", "text"]
    search_backend_name = None
    edit_handler = ObjectList(Handlungsempfehlung.panels, base_form_class=EmpfehlungAdminForm)


class PlanungsbezugViewSet(SnippetViewSet):
    model = Planungsbezug
    icon = "link"
    menu_label = _("Themen je Handlungsfeld")
    list_display = ["handlungsfeld"]
    edit_handler = ObjectList(
        [
            FieldPanel("handlungsfeld"),
            FieldPanel("themen", widget=forms.CheckboxSelectMultiple),
            FieldPanel("indikatoren", widget=forms.CheckboxSelectMultiple),
        ]
    )


class PlanungGroup(SnippetViewSetGroup):
    items = (EmpfehlungViewSet, PlanungsbezugViewSet)
    menu_icon = "list-ul"
    menu_label = _("Planung")
    menu_name = "planung"
    menu_order = 250


register_snippet(PlanungGroup)


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def empfehlung_status_nach_speichern(request, instance):
    if isinstance(instance, Handlungsempfehlung):
        status_abgleichen(instance)


hooks.register("raumprofil_abschnitte", bedarfsmeldungen_abschnitt)


@hooks.register("register_admin_urls")
def register_moderation_urls():
    return [
        path("konferenzen/moderation/", ModerationView.as_view(), name="konferenzen_moderation"),
        path("konferenzen/moderation/export/", ExportView.as_view(), name="konferenzen_export"),
        path("konferenzen/bedarfsmatrix/", BedarfsmatrixView.as_view(), name="konferenzen_bedarfsmatrix"),
        path("konferenzen/bedarfsmatrix/export/", PlanungExportView.as_view(), name="konferenzen_planung_export"),
        path(
            "konferenzen/bedarfsmatrix/<int:raum>/<int:feld>/",
            PlanungszelleView.as_view(),
            name="konferenzen_planungszelle",
        ),
        path(
            "konferenzen/moderation/<int:pk>/", BeitragModerationView.as_view(), name="konferenzen_moderation_beitrag"
        ),
    ]


@hooks.register("register_admin_menu_item")
def register_bedarfsmatrix_menu_item():
    return PermissionMenuItem(
        _("Planungsübersicht"),
        reverse("konferenzen_bedarfsmatrix"),
        icon_name="table",
        order=245,
        permission=MODERATIONSRECHT,
    )


@hooks.register("register_admin_menu_item")
def register_moderation_menu_item():
    return PermissionMenuItem(
        _("Beiträge moderieren"),
        reverse("konferenzen_moderation"),
        icon_name="comment",
        order=240,
        permission=MODERATIONSRECHT,
    )


class ModerationPanel(Component):
    """On the admin dashboard of moderators: how many Beiträge wait for a decision."""

    order = 50
    template_name = "konferenzen/admin/moderation_panel.html"

    def get_context_data(self, parent_context):
        return {"wartend": Beitrag.objects.filter(status=BeitragStatus.EINGEREICHT).count()}


@hooks.register("construct_homepage_panels")
def moderation_panel(request, panels):
    if darf_moderieren(request.user):
        panels.append(ModerationPanel())
