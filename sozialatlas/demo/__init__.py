"""The demo county's Räume, invented areas, indicator catalogue and values (the CSV files beside this module),
computed and released."""

from pathlib import Path

from portal.imports import ImportFehler

from ..berechnung import atlas_berechnen
from ..freigabe import alle_freigeben, indikator_workflow_einrichten
from ..imports import IndikatorImporter, RaumImporter, WertImporter
from ..models import AtlasLeitindikator, AtlasPage, Indikator
from .flaechen import zeichne_beispielflaechen

DEMO_DIR = Path(__file__).resolve().parent
LEITINDIKATOREN = ["einwohner", "saldo_je_1000", "anteil_bg_u65", "kinderarmut"]


def load_raeume(stdout):
    result = RaumImporter().run(DEMO_DIR / "raeume.csv")
    if not result.ok:
        raise ImportFehler(result.problems)
    stdout.write(f"Räume: {result.summary()}")
    flaechen = zeichne_beispielflaechen()
    stdout.write(f"Beispielflächen gezeichnet: {flaechen}")


def load_atlas_demo(stdout):
    indikator_workflow_einrichten()
    for label, importer, datei in (
        ("Indikatoren", IndikatorImporter(), "indikatoren.csv"),
        ("Werte", WertImporter(berechnen=False), "werte.csv"),
    ):
        result = importer.run(DEMO_DIR / datei)
        if not result.ok:
            raise ImportFehler(result.problems)
        stdout.write(f"{label}: {result.summary()}")
    # The demo catalogue is released at once; a real one goes through review in the admin.
    for indikator in Indikator.objects.filter(live=False):
        indikator.save_revision().publish()
    bericht = atlas_berechnen()
    stdout.write(f"Sozialatlas: {bericht['werte']} Werte berechnet.")
    # Likewise its values: every Indikator and Stichtag is released (a real county releases in the admin).
    stdout.write(f"Sozialatlas: {alle_freigeben()} Stichtage freigegeben.")
    atlas = AtlasPage.objects.first()
    if atlas is not None and not atlas.leitindikatoren.exists():
        for slug in LEITINDIKATOREN:
            AtlasLeitindikator.objects.create(page=atlas, indikator=Indikator.objects.get(slug=slug))
        atlas.save_revision().publish()
