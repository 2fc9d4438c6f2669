"""The search index follows the register one Angebot at a time: publish, draft, unpublish, delete,
restrictions, a Träger's name, a Thema's Suchbegriffe, and a rebuild."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import PageViewRestriction

from angebote.models import SuchEintrag, SuchWort
from angebote.suche import index, suche
from angebote.suche.vertrag import SuchAnfrage
from tests.factories.angebote import ThemaFactory, angebot_anlegen


def gefunden(q):
    return [t.angebot.title for t in suche(SuchAnfrage(q=q, pro_seite=50)).treffer]


def test_publishing_one_angebot_writes_its_own_entry_alone_and_the_next_search_finds_it(site_tree):
    thema = ThemaFactory(slug="schuldnerberatung", name="Schuldnerberatung")
    andere = [angebot_anlegen(f"Beratung {i}", themen=[thema]) for i in range(3)]
    seite = angebot_anlegen("Schuldnerberatung Astadt", themen=[thema])
    seite.kurzbeschreibung = "Hilfe beim Haushaltsbuch"
    connection.queries_log.clear()
    with CaptureQueriesContext(connection) as queries:
        seite.save_revision().publish()
    geschrieben = [q["sql"] for q in queries if "angebote_sucheintrag" in q["sql"] and q["sql"].startswith("INSERT")]
    assert len(geschrieben) == 1
    assert not [
        q["sql"]
        for q in queries
        if q["sql"].startswith("DELETE") and "angebote_sucheintrag" in q["sql"] and str(andere[0].pk) in q["sql"]
    ]
    assert gefunden("Haushaltsbuch") == ["Schuldnerberatung Astadt"]
    assert SuchEintrag.objects.count() == 4


def test_a_draft_leaves_the_live_entry_as_it_is(site_tree):
    seite = angebot_anlegen("Suchtberatung Bstadt", themen=[ThemaFactory(slug="suchtberatung")])
    seite.title = "Entwurfstitel"
    seite.save_revision()
    assert SuchEintrag.objects.get(pk=seite.pk).title == "Suchtberatung Bstadt"
    assert gefunden("Entwurfstitel") == []


def test_unpublish_delete_and_a_view_restriction_take_angebote_out(site_tree):
    thema = ThemaFactory(slug="suchtberatung")
    eins, zwei, drei = (angebot_anlegen(f"Suchtberatung {n}", themen=[thema]) for n in ("Eins", "Zwei", "Drei"))
    eins.unpublish()
    zwei.delete()
    PageViewRestriction.objects.create(page=drei, restriction_type=PageViewRestriction.LOGIN)
    assert gefunden("Suchtberatung") == []
    assert not SuchEintrag.objects.exists()
    PageViewRestriction.objects.filter(page=drei).delete()
    assert gefunden("Suchtberatung") == ["Suchtberatung Drei"]


def test_a_traegers_new_name_and_a_themas_new_words_reach_its_entries(site_tree):
    thema = ThemaFactory(slug="pflegeberatung", name="Pflegeberatung")
    seite = angebot_anlegen("Pflegestützpunkt", traeger="Alter Name e. V.", themen=[thema])
    traeger = seite.get_parent().specific
    traeger.title = "Neuer Name e. V."
    traeger.save_revision().publish()
    assert SuchEintrag.objects.get(pk=seite.pk).traeger == "Neuer Name e. V."
    thema.suchbegriffe_uk = "догляд за мамою"
    thema.save()
    assert gefunden("догляд") == ["Pflegestützpunkt"]


def test_a_themas_words_are_one_row_and_changing_them_writes_no_entry(site_tree):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from angebote.models import SuchThema

    thema = ThemaFactory(slug="schuldnerberatung", name="Schuldnerberatung")
    for n in range(3):
        angebot_anlegen(f"Beratungsstelle {n}", themen=[thema])
    eintraege = {e.pk: (e.titel, e.begriffe, e.text) for e in SuchEintrag.objects.all()}
    assert all("mietschulden" not in begriffe for _titel, begriffe, _text in eintraege.values())
    thema.suchbegriffe = "Mietschulden, Räumungsklage"
    with CaptureQueriesContext(connection) as queries:
        thema.save()
    assert not [q for q in queries if "angebote_sucheintrag" in q["sql"]]
    assert "mietschulden" in SuchThema.objects.get(pk=thema.pk).begriffe.split()
    assert {e.pk: (e.titel, e.begriffe, e.text) for e in SuchEintrag.objects.all()} == eintraege
    assert sorted(gefunden("Mietschulden")) == ["Beratungsstelle 0", "Beratungsstelle 1", "Beratungsstelle 2"]
    assert SuchWort.objects.filter(wort="raumungsklage").exists()


def test_rebuilding_writes_every_public_angebot_and_prunes_words_no_entry_holds(site_tree):
    thema = ThemaFactory(slug="schuldnerberatung")
    angebot_anlegen("Schuldnerberatung Cstadt", themen=[thema])
    angebot_anlegen("Entwurf Dstadt", themen=[thema], live=False)
    SuchWort.objects.create(wort="verwaist", rueckwaerts="tsiawrev")
    assert index.aufbauen() == 1
    assert list(SuchEintrag.objects.values_list("title", flat=True)) == ["Schuldnerberatung Cstadt"]
    assert not SuchWort.objects.filter(wort="verwaist").exists()
    assert SuchWort.objects.filter(wort="cstadt").exists()
