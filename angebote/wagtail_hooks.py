"""Admin for the register: Themen, Zielgruppen and Sprachen as snippets, the Angebote import upload, and the
Träger self-service (dashboard panel, »Angaben sind aktuell«, shelter capacity, invitations, stale report)."""

from django import forms
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button
from wagtail.log_actions import LogFormatter
from wagtail.models import Page
from wagtail.permissions import policy_registry
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from portal.import_views import ImportView, PermissionMenuItem
from portal.wagtail_hooks import DATEN_IMPORT_HOOK

from .berichte import VeralteteAngeboteView
from .hsds_import import HsdsImporter
from .imports import AngebotImporter
from .kapazitaet import LOG_ACTION as KAPAZITAET_LOG
from .models import Sprache, Thema, ThemaZuordnung, TraegerPage, Zielgruppe
from .pruefung import LOG_ERINNERUNG, LOG_GEPRUEFT
from .traeger_admin import (
    LOG_EINLADUNG,
    IhreAngebotePanel,
    angaben_aktuell,
    einladbare_traeger,
    einladen,
    einladen_uebersicht,
    ist_traeger_nutzer,
    platz_melden_view,
    sichtbare_seiten_ids,
)

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


class ThemaZuordnungViewSet(SnippetViewSet):
    model = ThemaZuordnung
    icon = "link"
    menu_label = _("Themen-Zuordnungen (HSDS)")
    list_display = ["taxonomie", "code", "thema"]
    search_fields = ["taxonomie", "code"]
    search_backend_name = None


class AngeboteGroup(SnippetViewSetGroup):
    items = (ThemaViewSet, ZielgruppeViewSet, SpracheViewSet, ThemaZuordnungViewSet)
    menu_icon = "help"
    menu_label = _("Angebote: Einordnung")
    menu_order = 250


register_snippet(AngeboteGroup)


class AngebotImportView(ImportView):
    importer_class = AngebotImporter
    title = _("Angebote importieren")
    permission = IMPORT_PERMISSION


class HsdsUploadForm(forms.Form):
    datei = forms.FileField(label=_("Datei (Open-Referral-HSDS-JSON)"))


class AngebotHsdsImportView(ImportView):
    """HSDS files of other tools; terms of their taxonomies map to Themen under »Themen-Zuordnungen (HSDS)«."""

    importer_class = HsdsImporter
    form_class = HsdsUploadForm
    title = _("Angebote aus HSDS importieren")
    permission = IMPORT_PERMISSION


@hooks.register("register_admin_urls")
def register_import_urls():
    return [
        path("import/angebote/", AngebotImportView.as_view(), name="angebote_import"),
        path("import/angebote-hsds/", AngebotHsdsImportView.as_view(), name="angebote_import_hsds"),
    ]


@hooks.register(DATEN_IMPORT_HOOK)
def register_import_menu_item():
    return PermissionMenuItem(
        _("Angebote importieren"),
        reverse("angebote_import"),
        icon_name="upload",
        order=260,
        permission=IMPORT_PERMISSION,
    )


@hooks.register(DATEN_IMPORT_HOOK)
def register_hsds_import_menu_item():
    return PermissionMenuItem(
        _("Angebote aus HSDS importieren"),
        reverse("angebote_import_hsds"),
        icon_name="upload",
        order=261,
        permission=IMPORT_PERMISSION,
    )


# --- Träger self-service: dashboard, small actions, invitations, stale report, audit log ---


@hooks.register("construct_homepage_panels")
def traeger_dashboard(request, panels):
    """Träger users see their Angebote first, and only the panels about their own work."""
    if ist_traeger_nutzer(request.user):
        panels[:] = [IhreAngebotePanel(), *(p for p in panels if p.name == "user_objects_in_workflow_moderation")]


@hooks.register("construct_homepage_summary_items")
def traeger_ohne_uebersichtszahlen(request, summary_items):
    if ist_traeger_nutzer(request.user):
        summary_items[:] = []


