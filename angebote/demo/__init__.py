"""Demo Angebote (loaded through the importer) and a generator of N Angebote for benchmarks."""

import random
import uuid
from datetime import time
from pathlib import Path

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.utils import timezone

from wagtail.models import Page

from portal.imports import ImportFehler
from sozialatlas.models import Ebene, Raum

from .. import startdaten
from ..cache import invalidieren as vokabular_invalidieren
from ..imports import AngebotImporter, traeger_page
from ..models import AngebotPage, Oeffnungszeit, Sprache, Standort, Thema
from ..models.pages import ist_kostenlos
from ..rechte import traeger_rechte_einrichten
from ..suche import index as suchindex
from ..versorgung import versorgung_berechnen

DEMO_CSV = Path(__file__).resolve().parent / "angebote.csv"


def load_angebote(stdout):
    startdaten.anlegen(Thema, Sprache)
    result = AngebotImporter().run(DEMO_CSV)
    if not result.ok:
        raise ImportFehler(result.problems)
    gruppen = traeger_rechte_einrichten()
    stdout.write(f"Angebote: {result.summary()} {len(gruppen)} Träger-Gruppen.")


WOERTER = ["Beratung", "Hilfe", "Begleitung", "Treffpunkt", "Sprechstunde", "Fachstelle", "Gruppe", "Dienst"]


@transaction.atomic
def generate_angebote(n: int, *, seed: int = 1, traeger_count: int = 50) -> int:
    """Create `n` live AngebotPages spread over the Gemeinden, for load tests (not for the demo site).

    The pages, their Standorte, opening hours and Themen are written in bulk (100,000 in minutes, where
    one page save at a time took hours): the tree paths are computed as treebeard computes them, public
    coordinates by Standort's own rule, and the search index is then built in batches as after a restore.
    """
    rng = random.Random(seed)  # noqa: S311 (reproducible test data, not security)
    themen = list(Thema.objects.all())
    sprachen = list(Sprache.objects.all())
    gemeinden = list(Raum.objects.filter(ebene=Ebene.GEMEINDE).exclude(lat=None))
    if not themen or not gemeinden:
        raise ValueError("Themen und Gemeinden (Räume) müssen vorhanden sein.")
    traeger = [Page.objects.get(pk=traeger_page(f"Generierter Träger {i:03d}").pk) for i in range(traeger_count)]
    naechstes = {t.pk: t.numchild + 1 for t in traeger}
    start = AngebotPage.objects.count()
    content_type = ContentType.objects.get_for_model(AngebotPage)
    jetzt = timezone.now()
    for block in range(0, n, 2000):
        seiten, angebote, themen_von, sprachen_von, standorte, zeiten = [], [], [], [], [], []
        for i in range(start + block, start + min(n, block + 2000)):
            thema = rng.choice(themen)
            raum = rng.choice(gemeinden)
            parent = traeger[i % traeger_count]
            title = f"{thema.name} {rng.choice(WOERTER)} {raum.name} {i}"
            slug = f"angebot-{i}"
            seiten.append(
                Page(
                    title=title,
                    draft_title=title,
                    slug=slug,
                    content_type=content_type,
                    path=Page._get_path(parent.path, parent.depth + 1, naechstes[parent.pk]),
                    depth=parent.depth + 1,
                    numchild=0,
                    url_path=f"{parent.url_path}{slug}/",
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=jetzt,
                    last_published_at=jetzt,
                    locale_id=parent.locale_id,
                    translation_key=uuid.uuid4(),
                )
            )
            naechstes[parent.pk] += 1
            kosten = rng.choice(["", "kostenlos", "10 € je Termin"])
            angebote.append(
                AngebotPage(
                    title=title,
                    slug=slug,
                    externe_id=f"gen-{i}",
                    kurzbeschreibung=f"{rng.choice(WOERTER)} zum Thema {thema.name} in {raum.name}.",
                    kosten=kosten,
                    kostenlos=ist_kostenlos(kosten),
                    telefon=f"0{rng.randint(4000, 4999)} {rng.randint(100000, 999999)}",
                )
            )
            themen_von.append({thema, *rng.sample(themen, k=rng.randint(0, 1))})
            sprachen_von.append(rng.sample(sprachen, k=rng.randint(1, 3)))
            standort = Standort(
                strasse=f"Beispielweg {rng.randint(1, 200)}",
                plz=(raum.plz or [""])[0],
                ort=raum.name,
                raum=raum,
                adresse_vertraulich=rng.random() < 0.02,
                barrierefrei=rng.choice(["ja", "teilweise", "nein", ""]),
            )
            standort.set_koordinaten(raum.lat + rng.uniform(-0.03, 0.03), raum.lon + rng.uniform(-0.05, 0.05))
            standort.sync_koordinaten()
            standorte.append(standort)
            zeiten.append(Oeffnungszeit(tag=rng.randint(0, 4), von=time(9), bis=time(rng.choice([12, 16, 18]))))
        Page.objects.bulk_create(seiten)
        for seite, angebot, standort, zeit in zip(seiten, angebote, standorte, zeiten, strict=True):
            angebot.page_ptr_id = seite.pk
            standort.angebot_id = zeit.angebot_id = seite.pk
        _angebotszeilen_einfuegen(angebote)
        AngebotPage.themen.through.objects.bulk_create(
            [
                AngebotPage.themen.through(angebotpage_id=a.page_ptr_id, thema=t)
                for a, ts in zip(angebote, themen_von, strict=True)
                for t in ts
            ]
        )
        AngebotPage.sprachen.through.objects.bulk_create(
            [
                AngebotPage.sprachen.through(angebotpage_id=a.page_ptr_id, sprache=s)
                for a, ss in zip(angebote, sprachen_von, strict=True)
                for s in ss
            ]
        )
        Standort.objects.bulk_create(standorte)
        Oeffnungszeit.objects.bulk_create(zeiten)
    for t in traeger:
        Page.objects.filter(pk=t.pk).update(numchild=naechstes[t.pk] - 1)
    suchindex.aufbauen()
    vokabular_invalidieren()
    return n


def _angebotszeilen_einfuegen(angebote) -> None:
    """The AngebotPage rows beside their Page rows (Django's bulk_create does not write inherited models)."""
    felder = [f for f in AngebotPage._meta.local_concrete_fields]
    spalten = ", ".join(connection.ops.quote_name(f.column) for f in felder)
    platzhalter = ", ".join(["%s"] * len(felder))
    zeilen = [[f.get_db_prep_save(getattr(a, f.attname), connection) for f in felder] for a in angebote]
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {AngebotPage._meta.db_table} ({spalten}) VALUES ({platzhalter})",  # noqa: S608
            zeilen,
        )


def load_versorgung(stdout):
    """Demo step, after the atlas values (inhabitants) and the Angebote."""
    ergebnis = versorgung_berechnen()
    stdout.write(f"Versorgung: {ergebnis['werte']} Werte für {ergebnis['indikatoren']} Indikatoren.")
