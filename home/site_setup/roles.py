"""The roles of docs/design.md as Django groups with Wagtail permissions; `setup_roles` applies them."""

from django.contrib.auth.models import Group, Permission

from wagtail.models import Collection, GroupApprovalTask, GroupCollectionPermission, GroupPagePermission, Page

from angebote.rechte import traeger_rechte_einrichten
from portal.roles import REDAKTION, SOZIALPLANUNG
from sozialatlas.freigabe import indikator_workflow_einrichten

# Model permissions per role, as "app_label.codename".
ROLE_PERMISSIONS = {
    REDAKTION: [
        "wagtailadmin.access_admin",
        "sozialatlas.add_raum",
        "sozialatlas.change_raum",
        "sozialatlas.delete_raum",
        "portal.change_portaleinstellungen",
        "wagtailsearchpromotions.add_query",
        "wagtailsearchpromotions.change_query",
        "wagtailsearchpromotions.delete_query",
        "search.view_sucheohnetreffer",
        "wagtailredirects.add_redirect",
        "wagtailredirects.change_redirect",
        "wagtailredirects.delete_redirect",
        # Sozialatlas: the indicator catalogue and its release.
        "sozialatlas.add_handlungsfeld",
        "sozialatlas.change_handlungsfeld",
        "sozialatlas.delete_handlungsfeld",
        "sozialatlas.add_teilbereich",
        "sozialatlas.change_teilbereich",
        "sozialatlas.delete_teilbereich",
        "sozialatlas.add_indikator",
        "sozialatlas.change_indikator",
        "sozialatlas.delete_indikator",
        "sozialatlas.publish_indikator",
        # Angebote: the register's vocabulary.
        "angebote.add_angebotpage",
        "angebote.add_thema",
        "angebote.change_thema",
        "angebote.add_zielgruppe",
        "angebote.change_zielgruppe",
        "angebote.add_sprache",
        "angebote.change_sprache",
    ],
    SOZIALPLANUNG: [
        "wagtailadmin.access_admin",
        "sozialatlas.add_raum",
        "sozialatlas.change_raum",
        # Räume as planners define them: Raumgliederungen of Fachplanungen, Handlungs- and Zuständigkeitsräume.
        "sozialatlas.add_raumgliederung",
        "sozialatlas.change_raumgliederung",
        "sozialatlas.delete_raumgliederung",
        # Sozialatlas: import values; propose indicator changes as drafts.
        "sozialatlas.add_wert",
        "sozialatlas.change_wert",
        "sozialatlas.change_indikator",
        # GENESIS statistics: which measure of the statistical offices feeds which Indikator.
        "sozialatlas.add_genesiszuordnung",
        "sozialatlas.change_genesiszuordnung",
        "sozialatlas.delete_genesiszuordnung",
        "sozialatlas.view_genesiszuordnung",
        # Planungskonferenzen: moderate Beiträge, manage Handlungsempfehlungen.
        "konferenzen.view_beitrag",
        "konferenzen.change_beitrag",
        "konferenzen.add_handlungsempfehlung",
        "konferenzen.change_handlungsempfehlung",
        "konferenzen.delete_handlungsempfehlung",
        "konferenzen.view_handlungsempfehlung",
        "konferenzen.add_planungsbezug",
        "konferenzen.change_planungsbezug",
        "konferenzen.view_planungsbezug",
    ],
}

# Wagtail page permissions on the whole tree (below the site's home page).
ROLE_PAGE_PERMISSIONS = {
    REDAKTION: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page", "bulk_delete_page"],
    SOZIALPLANUNG: [],
}

ROLE_COLLECTION_PERMISSIONS = {
    REDAKTION: [
        "wagtailimages.add_image",
        "wagtailimages.change_image",
        "wagtailimages.choose_image",
        "wagtaildocs.add_document",
        "wagtaildocs.change_document",
        "wagtaildocs.choose_document",
    ],
    SOZIALPLANUNG: ["wagtailimages.choose_image", "wagtaildocs.add_document", "wagtaildocs.choose_document"],
}


# Wagtail's starter groups, created by its migrations with page rights on the whole tree and every
# collection. The roles above replace them.
WAGTAIL_STARTERGRUPPEN = ("Editors", "Moderators")


def wagtail_startergruppen_entfernen(redaktion: Group):
    """Delete Wagtail's starter groups, or, where someone was put into one, take away their rights on the
    whole tree and every collection. A review task only such a group could approve goes to the Redaktion."""
    for group in Group.objects.filter(name__in=WAGTAIL_STARTERGRUPPEN):
        for task in GroupApprovalTask.objects.filter(groups=group):
            task.groups.add(redaktion)
            task.groups.remove(group)
        if group.user_set.exists():
            GroupPagePermission.objects.filter(group=group).delete()
            GroupCollectionPermission.objects.filter(group=group).delete()
        else:
            group.delete()


def get_permission(dotted):
    app_label, codename = dotted.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def setup_roles(home_page: Page | None = None) -> list[Group]:
    """Create or update the role groups; safe to run any number of times."""
    home_page = home_page or Page.objects.get(depth=2)
    root_collection = Collection.get_first_root_node()
    groups = []
    for name, permissions in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*[get_permission(p) for p in permissions])
        for codename in ROLE_PAGE_PERMISSIONS[name]:
            GroupPagePermission.objects.get_or_create(
                group=group, page=home_page, permission=get_permission(f"wagtailcore.{codename}")
            )
        for dotted in ROLE_COLLECTION_PERMISSIONS[name]:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=get_permission(dotted)
            )
        groups.append(group)
    wagtail_startergruppen_entfernen(Group.objects.get(name=REDAKTION))
    # The review workflows the roles take part in: indicator release and "Freigabe durch Redaktion"
    # with a group per Träger.
    indikator_workflow_einrichten(REDAKTION)
    traeger_rechte_einrichten()
    return groups
