"""Demo Angebote (loaded through the importer) and a generator of N Angebote for benchmarks."""

import random
from datetime import time
from pathlib import Path

from django.db import transaction

from wagtail.models import Page

from portal.imports import ImportFehler
from sozialatlas.models import Ebene, Raum

from . import startdaten
from .cache import invalidieren as vokabular_invalidieren
from .imports import AngebotImporter, traeger_page
from .models import AngebotPage, Oeffnungszeit, Sprache, Standort, Thema
from .rechte import traeger_rechte_einrichten

DEMO_CSV = Path(__file__).resolve().parent / "demo" / "angebote.csv"


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

    Pages are added to the tree without revisions, which keeps 10,000 Angebote in minutes; search text
    and public coordinates are computed by the models' own save() as for edited pages.
    """
    rng = random.Random(seed)  # noqa: S311 (reproducible test data, not security)
    themen = list(Thema.objects.all())
    sprachen = list(Sprache.objects.all())
    gemeinden = list(Raum.objects.filter(ebene=Ebene.GEMEINDE).exclude(lat=None))
    if not themen or not gemeinden:
        raise ValueError("Themen und Gemeinden (Räume) müssen vorhanden sein.")
    traeger = [traeger_page(f"Generierter Träger {i:03d}") for i in range(traeger_count)]
    start = AngebotPage.objects.count()
    for i in range(n):
        thema = rng.choice(themen)
        raum = rng.choice(gemeinden)
        parent = Page.objects.get(pk=traeger[i % traeger_count].pk)
        angebot = AngebotPage(
            title=f"{thema.name} {rng.choice(WOERTER)} {raum.name} {start + i}",
            slug=f"angebot-{start + i}",
            externe_id=f"gen-{start + i}",
            kurzbeschreibung=f"{rng.choice(WOERTER)} zum Thema {thema.name} in {raum.name}.",
            kosten=rng.choice(["", "kostenlos", "10 € je Termin"]),
            telefon=f"0{rng.randint(4000, 4999)} {rng.randint(100000, 999999)}",
        )
        angebot.themen = [thema, *rng.sample(themen, k=rng.randint(0, 1))]
        angebot.sprachen = rng.sample(sprachen, k=rng.randint(1, 3))
        standort = Standort(
            strasse=f"Beispielweg {rng.randint(1, 200)}",
            plz=(raum.plz or [""])[0],
            ort=raum.name,
            raum=raum,
            adresse_vertraulich=rng.random() < 0.02,
            barrierefrei=rng.choice(["ja", "teilweise", "nein", ""]),
        )
        standort.set_koordinaten(raum.lat + rng.uniform(-0.03, 0.03), raum.lon + rng.uniform(-0.05, 0.05))
        angebot.standorte = [standort]
        tag = rng.randint(0, 4)
        angebot.oeffnungszeiten = [Oeffnungszeit(tag=tag, von=time(9), bis=time(rng.choice([12, 16, 18])))]
        parent.add_child(instance=angebot)
    vokabular_invalidieren()
    return n
