"""The demo report: a Fokusbericht that uses every block type of a BerichtPage, on the demo data."""

import io
import json
import uuid
from datetime import date

from PIL import Image as PILImage

from django.core.files.base import ContentFile

from wagtail.documents.models import Document
from wagtail.images.models import Image

from angebote.models import Thema
from home.models import BerichtIndexPage, BerichtPage
from sozialatlas.models import Handlungsfeld, Indikator, Raum

TITEL = "Fokusbericht Wanderung und Armut 2023 (Beispiel)"


def _bild():
    # A small legend-like picture, drawn here so the demo needs no image file.
    puffer = io.BytesIO()
    PILImage.new("RGB", (480, 160), "#41b6c4").save(puffer, "PNG")
    return Image.objects.create(
        title="Beispielgrafik Planungsräume", file=ContentFile(puffer.getvalue(), "planungsraeume.png")
    )


def _dokument():
    text = b"Methodenhinweise zum Fokusbericht (Beispiel)\n\nAlle Zahlen sind erfunden.\n"
    return Document.objects.create(title="Methodenhinweise (Beispiel)", file=ContentFile(text, "methodenhinweise.txt"))


def load_bericht(stdout):
    index = BerichtIndexPage.objects.get()
    if BerichtPage.objects.filter(title=TITEL).exists():
        return
    saldo = Indikator.objects.get(slug="saldo_je_1000")
    bg = Indikator.objects.get(slug="anteil_bg_u65")
    einwohner = Indikator.objects.get(slug="einwohner")
    raeume = {r.schluessel: r for r in Raum.objects.all()}
    sucht = Thema.objects.filter(slug="suchtberatung").first() or Thema.objects.first()
    text = "<p>Dieser Bericht ist ein Beispiel. Er zeigt, wie Berichte Werte aus dem Sozialatlas live einbinden.</p>"
    body = [
        ("heading", {"text": "Wanderung im Kreis", "level": "h2"}),
        ("paragraph", text),
        (
            "diagramm",
            {
                "indikator": saldo.pk,
                "diagrammtyp": "rangfolge",
                "ebene": "analyseraum",
                "stichtag": None,
                "von": None,
                "bis": None,
                "raeume": [],
            },
        ),
        ("karte", {"indikator": saldo.pk, "ebene": "analyseraum", "stichtag": None}),
        ("heading", {"text": "Bevölkerung in Wahlstedt", "level": "h3"}),
        (
            "diagramm",
            {
                "indikator": einwohner.pk,
                "diagrammtyp": "zeitreihe",
                "ebene": None,
                "stichtag": None,
                "von": "2021-01-01",
                "bis": None,
                "raeume": [raeume["AR-WAH"].pk],
            },
        ),
        ("raumprofil", {"raum": raeume["AR-WAH"].pk, "handlungsfeld": Handlungsfeld.objects.get(name="Demografie").pk}),
        ("heading", {"text": "Bedarfsgemeinschaften", "level": "h2"}),
        ("tabelle", {"indikator": bg.pk, "ebene": "analyseraum", "stichtag": None}),
        (
            "callout",
            {
                "title": "Hinweis",
                "text": "<p>Der Kreiswert ist der Wert des ganzen Kreises, kein Mittel der Räume.</p>",
            },
        ),
        ("heading", {"text": "Hilfe vor Ort", "level": "h2"}),
        ("angebote", {"thema": sucht.pk, "raum": raeume["PR-SUED"].pk}),
        ("image", {"image": _bild().pk, "decorative": False, "alt_text": "Beispielgrafik in Türkis (ohne Inhalt)"}),
        ("document", {"document": _dokument().pk, "title": "Methodenhinweise herunterladen"}),
    ]
    bericht = BerichtPage(
        title=TITEL,
        art=BerichtPage.Art.FOKUSBERICHT,
        autorinnen="Sozialplanung des Kreises (Beispiel)",
        veroeffentlicht_am=date(2024, 6, 1),
        handlungsfeld=Handlungsfeld.objects.get(name="Demografie"),
        body=json.dumps([{"type": typ, "value": wert, "id": str(uuid.uuid4())} for typ, wert in body]),
    )
    index.add_child(instance=bericht)
    bericht.save_revision().publish()
    stdout.write(f"Bericht: {TITEL}")
