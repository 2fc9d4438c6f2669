"""The pages a fresh install gets for BITV 2.0 § 4 and § 7: Leichte Sprache, Gebärdensprache and the
Erklärung zur Barrierefreiheit, written as the Netzwerk Leichte Sprache asks (short sentences, one
statement a sentence, hard words explained, compound words split with a Mediopunkt)."""

from pathlib import Path

from django.core.files import File
from django.utils import timezone

from wagtail.documents import get_document_model

DGS_DATEIEN = Path(__file__).resolve().parent / "dgs"

LEICHTE_SPRACHE = {
    "title": "Leichte Sprache",
    "slug": "leichte-sprache",
    "intro": "<p>Hier erklären wir diese Internet·Seite in Leichter Sprache.</p>",
    "body": [
        (
            "paragraph",
            "<p>Das ist die Internet·Seite von der Sozial·Planung im Kreis.</p>"
            "<p>Sozial·Planung heißt: Der Kreis plant Hilfe für die Menschen im Kreis.</p>"
            "<p>Auf den nächsten Seiten erklären wir:</p>"
            "<ul><li>Was gibt es auf der Internet·Seite?</li><li>Wie finden Sie Hilfe?</li>"
            "<li>Wie benutzen Sie die Internet·Seite?</li><li>Was steht in der Erklärung zur Barriere·Freiheit?</li>"
            "</ul>",
        )
    ],
}

LEICHTE_SPRACHE_SEITEN = [
    {
        "title": "Was gibt es auf der Internet·Seite?",
        "slug": "was-gibt-es-hier",
        "body": [
            (
                "paragraph",
                "<p>Die Internet·Seite hat 4 Teile.</p>"
                "<h2>1. Hilfe finden</h2>"
                "<p>Hier finden Sie Beratungs·Stellen.</p>"
                "<p>Eine Beratungs·Stelle hilft Ihnen bei einem Problem. Zum Beispiel bei Schulden.</p>"
                "<p>Schulden heißt: Sie müssen jemandem Geld zurück·zahlen.</p>"
                "<p>Die Beratung kostet meistens nichts.</p>"
                "<h2>2. Sozial·Atlas</h2>"
                "<p>Ein Atlas ist eine Sammlung von Karten.</p>"
                "<p>Im Sozial·Atlas stehen Zahlen über den Kreis.</p>"
                "<p>Zum Beispiel: So viele Kinder leben in einer Stadt.</p>"
                "<h2>3. Berichte</h2>"
                "<p>Ein Bericht ist ein langer Text.</p>"
                "<p>Darin schreibt der Kreis: So geht es den Menschen im Kreis.</p>"
                "<h2>4. Planungs·Konferenzen</h2>"
                "<p>Eine Konferenz ist ein Treffen.</p>"
                "<p>Dort planen viele Menschen zusammen.</p>"
                "<p>Sie können mit·machen. Sie können zum Beispiel schreiben: Das fehlt bei uns.</p>",
            )
        ],
    },
    {
        "title": "So finden Sie Hilfe",
        "slug": "hilfe-finden",
        "body": [
            (
                "paragraph",
                "<p>Sie brauchen Hilfe? Dann machen Sie das:</p>"
                "<ol><li>Klicken Sie oben auf: Hilfe finden.</li>"
                "<li>Schreiben Sie in das erste Feld Ihr Problem. Zum Beispiel: Schulden.</li>"
                "<li>Schreiben Sie in das zweite Feld Ihre Post·Leit·Zahl.</li>"
                "<li>Klicken Sie auf: Suchen.</li></ol>"
                "<p>Die Post·Leit·Zahl ist die Zahl vor Ihrem Ort. Zum Beispiel: 23795.</p>"
                "<p>Dann sehen Sie eine Liste.</p>"
                "<p>In der Liste stehen Beratungs·Stellen in Ihrer Nähe.</p>"
                "<p>Bei jeder Beratungs·Stelle steht eine Telefon·Nummer. Rufen Sie dort an.</p>"
                "<h2>Hilfe bei Gewalt</h2>"
                "<p>Gewalt heißt: Jemand tut Ihnen weh. Oder jemand macht Ihnen große Angst.</p>"
                "<p>Im Notfall rufen Sie die Polizei an. Die Nummer ist: 110.</p>"
                "<p>Frauen können das Hilfe·Telefon anrufen. Die Nummer ist: 116 016.</p>"
                "<p>Das Hilfe·Telefon ist Tag und Nacht da.</p>"
                "<p>Der Anruf kostet nichts.</p>"
                "<p>Sie müssen Ihren Namen nicht sagen.</p>",
            )
        ],
    },
    {
        "title": "So benutzen Sie die Internet·Seite",
        "slug": "bedienung",
        "body": [
            (
                "paragraph",
                "<p>Oben auf jeder Seite ist ein blauer Bereich.</p>"
                "<p>Dort sind Links zu den 4 Teilen.</p>"
                "<p>Ein Link ist ein Wort zum Anklicken. Dann kommen Sie auf eine andere Seite.</p>"
                "<p>Im blauen Bereich ist auch ein Such·Feld.</p>"
                "<p>Dort schreiben Sie ein Wort. Dann klicken Sie auf: Suchen.</p>"
                "<p>Ganz oben stehen 2 Links: Leichte Sprache und Gebärden·Sprache.</p>"
                "<p>Damit kommen Sie immer zu diesen Erklärungen.</p>"
                "<h2>Tastatur und Schrift</h2>"
                "<p>Sie können die Seite mit der Tastatur benutzen.</p>"
                "<p>Mit der Taste Tab springen Sie zum nächsten Link.</p>"
                "<p>Sie möchten eine größere Schrift? Drücken Sie die Taste Strg und die Taste Plus zusammen.</p>"
                "<h2>Der rote Knopf</h2>"
                "<p>Auf manchen Seiten ist oben ein roter Knopf.</p>"
                "<p>Auf dem Knopf steht: Seite schnell verlassen.</p>"
                "<p>Der Knopf ist für Menschen, die Gewalt erleben.</p>"
                "<p>Drücken Sie den Knopf. Dann kommt sofort eine andere Internet·Seite.</p>",
            )
        ],
    },
    {
        "title": "Erklärung zur Barriere·Freiheit",
        "slug": "barrierefreiheit",
        "body": [
            (
                "paragraph",
                "<p>Barriere·Freiheit heißt: Alle Menschen können die Internet·Seite gut benutzen.</p>"
                "<p>Auch Menschen mit Behinderung.</p>"
                "<p>Dafür gibt es ein Gesetz. Das Gesetz heißt: BITV 2.0.</p>"
                "<p>Der Kreis muss sich an das Gesetz halten.</p>"
                "<p>Wir haben die Internet·Seite geprüft.</p>"
                "<p>Die meisten Teile sind barriere·frei.</p>"
                "<p>Manche Teile sind noch nicht barriere·frei. Zum Beispiel die Karten.</p>"
                "<p>Sie haben ein Problem mit der Internet·Seite? Dann schreiben Sie uns.</p>"
                '<p>Dafür gibt es ein Formular. Sie finden es auf der Seite: <a href="/barrierefreiheit/">'
                "Erklärung zur Barrierefreiheit</a>.</p>"
                "<p>Sie sind mit unserer Antwort nicht zufrieden? Dann gibt es die Schlichtungs·Stelle.</p>"
                "<p>Die Schlichtungs·Stelle hilft bei Streit. Das kostet nichts.</p>",
            )
        ],
    },
]

