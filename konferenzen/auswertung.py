"""Counts for the planners: approved Bedarfsmeldungen per Raum x Handlungsfeld (the dashboard's need side).

Plain data in, plain data out, so the dashboard can set indicator values and Angebote per 10,000 inhabitants
beside each cell once the atlas and the register provide them.
"""

from dataclasses import dataclass

from django.db.models import Count

from .models import Beitrag, BeitragArt, BeitragStatus


@dataclass(frozen=True)
class Zelle:
    raum_id: int
    handlungsfeld_id: int
    bedarfsmeldungen: int
    unterstuetzungen: int


def bedarfsmeldungen_matrix(beitraege=None):
    """{(raum_id, handlungsfeld_id): Zelle} over approved Bedarfsmeldungen (of `beitraege`, default all)."""
    beitraege = Beitrag.objects.all() if beitraege is None else beitraege
    gezaehlt = (
        beitraege.filter(art=BeitragArt.BEDARFSMELDUNG, status=BeitragStatus.FREIGEGEBEN)
        .values("raum_id", "handlungsfeld_id")
        .annotate(anzahl=Count("id", distinct=True), unterstuetzungen=Count("unterstuetzungen"))
        .order_by()
    )
    return {
        (z["raum_id"], z["handlungsfeld_id"]): Zelle(
            z["raum_id"], z["handlungsfeld_id"], z["anzahl"], z["unterstuetzungen"]
        )
        for z in gezaehlt
    }


def matrix_tabelle(beitraege=None):
    """The matrix as rows for display: (räume, handlungsfelder, [(raum, [Zelle | None per Handlungsfeld])]).

    Only Räume and Handlungsfelder with at least one approved Bedarfsmeldung appear.
    """
    from sozialatlas.models import Raum

    from .models import Handlungsfeld

    matrix = bedarfsmeldungen_matrix(beitraege)
    raeume = list(Raum.objects.filter(pk__in={r for r, _ in matrix}).order_by("ebene", "name"))
    felder = list(Handlungsfeld.objects.filter(pk__in={h for _, h in matrix}))
    zeilen = [(raum, [matrix.get((raum.pk, feld.pk)) for feld in felder]) for raum in raeume]
    return raeume, felder, zeilen


# --- the planners' dashboard: need next to indicators and supply -------------------------------------

MAX_KENNZAHLEN = 3


@dataclass
class Planungszelle:
    raum: object
    feld: object
    bedarf: Zelle | None
    kennzahlen: list  # [(Indikator, Wert | None)]: the latest value of each key indicator in this Raum
    angebote_je_10000: float | None  # Angebote of the Handlungsfeld's Themen per 10,000 inhabitants


def kennzahlen(feld, bezug=None):
    """The key indicators of a Handlungsfeld: those its Planungsbezug names, else the first three released
    primary indicators of the Handlungsfeld that are not absolute counts (rates compare across Räume)."""
    from sozialatlas.models import Einheit, Indikator
    from sozialatlas.models.katalog import PrimaerSekundaer

    gewaehlt = list(bezug.indikatoren.all()) if bezug else []
    if gewaehlt:
        return sorted((i for i in gewaehlt if i.live), key=lambda i: (i.nr, i.name))
    return list(
        Indikator.objects.oeffentlich()
        .filter(teilbereich__handlungsfeld=feld, primaer_sekundaer=PrimaerSekundaer.PRIMAER)
        .exclude(einheit=Einheit.ABSOLUT)
        .order_by("nr", "name")[:MAX_KENNZAHLEN]
    )


def letzte_werte(indikatoren, raum_ids) -> dict:
    """{(indikator_id, raum_id): Wert} with the latest released Stichtag of each pair."""
    from sozialatlas.models import Wert

    werte = Wert.objects.oeffentlich().filter(indikator__in=indikatoren, raum_id__in=raum_ids).order_by("stichtag")
    return {(w.indikator_id, w.raum_id): w for w in werte}


def planungsuebersicht(beitraege=None):
    """(felder, [(raum, [Planungszelle per Handlungsfeld])]) for the Räume and Handlungsfelder with approved
    Bedarfsmeldungen; supply counted as in angebote.versorgung (Standorte per 10,000 inhabitants)."""
    from angebote.versorgung import bestand_laden, dichte_je_raum

    from .models import Planungsbezug

    raeume, felder, zeilen = matrix_tabelle(beitraege)
    bezuege = {
        b.handlungsfeld_id: b
        for b in Planungsbezug.objects.filter(handlungsfeld__in=felder).prefetch_related("themen", "indikatoren")
    }
    bestand = bestand_laden() if bezuege else None
    dichte, zahlen = {}, {}
    for feld in felder:
        bezug = bezuege.get(feld.pk)
        themen = {t.pk for t in bezug.themen.all()} if bezug else set()
        dichte[feld.pk] = dichte_je_raum(bestand, themen) if themen else {}
        zahlen[feld.pk] = kennzahlen(feld, bezug)
    werte = letzte_werte({i for liste in zahlen.values() for i in liste}, [r.pk for r in raeume])
    return felder, [
        (
            raum,
            [
                Planungszelle(
                    raum,
                    feld,
                    zelle,
                    [(i, werte.get((i.pk, raum.pk))) for i in zahlen[feld.pk]],
                    dichte[feld.pk].get(raum.pk),
                )
                for feld, zelle in zip(felder, zellen, strict=True)
            ],
        )
        for raum, zellen in zeilen
    ]