@hooks.register("construct_page_chooser_queryset")
def traeger_waehlt_nur_eigene_seiten(pages, request):
    """The page chooser (browse and search) offers a Träger user only its own subtree and the way there, not
    another Träger's page titles and drafts."""
    if ist_traeger_nutzer(request.user):
        return pages.filter(id__in=list(sichtbare_seiten_ids(request.user)))
    return pages


@hooks.register("construct_main_menu")
def traeger_menue(request, menu_items):
    """A Träger user needs the page explorer (which starts at its own TraegerPage) and nothing else."""
    if ist_traeger_nutzer(request.user):
        menu_items[:] = [item for item in menu_items if item.name == "explorer"]


@hooks.register("register_admin_urls")
def register_traeger_urls():
    return [
        path("angebote/<int:page_id>/angaben-aktuell/", angaben_aktuell, name="angebote_angaben_aktuell"),
        path("angebote/<int:page_id>/platz/", platz_melden_view, name="angebote_platz_melden"),
        path("angebote/traeger/<int:page_id>/einladen/", einladen, name="angebote_traeger_einladen"),
        path("angebote/traeger/einladen/", einladen_uebersicht, name="angebote_traeger_einladen_uebersicht"),
        path("reports/angebote-ungeprueft/", VeralteteAngeboteView.as_view(), name="angebote_veraltet"),
        path(
            "reports/angebote-ungeprueft/results/",
            VeralteteAngeboteView.as_view(results_only=True),
            name="angebote_veraltet_results",
        ),
    ]


class VeralteteAngeboteMenuItem(MenuItem):
    def is_shown(self, request):
        return policy_registry.get_by_type(Page).user_has_permission(request.user, "publish")


@hooks.register("register_reports_menu_item")
def register_veraltet_menu_item():
    return VeralteteAngeboteMenuItem(
        _("Lange nicht geprüfte Angebote"), reverse("angebote_veraltet"), icon_name="time", order=720
    )


@hooks.register("register_page_listing_more_buttons")
def traeger_einladen_button(page, user, next_url=None):
    if page.specific_class is TraegerPage and page.permissions_for_user(user).can_publish():
        yield Button(
            _("Nutzer*innen einladen"),
            reverse("angebote_traeger_einladen", args=[page.pk]),
            icon_name="group",
            priority=60,
        )


class EinladenMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser or bool(einladbare_traeger(request.user))


@hooks.register("register_settings_menu_item")
def register_einladen_menu_item():
    """Next to »Benutzer«, where an administrator looks for how to give a Träger access."""
    return EinladenMenuItem(
        _("Träger-Nutzer*innen einladen"),
        reverse("angebote_traeger_einladen_uebersicht"),
        icon_name="group",
        order=601,
    )


@hooks.register("register_page_header_buttons")
def traeger_einladen_im_seitenkopf(page, user, view_name, next_url=None):
    """The same action first in the Träger page's own header (edit view and its listing), where an editor
    looks for it, not only as the tenth item of a listing's »…« menu."""
    yield from traeger_einladen_button(page, user, next_url)


class PlatzmeldungFormatter(LogFormatter):
    label = _("Platzmeldung")

    def format_message(self, log_entry):
        if log_entry.data.get("frei"):
            return _("Platzampel: Platz frei gemeldet")
        return _("Platzampel: kein Platz frei gemeldet")


@hooks.register("register_log_actions")
def register_traeger_log_actions(actions):
    actions.register_action(LOG_GEPRUEFT, _("Angaben bestätigt"), _("Angaben als aktuell bestätigt"))
    actions.register_action(LOG_ERINNERUNG, _("Prüferinnerung"), _("Erinnerung an die Prüfung versandt"))
    actions.register_action(LOG_EINLADUNG, _("Einladung"), _("Nutzer*in zum Träger eingeladen"))
    actions.register_action(KAPAZITAET_LOG)(PlatzmeldungFormatter)


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
