"""Data generators for the benchmark database, registered by name: `bench.py --size NAME=COUNT`.

Each generator adds COUNT objects on top of the demo county (home/demo/__init__.py load_demo) and returns a
one-line summary. Later apps register theirs here (angebote, indikatoren, werte, beitraege) with
@generator; they run in registration order, so register a generator after the ones it builds on.
Objects are generated from a seeded random.Random, so two runs with the same sizes build the same data.
"""

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from django.utils import timezone


@dataclass(frozen=True)
class Generator:
    name: str
    description: str
    default: int
    create: Callable[[int, random.Random], str]


GENERATORS: dict[str, Generator] = {}


def generator(name, description, default):
    def register(create):
        GENERATORS[name] = Generator(name, description, default, create)
        return create

    return register


def run_generators(sizes, seed=2026, log=print):
    """Runs every registered generator with its size from `sizes` (name -> count, default otherwise)."""
    unknown = set(sizes) - set(GENERATORS)
    if unknown:
        raise ValueError(f"Unknown generator(s) {sorted(unknown)}; known: {sorted(GENERATORS)}")
    for gen in GENERATORS.values():
        count = sizes.get(gen.name, gen.default)
        if count > 0:
            log(f"  {gen.name}: {gen.create(count, random.Random(f'{seed}-{gen.name}'))}")


@generator("raeume", "Gemeinden under the demo county's Analyseräume", default=500)
def generate_raeume(count, rng):
    from sozialatlas.models import Ebene, Raum

    analyseraeume = list(Raum.objects.filter(ebene=Ebene.ANALYSERAUM))
    if not analyseraeume:
        raise RuntimeError("The demo county has no Analyseräume; load_demo must run first.")
    raeume = []
    for i in range(count):
        parent = rng.choice(analyseraeume)
        raeume.append(
            Raum(
                schluessel=f"BENCH-{i:06d}",
                name=f"Testgemeinde {i:05d}",
                ebene=Ebene.GEMEINDE,
                parent=parent,
                lat=(parent.lat or 53.9) + rng.uniform(-0.05, 0.05),
                lon=(parent.lon or 10.2) + rng.uniform(-0.05, 0.05),
                plz=[f"2{rng.randint(3000, 4999)}" for _ in range(rng.randint(1, 3))],
            )
        )
    Raum.objects.bulk_create(raeume, batch_size=500)
    return f"{count} Gemeinden"


WORDS = [
    "Sozialplanung",
    "Kinderarmut",
    "Wohnungslosigkeit",
    "Pflege",
    "Teilhabe",
    "Bildung",
    "Beratung",
    "Familie",
    "Jugend",
    "Senioren",
    "Migration",
    "Integration",
    "Armut",
    "Gesundheit",
    "Quartier",
    "Ehrenamt",
    "Versorgung",
    "Bedarf",
    "Angebot",
    "Entwicklung",
]


def _sentence(rng, words=12):
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


@generator("seiten", "published Berichte under /berichte/ with a few paragraphs each", default=100)
def generate_seiten(count, rng):
    from home.models import BerichtIndexPage, BerichtPage

    index = BerichtIndexPage.objects.get()
    today = date.today()
    for i in range(count):
        body = [("heading", {"text": _sentence(rng, 4), "level": "h2"})]
        body += [("paragraph", f"<p>{_sentence(rng, 40)}</p>") for _ in range(rng.randint(2, 6))]
        # Live without a revision: what rendering and search need, at a fraction of publish()'s cost.
        index.add_child(
            instance=BerichtPage(
                title=f"Fokusbericht {i:05d}: {_sentence(rng, 3)[:-1]}",
                slug=f"fokusbericht-{i:05d}",
                intro=f"<p>{_sentence(rng, 20)}</p>",
                art=rng.choice(BerichtPage.Art.values),
                veroeffentlicht_am=today - timedelta(days=rng.randint(0, 3650)),
                body=body,
                live=True,
                first_published_at=timezone.now(),
            )
        )
    return f"{count} Berichte"


