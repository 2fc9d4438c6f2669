"""The demo county's Raumgliederungen: two Planungsraum schemes without gaps or overlaps, a Handlungsraum
with a Maßnahme, Zuständigkeitsräume of the Schuldnerberatungen; no suppressed value recoverable."""

import pandas as pd
import pytest

from django.conf import settings

from angebote.models import AngebotPage
from angebote.zustaendigkeit import zustaendige_gemeinde_ids
from konferenzen.models import Massnahme
from sozialatlas.berechnung import berechnen, katalog_laden, werte_laden
from sozialatlas.gliederungen import Raumbaum, aufdeckbare, flaechen, gebiete_laden, pruefen
from sozialatlas.models import Einheit, Indikator, Raum, Raumgliederung


@pytest.mark.django_db
def test_demo_gliederungen_are_published_complete_and_used(demo):
    gliederungen = {g.slug: g for g in Raumgliederung.objects.all()}
    assert len(gliederungen) == 4 and all(g.veroeffentlicht for g in gliederungen.values())
    for g in gliederungen.values():
        assert pruefen(g) == [], g.name
    massnahme = Massnahme.objects.get(gebiet__schluessel="HR-A7")
    assert massnahme.ort.name.startswith("Handlungsraum")
    nor = AngebotPage.objects.get(externe_id="schuldner-nor")
    gemeinden = set(Raum.objects.filter(pk__in=zustaendige_gemeinde_ids(nor)).values_list("schluessel", flat=True))
    assert {"G-NOR", "G-ELL", "G-HEU"} <= gemeinden and "G-BSE" not in gemeinden


@pytest.mark.django_db
def test_no_suppressed_demo_value_is_recoverable_from_any_pair_of_published_areas(demo):
    indikatoren, raeume = katalog_laden()
    gebiete = gebiete_laden()
    ergebnis = berechnen(werte_laden(), indikatoren, raeume, settings.ATLAS_MIN_FALLZAHL, gebiete=gebiete)
    tabelle = pd.concat([ergebnis.werte, ergebnis.gebietswerte], ignore_index=True)
    baum = Raumbaum.laden()
    additiv = set(Indikator.objects.filter(einheit=Einheit.ABSOLUT).values_list("pk", flat=True))
    gefunden, geprueft = aufdeckbare(tabelle, flaechen(baum, gebiete), baum, additiv)
    print(f"Differencing audit of the demo: {geprueft} pairs of published areas checked")  # noqa: T201 (the number of the audit report)
    assert gefunden == []
    assert geprueft > 100
    assert tabelle["gesperrt"].any()  # the demo has small counts, so the audit has something to find
