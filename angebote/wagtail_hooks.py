"""Admin for the register: Themen, Zielgruppen and Sprachen as snippets, and the Angebote import upload."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from portal.import_views import ImportView, PermissionMenuItem

from .imports import AngebotImporter
from .models import Sprache, Thema, Zielgruppe

IMPORT_PERMISSION = "angebote.add_angebotpage"


class ThemaViewSet(SnippetViewSet):
    model = Thema
    icon = "tag"
    menu_label = _("Themen")
    list_display = ["name", "slug", "sortierung"]
    search_fields = ["name", "suchbegriffe"]
    search_backend_name = None
    ordering = ["sortierung", "name"]


class ZielgruppeViewSet(SnippetViewSet):
    model = Zielgruppe
    icon = "group"
    menu_label = _("Zielgruppen")
    list_display = ["name", "slug"]
    search_fields = ["name"]
    search_backend_name = None


class SpracheViewSet(SnippetViewSet):
    model = Sprache
    icon = "globe"
    menu_label = _("Sprachen")
    list_display = ["name", "code"]
    search_fields = ["name", "code"]
    search_backend_name = None


class AngeboteGroup(SnippetViewSetGroup):
    items = (ThemaViewSet, ZielgruppeViewSet, SpracheViewSet)
    menu_icon = "help"
    menu_label = _("Angebote: Einordnung")
    menu_order = 250


register_snippet(AngeboteGroup)


class AngebotImportView(ImportView):
    importer_class = AngebotImporter
    title = _("Angebote importieren")
    permission = IMPORT_PERMISSION


@hooks.register("register_admin_urls")
def register_import_urls():
    return [path("import/angebote/", AngebotImportView.as_view(), name="angebote_import")]


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return PermissionMenuItem(
        _("Angebote importieren"),
        reverse("angebote_import"),
        icon_name="upload",
        order=260,
        permission=IMPORT_PERMISSION,
    )


@hooks.register("raumprofil_abschnitte")
def raumprofil_angebote(request, raum):
    """The atlas's Raumprofil lists the Angebote located in the Raum and its Teilräume by Thema, and the
    Angebote without Standort (online, by phone) that serve it. Confidential Standorte show only the Ort."""
    from django.template.loader import render_to_string

    from .models import AngebotPage, AngebotStatus, Standort

    raum_ids = raum.mit_teilraeumen_ids()
    angebote = AngebotPage.objects.live().public().exclude(status=AngebotStatus.EINGESTELLT)
    orte = {}
    for standort in Standort.objects.filter(raum_id__in=raum_ids, angebot__in=angebote).select_related("raum"):
        orte.setdefault(standort.angebot_id, set()).add(standort.ort_anzeige)
    for pk in angebote.filter(raum_id__in=raum_ids, standorte__isnull=True).values_list("pk", flat=True):
        orte[pk] = {str(_("ohne festen Standort"))}
    if not orte:
        return None
    themen = {}
    for angebot in angebote.filter(pk__in=orte).prefetch_related("themen").order_by("title"):
        for thema in angebot.themen.all() or [None]:
            themen.setdefault(thema, []).append({"angebot": angebot, "ort": ", ".join(sorted(orte[angebot.pk]))})
    gruppen = sorted(themen.items(), key=lambda t: (t[0] is None, t[0].sortierung if t[0] else 0, str(t[0] or "")))
    html = render_to_string("angebote/includes/raumprofil_angebote.html", {"gruppen": gruppen, "raum": raum}, request)
    return {"titel": _("Angebote in diesem Raum"), "html": html, "reihenfolge": 10}
