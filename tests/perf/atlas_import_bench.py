"""Benchmark of the Sozialatlas data path on PostgreSQL: import of generated Werte vs. PostgreSQL's own COPY,
then the full recomputation (formulas, sums, disclosure control). Each stage runs in its own process so its
peak memory (max RSS) is its own.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/sa_atlas .venv/bin/python tests/perf/atlas_import_bench.py \
        [--indikatoren 200] [--raeume 1000] [--stichtage 5] [--abgeleitete 50]

The default is the size the import is built for: 200 imported indicators x 1,000 Räume x 5 Stichtage = 1,000,000 values.
WARNING: it replaces every Raum, Indikator and Wert in the database it is pointed at.
"""

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
os.environ.setdefault("DEBUG", "false")
WORKDIR = Path(os.environ.get("BENCH_DIR", "/tmp/atlas-bench"))  # noqa: S108 (a scratch dir for generated files)


def setup_django():
    import django

    django.setup()


def peak_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def stage_prepare(args):
    """Fresh catalogue and Raum tree: Kreis > 10 Planungsräume > 100 Analyseräume > the rest as Gemeinden."""
    setup_django()
    from django.core.management import call_command
    from django.db import connection

    from sozialatlas.models import Ebene, Einheit, Handlungsfeld, Indikator, Raum, Teilbereich, Wert

    call_command("migrate", verbosity=0)
    Wert.objects.all().delete()
    Indikator.objects.all().delete()
    Raum.objects.filter(ebene=Ebene.GEMEINDE).delete()
    Raum.objects.filter(ebene=Ebene.ANALYSERAUM).delete()
    Raum.objects.filter(ebene=Ebene.PLANUNGSRAUM).delete()
    Raum.objects.all().delete()
    kreis = Raum.objects.create(schluessel="K", name="Kreis", ebene=Ebene.KREIS)
    raeume = [kreis]
    planungsraeume = [
        Raum.objects.create(schluessel=f"P{i}", name=f"Planungsraum {i}", ebene=Ebene.PLANUNGSRAUM, parent=kreis)
        for i in range(10)
    ]
    analyseraeume = [
        Raum.objects.create(
            schluessel=f"A{i}", name=f"Analyseraum {i}", ebene=Ebene.ANALYSERAUM, parent=planungsraeume[i % 10]
        )
        for i in range(100)
    ]
    raeume += planungsraeume + analyseraeume
    gemeinden = [
        Raum(schluessel=f"G{i}", name=f"Gemeinde {i}", ebene=Ebene.GEMEINDE, parent=analyseraeume[i % 100])
        for i in range(args.raeume - len(raeume))
    ]
    Raum.objects.bulk_create(gemeinden)
    feld = Handlungsfeld.objects.get_or_create(name="Benchmark", defaults={"nr": "9"})[0]
    teil = Teilbereich.objects.get_or_create(handlungsfeld=feld, name="Benchmark", defaults={"nr": "9.1"})[0]
    raten = args.indikatoren // 10
    indikatoren = [Indikator(slug="einwohner", name="Einwohner", teilbereich=teil, einheit=Einheit.ABSOLUT)]
    indikatoren += [
        Indikator(slug=f"zahl_{i}", name=f"Zahl {i}", teilbereich=teil, einheit=Einheit.ABSOLUT)
        for i in range(args.indikatoren - 1 - raten)
    ]
    indikatoren += [
        Indikator(slug=f"rate_{i}", name=f"Rate {i}", teilbereich=teil, einheit=Einheit.PROZENT) for i in range(raten)
    ]
    indikatoren += [
        Indikator(
            slug=f"je_1000_{i}",
            name=f"Zahl {i} je 1000",
            teilbereich=teil,
            einheit=Einheit.JE_1000,
            formel=f"zahl_{i} / einwohner * 1000",
        )
        for i in range(args.abgeleitete)
    ]
    Indikator.objects.bulk_create(indikatoren)
    connection.close()
    return {"raeume": Raum.objects.count(), "indikatoren": Indikator.objects.count()}


def stage_generate(args):
    setup_django()
    from sozialatlas.models import Indikator, Raum

    rnd = random.Random(5)
    slugs = list(Indikator.objects.filter(formel="").values_list("slug", flat=True))
    raeume = list(Raum.objects.values_list("schluessel", flat=True))
    jahre = [2019 + i for i in range(args.stichtage)]
    WORKDIR.mkdir(parents=True, exist_ok=True)
    path = WORKDIR / "werte.csv"
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("indikator;raum;stichtag;wert\n")
        for slug in slugs:
            rate = slug.startswith("rate_")
            for raum in raeume:
                for jahr in jahre:
                    if rate:
                        wert = f"{rnd.uniform(0, 30):.2f}".replace(".", ",")
                    elif slug == "einwohner":
                        wert = str(rnd.randint(500, 20000))
                    else:
                        # Mostly large counts, some below the disclosure threshold.
                        wert = str(rnd.randint(0, 2) if rnd.random() < 0.02 else rnd.randint(3, 5000))
                    handle.write(f"{slug};{raum};{jahr};{wert}\n")
    return {"datei": str(path), "zeilen": len(slugs) * len(raeume) * len(jahre), "mb": path.stat().st_size / 1e6}


