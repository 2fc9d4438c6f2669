"""Träger users reach in the admin only what their work needs: their pages, the dashboard, choosers and
their account. Wagtail's page permissions already limit every page view to their own subtree; this closes
the areas that Wagtail opens to any admin user (site history, aging pages, …)."""

from wagtail.admin.auth import permission_denied

from .traeger_admin import ist_traeger_nutzer

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
}
# Page chooser (links in rich text) and the admin API's page endpoints (the sidebar explorer); both list
# only pages the user may explore.
ERLAUBTE_PRAEFIXE = ("wagtailadmin_choose_page", "wagtailadmin_password_reset", "wagtailadmin_api:pages")


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
        if match is None or traeger_darf(match) or not ist_traeger_nutzer(request.user):
            return None
        return permission_denied(request)
