"""Planungskonferenzen and Raumgliederungen: a Beitrag names a Handlungsraum, the Planungsübersicht is read
by a Gliederung, and a Maßnahme's Wirkungsziel is set for a Handlungsraum."""

from datetime import date

import pytest

from django.core.exceptions import ValidationError

from konferenzen.datenlage import massnahme_figur
from konferenzen.empfehlungen import empfehlung_anlegen
from konferenzen.models import BeitragArt, BeitragStatus, Massnahme
from sozialatlas.berechnung import atlas_berechnen
from sozialatlas.freigabe import alle_freigeben
from sozialatlas.models import Ebene, Einheit, Gliederungsart, Wert
from tests.factories.konferenzen import BeitragFactory
from tests.factories.sozialatlas import IndikatorFactory, RaumFactory
from tests.sozialatlas.test_gliederung_admin import gliederung

pytestmark = pytest.mark.django_db
URL = "/admin/konferenzen/bedarfsmatrix/"


@pytest.fixture
def raeume(konferenz):
    planungsraum = konferenz.raeume.get()
    kreis = RaumFactory(schluessel="KREIS", name="Kreis Beispiel", ebene=Ebene.KREIS)
    planungsraum.parent = kreis
    planungsraum.save()
    gemeinden = [
        RaumFactory(schluessel=f"GEM{i}", name=f"Gemeinde {i}", ebene=Ebene.GEMEINDE, parent=planungsraum)
        for i in range(3)
    ]
    g = gliederung(
        {"H-MITTE": gemeinden[:2], "H-RAND": gemeinden[2:]},
        art=Gliederungsart.HANDLUNGSRAEUME,
        name="Frühe Hilfen",
        slug="fruehe-hilfen",
    )
    return {"gemeinden": gemeinden, "gliederung": g, "mitte": g.raeume.get(schluessel="H-MITTE")}


def test_planungsuebersicht_by_a_gliederung_counts_bedarfsmeldungen_per_handlungsraum(
    client, planerin, konferenz, handlungsfeld, raeume
):
    freigegeben = {
        "art": BeitragArt.BEDARFSMELDUNG,
        "status": BeitragStatus.FREIGEGEBEN,
        "handlungsfeld": handlungsfeld,
    }
    BeitragFactory(konferenz=konferenz, raum=raeume["gemeinden"][0], **freigegeben)
    BeitragFactory(konferenz=konferenz, raum=raeume["gemeinden"][1], **freigegeben)
    # Named by its Handlungsraum although its Raum is the whole Planungsraum.
    BeitragFactory(konferenz=konferenz, handlungsraum=raeume["mitte"], **freigegeben)
    BeitragFactory(konferenz=konferenz, raum=raeume["gemeinden"][2], **freigegeben)
    client.force_login(planerin)
    html = client.get(URL, {"gliederung": raeume["gliederung"].pk}).content.decode()
    assert "Frühe Hilfen (Handlungsräume)" in html
    mitte = html[html.index(f'data-zelle="H-MITTE|{handlungsfeld.pk}"') :]
    assert mitte.split("</span>")[0].endswith(">3")
    rand = html[html.index(f'data-zelle="H-RAND|{handlungsfeld.pk}"') :]
    assert rand.split("</span>")[0].endswith(">1")
    export = client.get(
        "/admin/konferenzen/bedarfsmatrix/export/",
        {"inhalt": "matrix", "format": "csv", "gliederung": raeume["gliederung"].pk},
    )
    assert "H-MITTE" in export.content.decode("utf-8-sig")


def test_a_massnahme_wirkungsziel_for_a_handlungsraum_follows_the_areas_ratio_of_sums(konferenz, handlungsfeld, raeume):
    einwohner = IndikatorFactory(slug="einwohner")
    faelle = IndikatorFactory(slug="faelle")
    quote = IndikatorFactory(slug="quote", name="Quote", einheit=Einheit.PROZENT, formel="faelle / einwohner * 100")
    for i, gemeinde in enumerate(raeume["gemeinden"]):
        for jahr in (2022, 2023):
            for indikator, wert in ((einwohner, 1000 * (i + 1)), (faelle, 40 + 10 * i + jahr - 2022)):
                Wert.objects.create(
                    indikator=indikator, raum=gemeinde, stichtag=date(jahr, 12, 31), aus_import=True, importiert=wert
                )
    atlas_berechnen()
    alle_freigeben()
    empfehlung = empfehlung_anlegen(
        titel="Frühe Hilfen stärken",
        text="…",
        handlungsfeld=handlungsfeld,
        raeume=konferenz.raeume.all(),
        datum=date(2026, 1, 10),
        gremium="Konferenz",
    )
    massnahme = Massnahme(
        empfehlung=empfehlung,
        titel="Lotsendienst",
        indikator=quote,
        gebiet=raeume["mitte"],
        basis_stichtag=date(2022, 12, 31),
        basis_wert="3",
        zielwert="2",
        zieljahr=2026,
    )
    massnahme.full_clean()
    massnahme.save()
    linien = {linie["name"]: linie["y"] for linie in massnahme_figur(massnahme).plotly["data"]}
    # H-MITTE: (40 + 50) / (1000 + 2000) * 100 = 3.0, then (41 + 51) / 3000 * 100 = 3.07.
    assert [round(y, 2) for y in linien["Raum H-MITTE"]] == [3.0, 3.07]
    massnahme.raum = konferenz.raeume.get()
    with pytest.raises(ValidationError):
        massnahme.full_clean()