def stage_copy(args):
    """PostgreSQL's own COPY of the same file into a bare table: the floor on this machine."""
    setup_django()
    from django.db import connection

    path = WORKDIR / "werte.csv"
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE IF EXISTS bench_copy")
        cursor.execute("CREATE TABLE bench_copy (indikator text, raum text, stichtag text, wert text)")
    sql = "COPY bench_copy FROM STDIN (FORMAT csv, DELIMITER ';', HEADER true)"
    start = time.perf_counter()
    with connection.cursor() as cursor, open(path, "rb") as handle, cursor.cursor.copy(sql) as copy:
        while chunk := handle.read(1 << 20):
            copy.write(chunk)
    wall = time.perf_counter() - start
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM bench_copy")
        rows = cursor.fetchone()[0]
        cursor.execute("DROP TABLE bench_copy")
    return {"wall_s": wall, "rows": rows, "peak_mb": peak_mb()}


def _aufgeloeste_zeilen():
    """The file's rows with their keys resolved to ids, in COPY's text format, and their number."""
    import io

    import pandas as pd

    from sozialatlas.models import Indikator, Raum

    frame = pd.read_csv(WORKDIR / "werte.csv", sep=";", dtype=str)
    frame["indikator"] = frame["indikator"].map(dict(Indikator.objects.values_list("slug", "id")))
    frame["raum"] = frame["raum"].map(dict(Raum.objects.values_list("schluessel", "id")))
    frame["stichtag"] = frame["stichtag"] + "-12-31"
    frame["wert"] = frame["wert"].str.replace(",", ".", regex=False)
    frame = frame.assign(aus_import="t", wert2=frame["wert"], quelle="importiert", gesperrt="f", sperrgrund="")
    buffer = io.StringIO()
    frame.to_csv(buffer, sep="\t", header=False, index=False)
    return buffer.getvalue().encode(), len(frame)


WERT_SPALTEN = "indikator_id, raum_id, stichtag, importiert, aus_import, wert, quelle, gesperrt, sperrgrund"


def _copy_timed(table, data):
    from django.db import connection, transaction

    start = time.perf_counter()
    sql = f"COPY {table} ({WERT_SPALTEN}) FROM STDIN"
    with transaction.atomic(), connection.cursor() as cursor, cursor.cursor.copy(sql) as copy:
        copy.write(data)
    return time.perf_counter() - start


def stage_copy_form(args):
    """COPY of the same rows, keys resolved to ids, into a table of sozialatlas_wert's columns and types
    without its indexes and keys: what storing the typed rows costs on this machine. Then the table's
    primary key, unique key, index and foreign keys are built on it as the import builds them: the least
    that a load keeping the table's integrity costs (`mit_aufbau_s`)."""
    setup_django()
    from django.db import connection, transaction

    from sozialatlas.massendaten import fremdschluessel, indizes

    data, rows = _aufgeloeste_zeilen()
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE IF EXISTS bench_wert")
        cursor.execute("CREATE TABLE bench_wert (LIKE sozialatlas_wert INCLUDING DEFAULTS INCLUDING IDENTITY)")
    aufbau = indizes() + fremdschluessel()
    start = time.perf_counter()
    with transaction.atomic():
        wall = _copy_timed("bench_wert", data)
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL maintenance_work_mem = '256MB'")
            for name, definition in aufbau:
                if definition.startswith("CREATE"):
                    cursor.execute(
                        definition.replace(f"INDEX {name} ON public.sozialatlas_wert", f"INDEX b_{name} ON bench_wert")
                    )
                else:
                    cursor.execute(f'ALTER TABLE bench_wert ADD CONSTRAINT "b_{name}" {definition}')
    mit_aufbau = time.perf_counter() - start
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE bench_wert")
    return {"wall_s": wall, "mit_aufbau_s": mit_aufbau, "aufgebaut": len(aufbau), "rows": rows, "peak_mb": peak_mb()}


def stage_copy_wert(args):
    """A third reference: COPY of the same rows into the real Wert table (its primary key, unique index,
    secondary index and deferred foreign keys checked at COMMIT), then emptied again."""
    setup_django()
    from django.db import connection

    data, rows = _aufgeloeste_zeilen()
    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE sozialatlas_wert")
    wall = _copy_timed("sozialatlas_wert", data)
    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE sozialatlas_wert")
    return {"wall_s": wall, "rows": rows, "peak_mb": peak_mb()}


