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
