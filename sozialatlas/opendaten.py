"""Open data: one indicator's values as CSV/JSON and the catalogue (DCAT-AP.de-style) as JSON.
Suppressed values never appear here; they are listed with status "gesperrt" and no value."""

import csv
import io

from django.db.models import Max, Min

from wagtail.models import Site

from portal.imports import format_decimal
from portal.models import PortalEinstellungen

from .berechnung import datenluecken
from .models import Indikator, Wert, nr_schluessel

SPALTEN = ["indikator", "raum", "raum_name", "ebene", "stichtag", "wert", "status"]
LIZENZ = "http://dcat-ap.de/def/licenses/dl-by-de/2.0"


def oeffentlicher_indikator(slug):
    return Indikator.objects.oeffentlich().filter(slug=slug).select_related("teilbereich__handlungsfeld").first()


def datensatz(indikator: Indikator) -> list[dict]:
    """Every value row of a released indicator plus a "fehlt" row per data gap; suppressed rows empty."""
    zeilen = []
    werte = (
        Wert.objects.oeffentlich()
        .filter(indikator=indikator)
        .select_related("raum")
        .order_by("raum__ebene", "raum__schluessel", "stichtag")
    )
    for wert in werte:
        zeilen.append(
            {
                "indikator": indikator.slug,
                "raum": wert.raum.schluessel,
                "raum_name": wert.raum.name,
                "ebene": wert.raum.ebene,
                "stichtag": wert.stichtag.isoformat(),
                "wert": wert.oeffentlicher_wert,
                "status": str(wert.status),
            }
        )
    for raum, stichtag in datenluecken(indikator, nur_oeffentlich=True):
        zeilen.append(
            {
                "indikator": indikator.slug,
                "raum": raum.schluessel,
                "raum_name": raum.name,
                "ebene": raum.ebene,
                "stichtag": stichtag.isoformat(),
                "wert": None,
                "status": "fehlt",
            }
        )
    return zeilen


def datensatz_csv(indikator: Indikator) -> bytes:
    """UTF-8 with BOM, `;` and decimal comma, so Excel opens it right."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=SPALTEN, delimiter=";", lineterminator="\r\n")
    writer.writeheader()
    for zeile in datensatz(indikator):
        writer.writerow({**zeile, "wert": format_decimal(zeile["wert"])})
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def vergleich_csv(vergleich) -> bytes:
    """The scatter's points as CSV like the open data: Raum, both indicators' values (empty where none)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(["raum_name", "ebene", "stichtag", vergleich.x.slug, vergleich.y.slug])
    for name, x, y in vergleich.punkte:
        writer.writerow([name, vergleich.ebene, vergleich.stichtag.isoformat(), format_decimal(x), format_decimal(y)])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def datensatz_json(indikator: Indikator) -> dict:
    return {
        "indikator": indikator.slug,
        "name": indikator.name,
        "einheit": indikator.einheit,
        "werte": [{**z, "wert": None if z["wert"] is None else float(z["wert"])} for z in datensatz(indikator)],
    }


def katalog(request, atlas_page) -> dict:
    site = Site.find_for_request(request) or Site.objects.filter(is_default_site=True).first()
    einstellungen = PortalEinstellungen.for_site(site) if site else None
    herausgeber = (einstellungen.herausgeber or einstellungen.kreis_name) if einstellungen else ""
    basis = atlas_page.get_full_url(request).rstrip("/")
    datensaetze = []
    indikatoren = sorted(
        Indikator.objects.oeffentlich().select_related("teilbereich__handlungsfeld"),
        key=lambda i: (nr_schluessel(i.nr), i.slug),
    )
    # Two grouped queries for the whole catalogue instead of two per indicator.
    zeitraeume = {
        z["indikator_id"]: z
        for z in Wert.objects.oeffentlich().values("indikator_id").annotate(von=Min("stichtag"), bis=Max("stichtag"))
    }
    ebenen_von = {}
    for indikator_id, ebene in Wert.objects.oeffentlich().values_list("indikator_id", "raum__ebene").distinct():
        ebenen_von.setdefault(indikator_id, set()).add(ebene)
    for indikator in indikatoren:
        zeitraum = zeitraeume.get(indikator.pk, {"von": None, "bis": None})
        ebenen = sorted(ebenen_von.get(indikator.pk, ()))
        datensaetze.append(
            {
                "identifier": indikator.slug,
                "title": indikator.name,
                "description": indikator.aussagewert,
                "nr": indikator.nr,
                "theme": [indikator.teilbereich.handlungsfeld.name, indikator.teilbereich.name],
                "unit": indikator.einheit,
                "polarity": indikator.polaritaet,
                "calculation": indikator.berechnung,
                "formula": indikator.formel,
                "source": indikator.datenquelle,
                "publisher": herausgeber,
                "license": LIZENZ,
                "modified": indikator.last_published_at.isoformat() if indikator.last_published_at else None,
                "temporal": {
                    "start": zeitraum["von"].isoformat() if zeitraum["von"] else None,
                    "end": zeitraum["bis"].isoformat() if zeitraum["bis"] else None,
                },
                "spatial": {"raumbezug": indikator.raumbezug, "ebenen": ebenen},
                "distribution": [
                    {"format": "CSV", "mediaType": "text/csv", "accessURL": f"{basis}/daten/{indikator.slug}.csv"},
                    {
                        "format": "JSON",
                        "mediaType": "application/json",
                        "accessURL": f"{basis}/daten/{indikator.slug}.json",
                    },
                ],
            }
        )
    from .gliederung_auswertung import katalog_eintraege

    return {
        "title": "Sozialatlas: Datenkatalog",
        "publisher": herausgeber,
        "license": LIZENZ,
        "dataset": datensaetze + katalog_eintraege(basis, herausgeber),
    }
