"""The planners' dashboard read by a Raumgliederung: Bedarfsmeldungen counted per area of the Gliederung
(a Beitrag belongs to an area when it names it as its Handlungsraum or its Raum lies inside the area),
beside the Handlungsfeld's key indicators of the area (its GliederungsWerte), and a Maßnahme's course in
the area its Wirkungsziel is set for."""

from django.db.models import Count

from sozialatlas.gliederungen import Raumbaum
from sozialatlas.models import GliederungsWert

from .auswertung import Planungszelle, Zelle, kennzahlen
from .models import Beitrag, BeitragArt, BeitragStatus


def gebiet_verlauf(indikator, gebiet) -> list:
    """[(Stichtag, public value or None)] of an area of a Gliederung."""
    return [
        (stichtag, None if gesperrt else wert)
        for stichtag, wert, gesperrt in GliederungsWert.objects.oeffentlich()
        .filter(indikator=indikator, gebiet=gebiet)
        .order_by("stichtag")
        .values_list("stichtag", "wert", "gesperrt")
    ]


def gebiete_der_beitraege(beitraege, gebiete, baum=None) -> dict[int, set[int]]:
    """{Beitrag id: ids of the areas it belongs to}."""
    baum = baum or Raumbaum.laden()
    mengen = {g.pk: baum.atome_von([m.pk for m in g.mitglieder.all()]) for g in gebiete}
    ergebnis = {}
    for pk, raum_id, handlungsraum_id in beitraege.values_list("pk", "raum_id", "handlungsraum_id"):
        atome = baum.atome(raum_id)
        treffer = {g for g, menge in mengen.items() if atome and atome <= menge}
        if handlungsraum_id in mengen:
            treffer.add(handlungsraum_id)
        ergebnis[pk] = treffer
    return ergebnis


def planungsuebersicht_nach_gliederung(gliederung, beitraege=None):
    """(felder, [(Gliederungsraum, [Planungszelle per Handlungsfeld])]) as konferenzen.auswertung's
    planungsuebersicht, over the areas of `gliederung` that have approved Bedarfsmeldungen."""
    from .models import Handlungsfeld, Planungsbezug

    beitraege = Beitrag.objects.all() if beitraege is None else beitraege
    bedarfe = beitraege.filter(art=BeitragArt.BEDARFSMELDUNG, status=BeitragStatus.FREIGEGEBEN).annotate(
        anzahl_unterstuetzungen=Count("unterstuetzungen", distinct=True)
    )
    gebiete = list(gliederung.raeume.prefetch_related("mitglieder").order_by("name"))
    zuordnung = gebiete_der_beitraege(bedarfe, gebiete)
    zaehlung = {}
    for pk, feld_id, unterstuetzungen in bedarfe.values_list("pk", "handlungsfeld_id", "anzahl_unterstuetzungen"):
        for gebiet_id in zuordnung.get(pk, ()):
            anzahl, summe = zaehlung.get((gebiet_id, feld_id), (0, 0))
            zaehlung[(gebiet_id, feld_id)] = (anzahl + 1, summe + unterstuetzungen)
    felder = list(Handlungsfeld.objects.filter(pk__in={f for _g, f in zaehlung}))
    bezuege = {b.handlungsfeld_id: b for b in Planungsbezug.objects.filter(handlungsfeld__in=felder)}
    zahlen = {feld.pk: kennzahlen(feld, bezuege.get(feld.pk)) for feld in felder}
    werte = {
        (w.indikator_id, w.gebiet_id): w
        for w in GliederungsWert.objects.oeffentlich()
        .filter(indikator__in={i for liste in zahlen.values() for i in liste}, gebiet__in=gebiete)
        .order_by("stichtag")
    }
    zeilen = []
    for gebiet in gebiete:
        if not any((gebiet.pk, feld.pk) in zaehlung for feld in felder):
            continue
        zellen = []
        for feld in felder:
            gezaehlt = zaehlung.get((gebiet.pk, feld.pk))
            zelle = Zelle(gebiet.pk, feld.pk, *gezaehlt) if gezaehlt else None
            zellen.append(
                Planungszelle(gebiet, feld, zelle, [(i, werte.get((i.pk, gebiet.pk))) for i in zahlen[feld.pk]], None)
            )
        zeilen.append((gebiet, zellen))
    return felder, zeilen


def gliederungen():
    """The Gliederungen the dashboard can be read by."""
    from sozialatlas.models import Raumgliederung

    return Raumgliederung.objects.order_by("name")
