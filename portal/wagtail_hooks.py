"""Admin of the cross-app layer: the status page of import runs, and the one »Daten importieren« menu that
gathers every app's import upload (each app registers its item with the `register_daten_import_menu_item`
hook)."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import Menu, SubmenuMenuItem

from .import_views import import_lauf_status

DATEN_IMPORT_HOOK = "register_daten_import_menu_item"
daten_import_menu = Menu(register_hook_name=DATEN_IMPORT_HOOK)


@hooks.register("register_admin_menu_item")
def register_daten_import_menu():
    """Shown when at least one of its items is (Wagtail hides an empty submenu)."""
    return SubmenuMenuItem(
        _("Daten importieren"), daten_import_menu, icon_name="upload", name="daten-importieren", order=300
    )


@hooks.register("register_admin_urls")
def register_import_status_url():
    return [path("import/lauf/<uuid:token>/", import_lauf_status, name="portal_import_lauf")]
