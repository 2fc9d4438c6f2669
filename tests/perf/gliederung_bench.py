"""Benchmark of the recomputation with Raumgliederungen on PostgreSQL: the full `atlas_berechnen`
(formulas, sums up the tree, the areas of every published Gliederung as ratio of sums, and disclosure
control across the hierarchy and all Gliederungen together).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/sa_gliederung .venv/bin/python tests/perf/gliederung_bench.py \
        [--gemeinden 1000] [--stichtage 20] [--gliederungen 5] [--raeume-je-gliederung 20]

The default is the size the issue names: 1,000 Gemeinden x 20 Stichtage x 5 Gliederungen (target: under 60 s).
Prints one JSON line with the timings, the number of values and equations, and the differencing audit.
WARNING: it replaces every Raum, Indikator, Wert and Raumgliederung in the database it is pointed at.
"""

import argparse
import json
import os
import random
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
os.environ.setdefault("DEBUG", "false")


def vorbereiten(args, rnd):
    """Kreis > 10 Planungsräume > 100 Analyseräume > Gemeinden; counts and two rates; the Gliederungen."""
    from django.core.management import call_command

    from sozialatlas.models import (
        Ebene,
        Einheit,
        Gliederungsraum,
        Handlungsfeld,
        Indikator,
        Raum,
        Raumgliederung,
        Teilbereich,
        Wert,
    )

    call_command("migrate", verbosity=0)
    Raumgliederung.objects.all().delete()
    Wert.objects.all().delete()
    Indikator.objects.all().delete()
    for ebene in (Ebene.GEMEINDE, Ebene.ANALYSERAUM, Ebene.PLANUNGSRAUM, Ebene.KREIS):
        Raum.objects.filter(ebene=ebene).delete()
    kreis = Raum.objects.create(schluessel="K", name="Kreis", ebene=Ebene.KREIS)
    planungsraeume = Raum.objects.bulk_create(
        Raum(schluessel=f"P{i}", name=f"Planungsraum {i}", ebene=Ebene.PLANUNGSRAUM, parent=kreis) for i in range(10)
    )
    analyseraeume = Raum.objects.bulk_create(
        Raum(schluessel=f"A{i}", name=f"Analyseraum {i}", ebene=Ebene.ANALYSERAUM, parent=planungsraeume[i % 10])
        for i in range(100)
    )
    gemeinden = Raum.objects.bulk_create(
        Raum(schluessel=f"G{i}", name=f"Gemeinde {i}", ebene=Ebene.GEMEINDE, parent=analyseraeume[i % 100])
        for i in range(args.gemeinden)
    )
    feld = Handlungsfeld.objects.get_or_create(name="Benchmark", defaults={"nr": "9"})[0]
    teil = Teilbereich.objects.get_or_create(handlungsfeld=feld, name="Benchmark", defaults={"nr": "9.1"})[0]
    zaehlungen = ["einwohner", "arbeitslose", "bg_kinder", "kinder_u15", "zuzuege"]
    Indikator.objects.bulk_create(
        [Indikator(slug=s, name=s, teilbereich=teil, einheit=Einheit.ABSOLUT, live=True) for s in zaehlungen]
        + [
            Indikator(
                slug="quote_al",
                name="Quote",
                teilbereich=teil,
                einheit=Einheit.PROZENT,
                live=True,
                formel="arbeitslose / einwohner * 100",
            ),
            Indikator(
                slug="kinderarmut",
                name="Kinderarmut",
                teilbereich=teil,
                einheit=Einheit.PROZENT,
                live=True,
                formel="bg_kinder / kinder_u15 * 100",
            ),
        ]
    )
    ids = dict(Indikator.objects.values_list("slug", "pk"))
    tage = [date(2004 + i, 12, 31) for i in range(args.stichtage)]
    werte = []
    for gemeinde in gemeinden:
        for tag in tage:
            for slug in zaehlungen:
                # Mostly large counts, some below the disclosure threshold.
                zahl = rnd.randint(0, 2) if rnd.random() < 0.03 else rnd.randint(3, 5000)
                werte.append(
                    Wert(
                        indikator_id=ids[slug], raum=gemeinde, stichtag=tag, aus_import=True, importiert=zahl, wert=zahl
                    )
                )
    Wert.objects.bulk_create(werte, batch_size=10000)
    for n in range(args.gliederungen):
        art = "planungsraeume" if n < 3 else ("handlungsraeume" if n == 3 else "zustaendigkeitsraeume")
        g = Raumgliederung.objects.create(name=f"Gliederung {n}", slug=f"g{n}", art=art, veroeffentlicht=True)
        reihe = list(gemeinden)
        rnd.shuffle(reihe)
        schnitte = sorted(rnd.sample(range(1, len(reihe)), args.raeume_je_gliederung - 1))
        for k, (von, bis) in enumerate(zip([0, *schnitte], [*schnitte, len(reihe)], strict=True)):
            gebiet = Gliederungsraum.objects.create(gliederung=g, schluessel=f"R{k}", name=f"Raum {n}.{k}")
            # Planungsräume partly as whole Analyseräume, as counties build them.
            gebiet.mitglieder.set(reihe[von:bis])
            gebiet.save()
    return {"raeume": Raum.objects.count(), "werte_importiert": len(werte), "gebiete": Gliederungsraum.objects.count()}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gemeinden", type=int, default=1000)
    parser.add_argument("--stichtage", type=int, default=20)
    parser.add_argument("--gliederungen", type=int, default=5)
    parser.add_argument("--raeume-je-gliederung", type=int, default=20)
    parser.add_argument("--ohne-audit", action="store_true", help="skip the differencing audit after the run")
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.db import connection

    if connection.vendor != "postgresql":
        sys.exit("Dieser Benchmark braucht PostgreSQL (DATABASE_URL=postgres://...).")

    from sozialatlas.berechnung import atlas_berechnen, berechnen, katalog_laden, werte_laden
    from sozialatlas.gliederungen import Raumbaum, aufdeckbare, flaechen, gebiete_laden, gleichungen

    rnd = random.Random(19)
    start = time.perf_counter()
    bericht = {"vorbereitung": vorbereiten(args, rnd)}
    bericht["vorbereitung_s"] = round(time.perf_counter() - start, 1)
    print(json.dumps(bericht), file=sys.stderr, flush=True)

    start = time.perf_counter()
    ergebnis = atlas_berechnen()
    bericht["berechnung_s"] = round(time.perf_counter() - start, 1)
    bericht["berechnung"] = ergebnis
    print(json.dumps(bericht), file=sys.stderr, flush=True)
    start = time.perf_counter()
    atlas_berechnen()
    bericht["zweite_berechnung_s"] = round(time.perf_counter() - start, 1)

    indikatoren, raeume = katalog_laden()
    gebiete = gebiete_laden()
    baum = Raumbaum.laden()
    bericht["gleichungen"] = len(gleichungen(baum, gebiete))
    if not args.ohne_audit:
        import pandas as pd

        start = time.perf_counter()
        frame = berechnen(werte_laden(), indikatoren, raeume, settings.ATLAS_MIN_FALLZAHL, gebiete=gebiete)
        tabelle = pd.concat([frame.werte, frame.gebietswerte], ignore_index=True)
        additiv = {i.id for i in indikatoren if i.einheit == "absolut"}
        gefunden, geprueft = aufdeckbare(tabelle, flaechen(baum, gebiete), baum, additiv)
        bericht["audit"] = {
            "paare": geprueft,
            "aufdeckbar": len(gefunden),
            "gesperrt": int(tabelle["gesperrt"].sum()),
            "s": round(time.perf_counter() - start, 1),
        }
    print(json.dumps(bericht, ensure_ascii=False))  # noqa: T201 (the benchmark's result line)


if __name__ == "__main__":
    main()
