"""setup_site, setup_roles, load_demo and init_portal build a navigable site, and are idempotent."""

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command

from wagtail.models import GroupPagePermission, Page, Site

from angebote.models import AngebotIndexPage
from home.models import (
    BarrierefreiheitPage,
    BerichtIndexPage,
    DatenschutzPage,
    GebaerdenspracheSeite,
    HomePage,
    ImpressumPage,
    LeichteSprachePage,
)
from home.site_setup import setup_site
from home.site_setup.roles import REDAKTION, SOZIALPLANUNG, setup_roles
from konferenzen.models import KonferenzIndexPage
from portal.models import PortalEinstellungen
from sozialatlas.models import AtlasPage, Raum


@pytest.mark.django_db
def test_setup_site_builds_the_page_tree_of_the_design():
    home = setup_site(kreis_name="Kreis Testhausen")
    site = Site.objects.get(is_default_site=True)
    assert site.root_page.specific == home
    paths = {p.url_path: type(p.specific) for p in home.get_descendants().live()}
    assert paths == {
        "/start/hilfe/": AngebotIndexPage,
        "/start/atlas/": AtlasPage,
        "/start/berichte/": BerichtIndexPage,
        "/start/konferenzen/": KonferenzIndexPage,
        "/start/impressum/": ImpressumPage,
        "/start/datenschutz/": DatenschutzPage,
        "/start/barrierefreiheit/": BarrierefreiheitPage,
        "/start/leichte-sprache/": LeichteSprachePage,
        "/start/leichte-sprache/was-gibt-es-hier/": LeichteSprachePage,
        "/start/leichte-sprache/hilfe-finden/": LeichteSprachePage,
        "/start/leichte-sprache/bedienung/": LeichteSprachePage,
        "/start/leichte-sprache/barrierefreiheit/": LeichteSprachePage,
        "/start/gebaerdensprache/": GebaerdenspracheSeite,
    }
    assert not Page.objects.filter(depth=2).exclude(pk=home.pk).exists()
    einstellungen = PortalEinstellungen.for_site(site)
    assert einstellungen.kreis_name == "Kreis Testhausen"
    assert einstellungen.impressum.slug == "impressum"
    assert einstellungen.barrierefreiheit.slug == "barrierefreiheit"
    assert einstellungen.leichte_sprache.slug == "leichte-sprache"
    assert einstellungen.gebaerdensprache.slug == "gebaerdensprache"


@pytest.mark.django_db
def test_setup_site_twice_keeps_editors_changes_and_adds_nothing():
    home = setup_site()
    hilfe = home.get_children().get(slug="hilfe").specific
    hilfe.title = "Beratung finden"
    hilfe.save_revision().publish()
    count = Page.objects.count()
    setup_site()
    assert Page.objects.count() == count
    assert Page.objects.get(slug="hilfe").title == "Beratung finden"


@pytest.mark.django_db
def test_setup_roles_is_idempotent_and_gives_redaktion_page_rights_but_sozialplanung_none(site_tree):
    setup_roles(site_tree)
    setup_roles(site_tree)
    redaktion = Group.objects.get(name=REDAKTION)
    codenames = set(GroupPagePermission.objects.filter(group=redaktion).values_list("permission__codename", flat=True))
    assert {"add_page", "change_page", "publish_page"} <= codenames
    assert GroupPagePermission.objects.filter(group=redaktion).count() == len(codenames)
    assert not GroupPagePermission.objects.filter(group__name=SOZIALPLANUNG).exists()


@pytest.mark.django_db
def test_role_permissions_match_the_design(redakteurin, planerin):
    assert redakteurin.has_perm("wagtailadmin.access_admin")
    assert redakteurin.has_perm("portal.change_portaleinstellungen")
    assert planerin.has_perm("sozialatlas.add_raum")
    assert not planerin.has_perm("portal.change_portaleinstellungen")
    assert not planerin.has_perm("sozialatlas.delete_raum")


@pytest.mark.django_db
def test_load_demo_marks_beispieldaten_and_loads_the_segeberg_frame(demo):
    einstellungen = PortalEinstellungen.for_site(Site.objects.get(is_default_site=True))
    assert einstellungen.beispieldaten
    assert einstellungen.kreis_name == "Kreis Segeberg"
    assert Raum.objects.filter(ebene="analyseraum").count() == 15
    assert Raum.objects.filter(ebene="planungsraum").count() == 3
    kreis = Raum.objects.get(ebene="kreis")
    assert set(Raum.objects.filter(ebene="analyseraum").values_list("parent__parent", flat=True)) == {kreis.pk}


@pytest.mark.django_db
def test_load_demo_twice_changes_nothing(demo):
    counts = (Page.objects.count(), Raum.objects.count(), Group.objects.count())
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert (Page.objects.count(), Raum.objects.count(), Group.objects.count()) == counts


@pytest.mark.django_db
def test_init_portal_sets_up_empty_database_once_and_prints_the_demo_accounts_last(capsys):
    import re

    from django.test import Client

    from angebote.models import AngebotPage, TraegerPage

    call_command("init_portal", port=8123)
    out = capsys.readouterr().out
    assert HomePage.objects.filter(locale__language_code="de").count() == 1  # the others are its translations
    # The addresses and every account with its password, as the last lines of the output.
    letzte = out.strip().splitlines()
    konten = dict(re.findall(r"Benutzername: (\S+) +Passwort: (\S+)", out))
    traeger = list(TraegerPage.objects.originale())
    assert len(traeger) >= 2
    assert set(konten) == {"admin", "moderation", *(f"traeger-{t.slug}" for t in traeger)}
    assert letzte[-len(konten) - 1 :][0].strip().startswith("Benutzername: admin")
    assert "http://127.0.0.1:8123/admin/" in "\n".join(letzte[-len(konten) - 4 :])
    nutzer = get_user_model()
    assert nutzer.objects.get(username="admin").is_superuser
    # Each account logs in with its printed password and meets its own journey.
    for username, password in konten.items():
        client = Client()
        assert client.login(username=username, password=password), username
        assert client.get("/admin/").status_code == 200, username
    moderation = Client()
    moderation.login(username="moderation", password=konten["moderation"])
    assert moderation.get("/admin/konferenzen/moderation/").status_code == 200
    assert not nutzer.objects.get(username="moderation").is_superuser
    eigener, anderer = traeger[0], traeger[1]
    client = Client()
    client.login(username=f"traeger-{eigener.slug}", password=konten[f"traeger-{eigener.slug}"])
    eigenes = AngebotPage.objects.child_of(eigener).first()
    fremdes = AngebotPage.objects.child_of(anderer).first()
    assert client.get(f"/admin/pages/{eigenes.pk}/edit/").status_code == 200
    assert client.get(f"/admin/pages/{fremdes.pk}/edit/").status_code in (302, 403, 404)
    # A second run sets nothing up and prints no password.
    call_command("init_portal")
    out = capsys.readouterr().out
    assert "bereits eingerichtet" in out and "Passwort:" not in out
    assert nutzer.objects.count() == len(konten)
