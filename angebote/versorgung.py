"""Versorgung (supply) indicators computed from the Angebotsverzeichnis, per Raum and Thema.

Two atlas indicators per Thema, in the Handlungsfeld "Versorgung":

- `dichte_<thema>`: Standorte of live Angebote of that Thema per 10,000 inhabitants of a Raum. A Standort
  counts for its Raum (normally the Gemeinde) and every Raum above it. An Angebot without a Standort
  (online or by telephone) counts once for its Einzugsgebiet (`AngebotPage.raum`) and the Räume above
  that, not for the Räume below it: it is not located in any of them. Inhabitants are the latest
  released value of the indicator `einwohner` of each Raum; Räume without one get no value.
- `entfernung_<thema>`: the straight-line distance in km from each Gemeinde's centroid to the nearest
  Standort of that Thema, using the Standort's public point (`Standort.oeffentlich_lat/lon`), which for
  a confidential address (shelters) is its Gemeinde's centroid, so the value reveals nothing.

Angebote count while their page is live and their status is not "eingestellt". The values are ordinary
`sozialatlas.Wert` rows with `aus_import` set (the Angebotsverzeichnis is their source, like a file is for
an import), so the atlas recomputation keeps them as they are: it neither sums nor suppresses nor deletes
them (their Einheit is not "absolut"). The Stichtag is the day of the computation; each run replaces the
previous values (the register keeps no history, so neither do these indicators).
"""

import math
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

import numpy as np
from django_tasks import task

from django.db import connection, transaction
from django.utils import timezone

from sozialatlas.freigabe import werte_freigeben
from sozialatlas.models import Ebene, Einheit, Handlungsfeld, Indikator, Polaritaet, Quelle, Raum, Teilbereich, Wert

from .geo import ERDRADIUS_KM
from .models import AngebotPage, AngebotStatus, Standort, Thema

EINWOHNER = "einwohner"
JE_EINWOHNER = 10_000
DATENQUELLE = "Angebotsverzeichnis"
HANDLUNGSFELD = ("V", "Versorgung")
DICHTE = ("V.1", "Angebotsdichte")
ENTFERNUNG = ("V.2", "Erreichbarkeit")


@dataclass(frozen=True)
class Bestand:
    """What the computation reads, loaded in a fixed number of queries however many Angebote exist."""

    standorte: list[tuple[int, int | None, float | None, float | None]]  # angebot, raum, public lat, lon
    online: list[tuple[int, int]]  # angebot without Standort, its Einzugsgebiet
    themen: dict[int, set[int]]  # angebot -> Thema ids
    eltern: dict[int, int | None]  # raum -> parent
    einwohner: dict[int, float]  # raum -> latest inhabitants


def bestand_laden() -> Bestand:
    angebote = AngebotPage.objects.originale().filter(live=True).exclude(status=AngebotStatus.EINGESTELLT)
    standorte = list(
        Standort.objects.filter(angebot__in=angebote).values_list(
            "angebot_id", "raum_id", "oeffentlich_lat", "oeffentlich_lon"
        )
    )
    online = list(angebote.filter(standorte__isnull=True, raum__isnull=False).values_list("id", "raum_id").distinct())
    themen = defaultdict(set)
    for angebot_id, thema_id in AngebotPage.themen.through.objects.filter(angebotpage__in=angebote).values_list(
        "angebotpage_id", "thema_id"
    ):
        themen[angebot_id].add(thema_id)
    return Bestand(standorte, online, dict(themen), dict(Raum.objects.values_list("id", "parent_id")), einwohner())


def einwohner() -> dict[int, float]:
    """Inhabitants per Raum: its latest value of `einwohner` that is neither missing nor suppressed."""
    werte = (
        Wert.objects.oeffentlich()
        .filter(indikator__slug=EINWOHNER, gesperrt=False, wert__isnull=False)
        .order_by("stichtag")
    )
    return {raum_id: float(wert) for raum_id, wert in werte.values_list("raum_id", "wert")}


def _mit_vorfahren(raum_id, eltern):
    while raum_id is not None:
        yield raum_id
        raum_id = eltern.get(raum_id)


