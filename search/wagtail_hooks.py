"""Registers the site search's own groups and the editors' report of searches without results."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from portal.import_views import PermissionMenuItem

from . import gruppen
from .berichte import PERMISSION, SucheOhneTrefferReport
from .suche import HOOK, weitere_seiten

for gruppe in (gruppen.angebote, gruppen.indikatoren, gruppen.konferenzen, weitere_seiten):
    hooks.register(HOOK, gruppe)


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path("reports/suche-ohne-treffer/", SucheOhneTrefferReport.as_view(), name="suche_ohne_treffer"),
        path(
            "reports/suche-ohne-treffer/results/",
            SucheOhneTrefferReport.as_view(results_only=True),
            name="suche_ohne_treffer_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    return PermissionMenuItem(
        _("Suchen ohne Treffer"), reverse("suche_ohne_treffer"), icon_name="search", order=900, permission=PERMISSION
    )