@generator("angebote", "live AngebotPages spread over the Gemeinden (angebote.demo.generate_angebote)", default=0)
def generate_angebote_for_bench(count, rng):
    from angebote.demo import generate_angebote

    generate_angebote(count, seed=rng.randint(1, 10**6))
    return f"{count} Angebote"


BENCH_INDIKATOR = "bench_quote"
BENCH_STICHTAGE = 20


@generator(
    "atlasreihe",
    f"Gemeinden with an area and values of the released indicator {BENCH_INDIKATOR} on {BENCH_STICHTAGE} Stichtage",
    default=1000,
)
def generate_atlasreihe(count, rng):
    """One indicator with `count` Gemeinden x 20 Stichtage (the page's target size), each Gemeinde with a small
    12-cornered area, plus a Kreis value per Stichtag: what the indicator page is measured with."""
    import math
    from decimal import Decimal

    from sozialatlas.models import Ebene, Einheit, Indikator, Raum, Teilbereich, Wert, WertFreigabe

    vorhanden = list(Raum.objects.filter(ebene=Ebene.GEMEINDE, schluessel__startswith="BENCH-").order_by("schluessel"))
    analyseraeume = list(Raum.objects.filter(ebene=Ebene.ANALYSERAUM))
    neue = [
        Raum(
            schluessel=f"BENCH-A{i:06d}",
            name=f"Atlasgemeinde {i:05d}",
            ebene=Ebene.GEMEINDE,
            parent=rng.choice(analyseraeume),
            lat=53.9 + rng.uniform(-0.3, 0.3),
            lon=10.2 + rng.uniform(-0.4, 0.4),
        )
        for i in range(max(0, count - len(vorhanden)))
    ]
    Raum.objects.bulk_create(neue, batch_size=500)
    gemeinden = (vorhanden + neue)[:count]
    for raum in gemeinden:
        r = 0.01
        ring = [
            [
                round(raum.lon + r * math.cos(2 * math.pi * k / 12), 5),
                round(raum.lat + r * math.sin(2 * math.pi * k / 12), 5),
            ]
            for k in range(12)
        ]
        raum.geometrie = {"type": "Polygon", "coordinates": [[*ring, ring[0]]]}
    Raum.objects.bulk_update(gemeinden, ["geometrie"], batch_size=500)

    indikator = Indikator.objects.create(
        slug=BENCH_INDIKATOR,
        nr="9.9.9",
        name="Benchmark-Quote",
        teilbereich=Teilbereich.objects.first(),
        einheit=Einheit.PROZENT,
        aussagewert="Erzeugte Werte für die Lastmessung.",
    )
    indikator.save_revision().publish()
    kreis = Raum.objects.get(ebene=Ebene.KREIS)
    werte = []
    for jahr in range(2024 - BENCH_STICHTAGE + 1, 2025):
        stichtag = date(jahr, 12, 31)
        werte.append(
            Wert(indikator=indikator, raum=kreis, stichtag=stichtag, wert=Decimal("7.21"), quelle="importiert")
        )
        for raum in gemeinden:
            wert = Decimal(str(round(rng.uniform(2, 18), 2)))
            werte.append(
                Wert(
                    indikator=indikator,
                    raum=raum,
                    stichtag=stichtag,
                    wert=wert,
                    importiert=wert,
                    aus_import=True,
                    quelle="importiert",
                )
            )
    Wert.objects.bulk_create(werte, batch_size=2000)
    # Values are public only once Sozialplanung released their Stichtag (sozialatlas/freigabe.py).
    WertFreigabe.objects.bulk_create(
        WertFreigabe(indikator=indikator, stichtag=date(jahr, 12, 31))
        for jahr in range(2024 - BENCH_STICHTAGE + 1, 2025)
    )
    return f"{count} Gemeinden x {BENCH_STICHTAGE} Stichtage of {BENCH_INDIKATOR}"