def anzahl_je_raum(bestand: Bestand, themen: set[int]) -> dict[int, int]:
    """Standorte (and Angebote without one) of Angebote with any of `themen`, per Raum incl. the Räume above."""
    anzahl = defaultdict(int)
    orte = [(a, r) for a, r, _, _ in bestand.standorte] + bestand.online
    for angebot_id, raum_id in orte:
        if raum_id is not None and bestand.themen.get(angebot_id, set()) & themen:
            for ziel in _mit_vorfahren(raum_id, bestand.eltern):
                anzahl[ziel] += 1
    return dict(anzahl)


def dichte_je_raum(bestand: Bestand, themen: set[int]) -> dict[int, float]:
    """Per 10,000 inhabitants, for every Raum with inhabitants (0 where there is no Angebot)."""
    anzahl = anzahl_je_raum(bestand, themen)
    return {
        raum_id: anzahl.get(raum_id, 0) * JE_EINWOHNER / leute for raum_id, leute in bestand.einwohner.items() if leute
    }


def entfernungen_km(punkte: list[tuple[float, float]], ziele: list[tuple[float, float]]) -> list[float]:
    """For each point, the haversine distance in km to the nearest target (vectorised; NaN without targets)."""
    if not punkte or not ziele:
        return [math.nan] * len(punkte)
    p = np.radians(np.array(punkte, dtype=float))[:, None, :]
    z = np.radians(np.array(ziele, dtype=float))[None, :, :]
    dlat, dlon = z[..., 0] - p[..., 0], z[..., 1] - p[..., 1]
    a = np.sin(dlat / 2) ** 2 + np.cos(p[..., 0]) * np.cos(z[..., 0]) * np.sin(dlon / 2) ** 2
    return list((2 * ERDRADIUS_KM * np.arcsin(np.sqrt(np.minimum(a, 1.0)))).min(axis=1))


def naechste_entfernung(bestand: Bestand, gemeinden: list[tuple[int, float, float]], thema_id: int) -> dict[int, float]:
    ziele = [
        (lat, lon)
        for angebot_id, _, lat, lon in bestand.standorte
        if lat is not None and thema_id in bestand.themen.get(angebot_id, ())
    ]
    werte = entfernungen_km([(lat, lon) for _, lat, lon in gemeinden], ziele)
    return {raum_id: km for (raum_id, _, _), km in zip(gemeinden, werte, strict=True) if not math.isnan(km)}


def slug_fuer(praefix: str, thema: Thema) -> str:
    return f"{praefix}_{thema.slug.replace('-', '_')}"[:60]


def _teilbereich(handlungsfeld, nr_name):
    nr, name = nr_name
    return Teilbereich.objects.get_or_create(handlungsfeld=handlungsfeld, name=name, defaults={"nr": nr})[0]


def indikatoren_anlegen(themen: list[Thema]) -> dict[tuple[str, int], Indikator]:
    """The two indicators per Thema, created released with their metadata when missing (editors may
    then change their texts; the slugs stay)."""
    feld = Handlungsfeld.objects.get_or_create(name=HANDLUNGSFELD[1], defaults={"nr": HANDLUNGSFELD[0]})[0]
    dichte, entfernung = _teilbereich(feld, DICHTE), _teilbereich(feld, ENTFERNUNG)
    vorhanden = {i.slug: i for i in Indikator.objects.filter(teilbereich__in=[dichte, entfernung])}
    result = {}
    for thema in themen:
        for art, teilbereich, felder in (
            ("dichte", dichte, _dichte_metadaten(thema)),
            ("entfernung", entfernung, _entfernung_metadaten(thema)),
        ):
            slug = slug_fuer(art, thema)
            indikator = vorhanden.get(slug) or Indikator.objects.filter(slug=slug).first()
            if indikator is None:
                indikator = Indikator.objects.create(
                    slug=slug,
                    nr=f"{teilbereich.nr}.{thema.pk}",
                    teilbereich=teilbereich,
                    einheit=Einheit.INDEX,
                    primaer_sekundaer="sekundaer",
                    datenquelle=DATENQUELLE,
                    stichtag="Tag der Berechnung",
                    live=True,
                    **felder,
                )
            result[(art, thema.pk)] = indikator
    return result