def stage_import(args):
    """A first import of the file: into an empty value table."""
    setup_django()
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE sozialatlas_wert, sozialatlas_wertfreigabe")
    return stage_reimport(args)


def stage_reimport(args):
    setup_django()
    from sozialatlas.imports import WertImporter

    start = time.perf_counter()
    result = WertImporter(berechnen=False).run(WORKDIR / "werte.csv")
    wall = time.perf_counter() - start
    assert result.ok, [str(p) for p in result.problems[:5]]
    return {
        "wall_s": wall,
        "created": result.created,
        "updated": result.updated,
        "unchanged": result.unchanged,
        "peak_mb": peak_mb(),
    }


def stage_berechnen(args):
    setup_django()
    from sozialatlas.berechnung import atlas_berechnen

    start = time.perf_counter()
    bericht = atlas_berechnen()
    return {"wall_s": time.perf_counter() - start, **bericht, "peak_mb": peak_mb()}


STAGES = {
    "prepare": stage_prepare,
    "generate": stage_generate,
    "copy": stage_copy,
    "copy_form": stage_copy_form,
    "copy_wert": stage_copy_wert,
    "import": stage_import,
    "reimport": stage_reimport,
    "berechnen": stage_berechnen,
    "neuberechnen": stage_berechnen,
}


def run_stage(name, argv):
    out = subprocess.run(  # noqa: S603 (runs this very script with our own arguments)
        [sys.executable, __file__, "--stage", name, *argv], check=True, capture_output=True, text=True
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--indikatoren", type=int, default=200)
    parser.add_argument("--raeume", type=int, default=1000)
    parser.add_argument("--stichtage", type=int, default=5)
    parser.add_argument("--abgeleitete", type=int, default=50)
    parser.add_argument("--runden", type=int, default=3, help="rounds of the COPYs and the import (median)")
    parser.add_argument("--stage", choices=STAGES)
    args, _rest = parser.parse_known_args()
    if args.stage:
        sys.stdout.write(json.dumps(STAGES[args.stage](args)) + "\n")
        return
    if "postgres" not in os.environ.get("DATABASE_URL", ""):
        sys.exit("DATABASE_URL must point at a PostgreSQL database (it will be overwritten).")
    argv = [f"--indikatoren={args.indikatoren}", f"--raeume={args.raeume}", f"--stichtage={args.stichtage}"]
    argv.append(f"--abgeleitete={args.abgeleitete}")
    e = {}

    def messen(name):
        e[name] = run_stage(name, argv)
        sys.stdout.write(f"{name} {json.dumps(e[name])}\n")
        sys.stdout.flush()
        return e[name]

    messen("prepare")
    messen("generate")
    # The references and the first import in turns, so that each sees the machine as the others did;
    # the median of each is compared.
    runden = {name: [] for name in ("copy", "copy_form", "copy_wert", "import")}
    aufbau = []
    for _runde in range(args.runden):
        for name, zeiten in runden.items():
            zeiten.append(messen(name)["wall_s"])
        aufbau.append(e["copy_form"]["mit_aufbau_s"])
    for name, zeiten in runden.items():
        e[name]["wall_s"] = statistics.median(zeiten)
    mit_aufbau = statistics.median(aufbau)
    for name in ("reimport", "berechnen", "neuberechnen"):
        messen(name)
    imp, nackt, wert = e["import"]["wall_s"], e["copy"]["wall_s"], e["copy_wert"]["wall_s"]
    form = e["copy_form"]["wall_s"]
    b = e["berechnen"]
    zeilen = [
        "",
        f"Median aus {args.runden} Runden: "
        f"Import {e['generate']['zeilen']:,} Werte: {imp:.1f} s, peak {e['import']['peak_mb']:.0f} MB",
        f"  COPY der Datei in eine nackte Texttabelle: {nackt:.1f} s (Faktor {imp / nackt:.1f})",
        f"  COPY der Zeilen in eine Tabelle der Form von sozialatlas_wert ohne Indizes und Schlüssel: {form:.1f} s "
        f"(Faktor {imp / form:.1f})",
        f"  dieselbe COPY, danach Primärschlüssel, Unique-Schlüssel, Index und Fremdschlüssel gebaut: "
        f"{mit_aufbau:.1f} s (Faktor {imp / mit_aufbau:.1f}; allein das: {mit_aufbau / nackt:.1f} x die nackte COPY)",
        f"  COPY in sozialatlas_wert (Indizes, Fremdschlüssel): {wert:.1f} s (Faktor {imp / wert:.1f})",
        f"Re-Import derselben Datei: {e['reimport']['wall_s']:.1f} s",
        f"Neuberechnung: {b['wall_s']:.1f} s, peak {b['peak_mb']:.0f} MB",
        f"Neuberechnung ohne Änderungen: {e['neuberechnen']['wall_s']:.1f} s",
    ]
    sys.stdout.write("\n".join(zeilen) + "\n")


if __name__ == "__main__":
    main()
