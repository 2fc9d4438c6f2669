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
    """The atlas's Raumprofil lists the Angebote in the Raum by Thema (see angebote.blocks.angebote_im_raum)."""
    from django.template.loader import render_to_string

    from .blocks import angebote_im_raum

    gruppen = angebote_im_raum(raum)
    if not gruppen:
        return None
    html = render_to_string("angebote/includes/raumprofil_angebote.html", {"gruppen": gruppen, "raum": raum}, request)
    return {"titel": _("Angebote in diesem Raum"), "html": html, "reihenfolge": 10}
