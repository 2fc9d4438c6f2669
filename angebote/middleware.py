"""Träger users reach in the admin only what their work needs: their pages, the dashboard, choosers and
their account. Wagtail's page permissions limit editing to their own subtree; this closes the areas that
Wagtail opens to any admin user (site history, aging pages, …) and every admin URL that names a page
outside their own subtree and the way to it (the page chooser, a move's confirmation), which would show
another Träger's page titles and drafts. Wagtail checks no permission on these views, and an allowlist keeps
a view that a Wagtail upgrade adds closed too: docs/angebote.md lists what Wagtail leaves open (measured) and
what a Träger user sees."""

from django.db.models import Q

from wagtail.admin.auth import permission_denied
from wagtail.models import Page

from .traeger_admin import ist_traeger_nutzer, sichtbare_seiten_ids, traeger_seiten_aller_sprachen


def _unterhalb(traeger) -> Q:
    bedingung = Q(pk__in=[])
    for seite in traeger:
        bedingung |= Q(path__startswith=seite.path)
    return bedingung


ERLAUBTE_NAMESPACES = {"wagtailadmin_pages", "wagtailadmin_editing_sessions"}
ERLAUBTE_NAMEN = {
    "wagtailadmin_home",
    "wagtailadmin_explore_root",
    "wagtailadmin_explore",
    "wagtailadmin_explore_results",
    "wagtailadmin_tag_autocomplete",
    "wagtailadmin_account",
    "wagtailadmin_logout",
    "wagtailadmin_login",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
    "wagtailadmin_dismissibles",
    "angebote_angaben_aktuell",
    "angebote_platz_melden",
    # wagtail-localize's translation editor on the page edit view of a translated Angebot; each of these
    # views checks that the user may edit the translated page.
    "wagtail_localize:javascript_catalog",
    "wagtail_localize:edit_string_translation",
    "wagtail_localize:edit_override",
    "wagtail_localize:preview_translation",
    "wagtail_localize:download_pofile",
    "wagtail_localize:upload_pofile",
    "wagtail_localize:machine_translate",
}
# Page chooser (links in rich text; its listings are narrowed by the construct_page_chooser_queryset hook)
# and the admin API's page endpoints (the sidebar explorer, which lists only pages the user may explore).
ERLAUBTE_PRAEFIXE = ("wagtailadmin_choose_page", "wagtailadmin_password_reset", "wagtailadmin_api:pages")


# URL parameters that name a page, and the chooser view that takes page ids from the query string.
SEITEN_PARAMETER = ("page_id", "parent_page_id", "page_to_move_id", "destination_id")
AUSGEWAEHLTE_SEITEN = "wagtailadmin_choose_page_chosen_multiple"


def genannte_seiten(request, match) -> list[str]:
    ids = [str(wert) for name, wert in match.kwargs.items() if name in SEITEN_PARAMETER]
    if match.view_name == AUSGEWAEHLTE_SEITEN:
        ids += request.GET.getlist("id")
    return ids


def seiten_sichtbar(request, match) -> bool:
    """Every page the URL names is in the Träger's own subtree or on the way to it; a page to move is in
    its own subtree (the pages above it are the way there, not the Träger's to move)."""
    ids = genannte_seiten(request, match)
    if not ids:
        return True
    if not all(i.isdigit() for i in ids):
        return False
    sichtbar = sichtbare_seiten_ids(request.user)
    zu_bewegen = match.kwargs.get("page_to_move_id")
    if zu_bewegen is not None:
        eigene = traeger_seiten_aller_sprachen(request.user)
        if not Page.objects.filter(pk=zu_bewegen).filter(_unterhalb(eigene)).exists():
            return False
    fremd = {int(i) for i in ids} - sichtbar
    # A page that does not exist reveals nothing: its view answers 404 as for anyone.
    return not fremd or not Page.objects.filter(pk__in=fremd).exists()


def traeger_darf(match) -> bool:
    if not match.route.startswith("admin/"):
        return True
    if ERLAUBTE_NAMESPACES & set(match.namespaces):
        return True
    return match.view_name in ERLAUBTE_NAMEN or match.view_name.startswith(ERLAUBTE_PRAEFIXE)


class TraegerAdminMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or not match.route.startswith("admin/") or not ist_traeger_nutzer(request.user):
            return None
        if traeger_darf(match) and seiten_sichtbar(request, match):
            return None
        return permission_denied(request)
