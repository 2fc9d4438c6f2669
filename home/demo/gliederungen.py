"""The demo county's Raumgliederungen (sozialatlas/demo/raumgliederungen.csv): two Planungsraum schemes
(Jugendhilfe, Pflege), a Handlungsraum with a Maßnahme and the Zuständigkeitsräume of the demo
Schuldnerberatungen. Idempotent, like every demo step."""

from pathlib import Path

from angebote.models import AngebotPage
from angebote.suche import index
from konferenzen.models import Handlungsempfehlung, Massnahme
from portal.imports import ImportFehler
from sozialatlas.berechnung import atlas_berechnen
from sozialatlas.freigabe import alle_freigeben
from sozialatlas.gliederung_import import RaumgliederungImporter
from sozialatlas.models import Gliederungsraum, GliederungsWert, Raumgliederung

DATEI = Path(__file__).resolve().parents[2] / "sozialatlas" / "demo" / "raumgliederungen.csv"
# externe_id of the demo Schuldnerberatung -> its Zuständigkeitsraum
ZUSTAENDIGKEIT = {"schuldner-nor": "SB-NOR", "schuldner-bse": "SB-BSE", "schuldner-kak": "SB-KAK"}
HANDLUNGSRAUM = "HR-A7"


def load_gliederungen(stdout):
    importer = RaumgliederungImporter()
    result = importer.run(DATEI)
    if not result.ok:
        raise ImportFehler(result.problems)
    stdout.write(f"Raumgliederungen: {result.summary()}")
    Raumgliederung.objects.filter(name__in=list(importer.gliederungen)).update(veroeffentlicht=True)
    bericht = atlas_berechnen()
    alle_freigeben()
    stdout.write(f"Raumgliederungen: {bericht['gebietswerte']} Werte ihrer Räume berechnet.")
    for externe_id, schluessel in ZUSTAENDIGKEIT.items():
        gebiet = Gliederungsraum.objects.get(gliederung__art="zustaendigkeitsraeume", schluessel=schluessel)
        AngebotPage.objects.filter(externe_id=externe_id).update(zustaendigkeitsraum=gebiet)
    # The register's search knows an Angebot's Zuständigkeit from its index entry.
    index.aktualisieren(AngebotPage.objects.filter(externe_id__in=ZUSTAENDIGKEIT).values_list("pk", flat=True))
    _massnahme_im_handlungsraum()


def _massnahme_im_handlungsraum():
    """A Wirkungsziel set for the Handlungsraum: fewer people in emergency shelters along the A7."""
    gebiet = Gliederungsraum.objects.get(schluessel=HANDLUNGSRAUM)
    empfehlung = Handlungsempfehlung.objects.order_by("pk").first()
    basis = (
        GliederungsWert.objects.filter(
            indikator__slug="notunterkunft", gebiet=gebiet, wert__isnull=False, gesperrt=False
        )
        .order_by("stichtag")
        .first()
    )
    if empfehlung is None or basis is None:
        return
    Massnahme.objects.get_or_create(
        empfehlung=empfehlung,
        titel="Gemeinsame Fachstelle Wohnen entlang der A7",
        defaults={
            "beschreibung": "Norderstedt und Henstedt-Ulzburg richten eine gemeinsame Fachstelle zur Vermeidung von "
            "Wohnungsverlust ein.",
            "indikator": basis.indikator,
            "gebiet": gebiet,
            "basis_stichtag": basis.stichtag,
            "basis_wert": basis.wert,
            "zielwert": basis.wert * 3 / 4,
            "zieljahr": basis.stichtag.year + 6,
        },
    )
