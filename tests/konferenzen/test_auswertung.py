"""The need side of the planners' matrix: approved Bedarfsmeldungen per Raum x Handlungsfeld."""

from konferenzen.auswertung import bedarfsmeldungen_matrix
from konferenzen.beteiligung import unterstuetzen
from konferenzen.models import BeitragArt, BeitragStatus
from tests.factories.konferenzen import BeitragFactory, HandlungsfeldFactory, PlanungsraumFactory

F = BeitragStatus.FREIGEGEBEN


def test_matrix_counts_only_approved_bedarfsmeldungen_and_their_supports(konferenz, handlungsfeld):
    raum = konferenz.raeume.get()
    zweiter_raum = PlanungsraumFactory()
    wohnen = HandlungsfeldFactory(nr="5", name="Wohnen")
    a = BeitragFactory(konferenz=konferenz, raum=raum, handlungsfeld=handlungsfeld, status=F)
    b = BeitragFactory(konferenz=konferenz, raum=raum, handlungsfeld=handlungsfeld, status=F)
    BeitragFactory(konferenz=konferenz, raum=raum, handlungsfeld=wohnen, status=F)
    BeitragFactory(konferenz=konferenz, raum=zweiter_raum, handlungsfeld=handlungsfeld, status=F)
    # not counted: pending, rejected, removed, or not a Bedarfsmeldung
    BeitragFactory(konferenz=konferenz, raum=raum, handlungsfeld=handlungsfeld)
    BeitragFactory(konferenz=konferenz, raum=raum, handlungsfeld=handlungsfeld, status=BeitragStatus.ABGELEHNT)
    BeitragFactory(konferenz=konferenz, raum=raum, handlungsfeld=handlungsfeld, status=BeitragStatus.ENTFERNT)
    BeitragFactory(konferenz=konferenz, raum=raum, handlungsfeld=handlungsfeld, status=F, art=BeitragArt.KOMMENTAR)
    for wer in ("ip:10.0.0.1", "ip:10.0.0.2", "ip:10.0.0.3"):
        unterstuetzen(a, wer)
    unterstuetzen(b, "ip:10.0.0.1")

    matrix = bedarfsmeldungen_matrix()
    assert {k: (z.bedarfsmeldungen, z.unterstuetzungen) for k, z in matrix.items()} == {
        (raum.pk, handlungsfeld.pk): (2, 4),
        (raum.pk, wohnen.pk): (1, 0),
        (zweiter_raum.pk, handlungsfeld.pk): (1, 0),
    }
    nur_wohnen = bedarfsmeldungen_matrix(konferenz.beitraege.filter(handlungsfeld=wohnen))
    assert list(nur_wohnen) == [(raum.pk, wohnen.pk)]