UEBERSICHT_SPALTEN = [
    "raum_schluessel",
    "raum",
    "handlungsfeld",
    "bedarfsmeldungen",
    "unterstuetzungen",
    "angebote_je_10000_einwohner",
    "kennzahlen",
]


def _kennzahl_text(indikator, wert):
    if wert is None or wert.status == "fehlt":
        return f"{indikator.name}: keine Daten"
    if wert.gesperrt:
        return f"{indikator.name}: gesperrt"
    from sozialatlas.figuren import EINHEIT_ZEICHEN

    zeichen = EINHEIT_ZEICHEN.get(indikator.einheit, "")
    return f"{indikator.name}: {wert.wert.normalize():f}{zeichen} ({wert.stichtag:%d.%m.%Y})"


def uebersicht_zeilen(zeilen):
    """One row per cell with approved Bedarfsmeldungen, for the XLSX/CSV export."""
    return [
        {
            "raum_schluessel": raum.schluessel,
            "raum": raum.name,
            "handlungsfeld": zelle.feld.name,
            "bedarfsmeldungen": zelle.bedarf.bedarfsmeldungen,
            "unterstuetzungen": zelle.bedarf.unterstuetzungen,
            "angebote_je_10000_einwohner": None
            if zelle.angebote_je_10000 is None
            else round(zelle.angebote_je_10000, 2),
            "kennzahlen": " | ".join(_kennzahl_text(i, w) for i, w in zelle.kennzahlen),
        }
        for raum, zellen in zeilen
        for zelle in zellen
        if zelle.bedarf
    ]


@dataclass
class Zellendetails:
    beitraege: list
    figuren: list  # the key indicators' course in the Raum beside the Kreis (sozialatlas.figuren.Figur)
    angebote: list
    themen: list
    angebote_je_10000: float | None


def teilraum_ids(raum) -> set[int]:
    """The Raum and every Raum below it."""
    from sozialatlas.models import Raum

    kinder = {}
    for pk, parent in Raum.objects.values_list("id", "parent_id"):
        kinder.setdefault(parent, []).append(pk)
    ids, offen = set(), [raum.pk]
    while offen:
        pk = offen.pop()
        ids.add(pk)
        offen.extend(kinder.get(pk, ()))
    return ids


def zelle_details(raum, feld, beitraege=None) -> Zellendetails:
    from django.db.models import Count, Q

    from angebote.models import AngebotPage, AngebotStatus
    from angebote.versorgung import bestand_laden, dichte_je_raum

    from .datenlage import verlauf_figur
    from .models import Planungsbezug

    beitraege = Beitrag.objects.all() if beitraege is None else beitraege
    bezug = Planungsbezug.objects.filter(handlungsfeld=feld).prefetch_related("themen", "indikatoren").first()
    themen = list(bezug.themen.all()) if bezug else []
    vorfahren = raum.vorfahren()
    teilraeume = teilraum_ids(raum)
    angebote = (
        AngebotPage.objects.originale()
        .live()
        .exclude(status=AngebotStatus.EINGESTELLT)
        .filter(themen__in=themen)
        .filter(Q(standorte__raum__in=teilraeume) | Q(standorte__isnull=True, raum__in=[raum, *vorfahren]))
        .distinct()
        .prefetch_related("themen", "standorte__raum")
        .order_by("title")
    )
    return Zellendetails(
        beitraege=list(
            beitraege.filter(
                raum=raum, handlungsfeld=feld, art=BeitragArt.BEDARFSMELDUNG, status=BeitragStatus.FREIGEGEBEN
            )
            .select_related("konferenz", "raum")
            .annotate(anzahl_unterstuetzungen=Count("unterstuetzungen", distinct=True))
            .order_by("-anzahl_unterstuetzungen", "erstellt_am")
        ),
        figuren=[verlauf_figur(i, [raum]) for i in kennzahlen(feld, bezug)],
        angebote=list(angebote) if themen else [],
        themen=themen,
        angebote_je_10000=dichte_je_raum(bestand_laden(), {t.pk for t in themen}).get(raum.pk) if themen else None,
    )