NICHT_BARRIEREFREI = (
    "<ul>"
    "<li>Karten: Die Kartenansichten sind mit Tastatur und Bildschirmleser nur eingeschränkt bedienbar. "
    "Alle Angaben der Karten stehen auch in den Listen und Tabellen daneben.</li>"
    "<li>Dokumente: Ältere PDF-Dokumente in Berichten sind nicht immer barrierefrei. Auf Anfrage senden wir "
    "sie Ihnen in einer zugänglichen Form.</li>"
    "<li>Gebärdensprache: Das Video in Deutscher Gebärdensprache ist noch ein Platzhalter ohne Gebärden. "
    "Seine Inhalte stehen im Transkript und in Leichter Sprache.</li>"
    "</ul>"
)

RUECKMELDUNG_FELDER = [
    {
        "label": "Ihre Nachricht",
        "field_type": "multiline",
        "required": True,
        "help_text": "Was hat nicht funktioniert?",
    },
    {"label": "Auf welcher Seite?", "field_type": "singleline", "required": False, "help_text": "Adresse oder Titel"},
    {"label": "Ihr Name", "field_type": "singleline", "required": False, "help_text": ""},
    {
        "label": "Ihre E-Mail-Adresse",
        "field_type": "email",
        "required": False,
        "help_text": "Nur wenn Sie eine Antwort wünschen.",
    },
]

DGS_TRANSKRIPT = (
    "<p>Willkommen im Portal der Sozialplanung.</p>"
    "<p>Dieses Video ist ein Platzhalter. Hier zeigt bald eine Gebärdensprachdolmetscherin, was das Portal "
    "bietet: Hilfe finden, den Sozialatlas, Berichte und Planungskonferenzen.</p>"
)


def dokument(titel: str, dateiname: str):
    """A document of Wagtail's library made from a file shipped with the code (created once)."""
    model = get_document_model()
    vorhanden = model.objects.filter(title=titel).first()
    if vorhanden:
        return vorhanden
    with (DGS_DATEIEN / dateiname).open("rb") as datei:
        doc = model(title=titel, file=File(datei, name=dateiname))
        doc.save()
    return doc


def dgs_inhalt() -> list:
    video = dokument("DGS-Video: Das Portal (Platzhalter)", "platzhalter.webm")
    untertitel = dokument("DGS-Video: Das Portal (Untertitel)", "platzhalter.vtt")
    return [
        (
            "paragraph",
            "<p>Hier erklären wir das Portal in Deutscher Gebärdensprache (DGS). Das Video hat Untertitel. "
            "Darunter steht der ganze Inhalt als Text.</p>",
        ),
        (
            "video",
            {
                "titel": "Das Portal in Gebärdensprache",
                "video": video,
                "untertitel": untertitel,
                "untertitel_sprache": "de",
                "transkript": DGS_TRANSKRIPT,
            },
        ),
    ]


def heute():
    return timezone.localdate()