def _dichte_metadaten(thema):
    return {
        "name": f"Angebote »{thema.name}« je 10.000 Einwohner*innen",
        "polaritaet": Polaritaet.HOCH_GUT,
        "aussagewert": "Wie dicht ist das Netz der Angebote dieses Themas? Ein niedriger Wert neben hohem Bedarf "
        "zeigt eine mögliche Versorgungslücke (Differenz aus vorhandenem Angebot und festgestelltem Bedarf).",
        "berechnung": "Zahl der Standorte veröffentlichter, nicht eingestellter Angebote des Themas im Raum "
        "(einschließlich seiner Teilräume) mal 10.000 geteilt durch die Einwohner*innen des Raums (letzter "
        "Stichtag des Indikators »einwohner«). Angebote ohne Standort (online, telefonisch) zählen einmal für "
        "ihr Einzugsgebiet und die Räume darüber. Automatisch neu berechnet, wenn Angebote veröffentlicht, "
        "zurückgezogen, verschoben oder gelöscht werden.",
        "raumbezug": "alle Ebenen mit Einwohnerzahl",
    }


def _entfernung_metadaten(thema):
    return {
        "name": f"Entfernung zum nächsten Angebot »{thema.name}« (km)",
        "polaritaet": Polaritaet.HOCH_UNGUENSTIG,
        "aussagewert": "Wie weit ist der Weg zur Hilfe? Zeigt, wo Angebote dieses Themas weit entfernt sind.",
        "berechnung": "Luftlinie in Kilometern vom Mittelpunkt der Gemeinde zum nächsten Standort eines "
        "veröffentlichten, nicht eingestellten Angebots des Themas. Schutzeinrichtungen mit vertraulicher "
        "Adresse gehen mit dem Mittelpunkt ihrer Gemeinde ein, nie mit ihrer Lage. Automatisch neu berechnet, "
        "wenn Angebote veröffentlicht, zurückgezogen, verschoben oder gelöscht werden.",
        "raumbezug": "Gemeindeebene",
    }


def _wert(indikator, raum_id, stichtag, zahl, stellen):
    betrag = Decimal(str(round(zahl, stellen)))
    return Wert(
        indikator=indikator,
        raum_id=raum_id,
        stichtag=stichtag,
        aus_import=True,
        importiert=betrag,
        wert=betrag,
        quelle=Quelle.IMPORTIERT,
    )


@transaction.atomic
def versorgung_berechnen() -> dict:
    """Recompute every Versorgung indicator; replaces their previous values. Returns counts for the log."""
    themen = list(Thema.objects.all())
    indikatoren = indikatoren_anlegen(themen)
    bestand = bestand_laden()
    gemeinden = list(
        Raum.objects.filter(ebene=Ebene.GEMEINDE, lat__isnull=False, lon__isnull=False).values_list("id", "lat", "lon")
    )
    stichtag = timezone.localdate()
    werte = []
    for thema in themen:
        dichte, entfernung = indikatoren[("dichte", thema.pk)], indikatoren[("entfernung", thema.pk)]
        werte += [_wert(dichte, r, stichtag, v, 2) for r, v in dichte_je_raum(bestand, {thema.pk}).items()]
        werte += [
            _wert(entfernung, r, stichtag, v, 1) for r, v in naechste_entfernung(bestand, gemeinden, thema.pk).items()
        ]
    Wert.objects.filter(indikator__in=indikatoren.values()).delete()
    Wert.objects.bulk_create(werte, batch_size=2000)
    # The register is public already (the Redaktion approved every Angebot), so are figures made from it.
    for indikator in indikatoren.values():
        werte_freigeben(indikator, stichtag)
    return {"indikatoren": len(indikatoren), "werte": len(werte)}


@task()
def versorgung_berechnen_task():
    return versorgung_berechnen()


def _neu_berechnen():
    versorgung_berechnen_task.enqueue()


def nach_commit_neu_berechnen():
    """Enqueue one recomputation after the transaction commits, however many Angebote it changes."""
    if any(entry[1] is _neu_berechnen for entry in connection.run_on_commit):
        return
    transaction.on_commit(_neu_berechnen)
