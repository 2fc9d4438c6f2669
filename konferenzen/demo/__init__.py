"""Demo Planungskonferenzen for the demo Planungsräume: one open, one past, Beiträge and a recommendation."""

from datetime import timedelta

from django.utils import timezone

from angebote.models import Thema
from sozialatlas.models import Indikator, Raum, Wert

from ..empfehlungen import empfehlung_anlegen, status_weiter
from ..models import (
    Beitrag,
    BeitragArt,
    BeitragStatus,
    EmpfehlungStatus,
    Handlungsfeld,
    KonferenzIndexPage,
    KonferenzPage,
    Massnahme,
    Planungsbezug,
)
from ..models import Rolle as R

# The atlas's Handlungsfelder by number (the demo catalogue creates 1, 3 and 4; a conference uses the
# atlas's own, so the Thema list never offers one field twice under two names) plus those only conferences
# use so far, created with the name given here.
HANDLUNGSFELDER = {
    "demografie": ("1", "Demografie"),
    "familie": ("2", "Kinder, Jugend und Familie"),
    "armut": ("3", "Soziale Lage"),
    "wohnen": ("3", "Soziale Lage"),  # the atlas files Wohnen as a Teilbereich of Soziale Lage
    "gesundheit": ("4", "Gesundheit"),
    "integration": ("5", "Migration und Integration"),
}
# Each conference's own Themen: the Beitrag form offers these, not the whole catalogue.
THEMEN = {
    "planungskonferenz-nord": ["familie", "armut", "gesundheit", "integration"],
    "planungskonferenz-schuldnerberatung": ["armut"],
}

# Which Themen of the demo register serve which Handlungsfeld (the dashboard's supply side); Soziale Lage
# also names its key indicators (the others follow the rule in auswertung.kennzahlen).
KENNZAHLEN = {"armut": ["anteil_bg_u65", "notunterkunft"]}
PLANUNGSBEZUG = {
    "familie": ["erziehungsberatung", "jugendberatung", "schwangerschaftsberatung"],
    "armut": ["schuldnerberatung", "sozialberatung", "wohnungslosenhilfe"],
    "gesundheit": ["pflegeberatung", "seniorenberatung", "sozialpsychiatrie", "suchtberatung"],
    "integration": ["migrationsberatung"],
}

# (art, raum, handlungsfeld, text, zielgruppe, rolle, organisation, status, name)
BEITRAEGE_OFFEN = [
    (
        BeitragArt.BEDARFSMELDUNG,
        "AR-BSE",
        "armut",
        "In Bad Segeberg fehlt eine offene Sprechstunde der Schuldnerberatung am Abend. Wer tagsüber arbeitet, "
        "bekommt erst nach Wochen einen Termin.",
        "Berufstätige mit Schulden",
        R.BUERGER,
        "",
        BeitragStatus.FREIGEGEBEN,
        "",
    ),
    (
        BeitragArt.BEDARFSMELDUNG,
        "AR-WAH",
        "familie",
        "Für Alleinerziehende in Wahlstedt gibt es keine Kinderbetreuung in Randzeiten (vor 7 und nach 17 Uhr).",
        "Alleinerziehende",
        R.GEMEINDE,
        "Gemeinde Wahlstedt",
        BeitragStatus.FREIGEGEBEN,
        "",
    ),
    (
        BeitragArt.ANGEBOTSHINWEIS,
        "AR-BHV",
        "gesundheit",
        "Der Pflegestützpunkt bietet seit diesem Jahr auch Hausbesuche im Amt Bornhöved an.",
        "",
        R.TRAEGER,
        "Träger Diakonie Beispielstadt",
        BeitragStatus.FREIGEGEBEN,
        "",
    ),
    (
        BeitragArt.KOMMENTAR,
        "PR-NORD",
        "wohnen",
        "Bezahlbarer Wohnraum sollte ein eigener Schwerpunkt der nächsten Konferenz sein.",
        "",
        R.BUERGER,
        "",
        BeitragStatus.EINGEREICHT,
        "Maria K.",
    ),
    (
        BeitragArt.BEDARFSMELDUNG,
        "AR-TRL",
        "integration",
        "Im Amt Trave-Land fehlt eine erreichbare Migrationsberatung; der Bus nach Bad Segeberg fährt selten.",
        "Zugewanderte Familien",
        R.BUERGER,
        "",
        BeitragStatus.EINGEREICHT,
        "",
    ),
]
BEITRAEGE_VERGANGEN = [
    (
        BeitragArt.BEDARFSMELDUNG,
        "AR-KAK",
        "armut",
        "In Kaltenkirchen sind die Wartezeiten in der Schuldnerberatung auf über drei Monate gestiegen.",
        "Überschuldete Haushalte",
        R.TRAEGER,
        "Träger Schuldnerhilfe Beispiel e. V.",
        BeitragStatus.FREIGEGEBEN,
        "",
    ),
    (
        BeitragArt.BEDARFSMELDUNG,
        "AR-NOR",
        "armut",
        "In Norderstedt wünschen sich viele eine Schuldnerberatung in einfacher Sprache und auf Türkisch.",
        "Menschen mit wenig Deutschkenntnissen",
        R.BUERGER,
        "",
        BeitragStatus.FREIGEGEBEN,
        "",
    ),
    (
        BeitragArt.KOMMENTAR,
        "PR-SUED",
        "armut",
        "Werbung für ein Produkt …",
        "",
        R.BUERGER,
        "",
        BeitragStatus.ABGELEHNT,
        "",
    ),
]


def _beitraege(konferenz, daten, raeume, felder):
    angelegt = []
    for art, raum, feld, text, zielgruppe, rolle, organisation, status, name in daten:
        angelegt.append(
            Beitrag.objects.create(
                konferenz=konferenz,
                art=art,
                raum=raeume[raum],
                handlungsfeld=felder[feld],
                text=text,
                zielgruppe=zielgruppe,
                rolle=rolle,
                organisation=organisation,
                verifiziert=bool(organisation),
                name=name,
                status=status,
                moderiert_am=timezone.now() if status != BeitragStatus.EINGEREICHT else None,
            )
        )
    return angelegt


def _konferenz(index, slug, **felder):
    vorhanden = KonferenzPage.objects.child_of(index).filter(slug=slug).first()
    if vorhanden:
        return vorhanden, False
    themen = felder.pop("themen")
    raeume = felder.pop("raeume")
    indikatoren = Indikator.objects.filter(slug__in=felder.pop("indikatoren", []))
    konferenz = KonferenzPage(slug=slug, **felder)
    index.add_child(instance=konferenz)
    konferenz.raeume.set(raeume)
    konferenz.indikatoren.set(indikatoren)
    konferenz.handlungsfelder.set(themen)
    konferenz.save_revision().publish()
    return konferenz, True


def _massnahme(empfehlung, raum):
    """A Wirkungsziel on the demo recommendation: fewer people in emergency shelters in Norderstedt."""
    basis = Wert.objects.filter(indikator__slug="notunterkunft", raum=raum, wert__isnull=False).order_by("stichtag")
    basis = basis.first()
    if basis is None:
        return
    Massnahme.objects.create(
        empfehlung=empfehlung,
        titel="Präventionsstelle gegen Wohnungsverlust in Norderstedt",
        beschreibung="Die Schuldnerberatung meldet drohende Räumungen früh an die Fachstelle Wohnen.",
        indikator=basis.indikator,
        raum=raum,
        basis_stichtag=basis.stichtag,
        basis_wert=basis.wert,
        zielwert=basis.wert * 3 / 4,
        zieljahr=basis.stichtag.year + 6,
    )


def load_konferenzen(stdout):
    felder = {}
    for slug, (nr, name) in HANDLUNGSFELDER.items():
        felder[slug] = Handlungsfeld.objects.filter(nr=nr).order_by("pk").first()
        if felder[slug] is None:
            felder[slug] = Handlungsfeld.objects.create(nr=nr, name=name)
    for slug, themen in PLANUNGSBEZUG.items():
        bezug, _ = Planungsbezug.objects.get_or_create(handlungsfeld=felder[slug])
        bezug.themen.set(Thema.objects.filter(slug__in=themen))
        bezug.indikatoren.set(Indikator.objects.filter(slug__in=KENNZAHLEN.get(slug, [])))
        bezug.save()
    raeume = {r.schluessel: r for r in Raum.objects.all()}
    planungsraeume = [raeume[s] for s in ("PR-NORD", "PR-WEST", "PR-SUED")]
    index = KonferenzIndexPage.objects.get()
    heute = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)

    offen, neu_offen = _konferenz(
        index,
        "planungskonferenz-nord",
        title="Planungskonferenz Nord: Beratung und Unterstützung vor Ort",
        intro="<p>Was fehlt in Bad Segeberg, Wahlstedt und den Ämtern im Norden? Melden Sie Bedarfe und Hinweise.</p>",
        beginn=heute + timedelta(days=28, hours=17),
        ende=heute + timedelta(days=28, hours=20),
        ort="Kreishaus, Hamburger Straße 30, Bad Segeberg (Sitzungssaal)",
        online_link="https://video.example.org/planungskonferenz-nord",
        beteiligung_ab=heute - timedelta(days=7),
        beteiligung_bis=heute + timedelta(days=21, hours=23, minutes=59),
        phase="bedarfe",
        raeume=[raeume["PR-NORD"]],
        themen=[felder[slug] for slug in THEMEN["planungskonferenz-nord"]],
        indikatoren=["saldo_je_1000", "notunterkunft"],
        tagesordnung=[
            (
                "paragraph",
                "<ol><li>Begrüßung</li><li>Datenlage im Planungsraum Nord</li>"
                "<li>Bedarfsmeldungen aus der Online-Beteiligung</li>"
                "<li>Empfehlungen an die Steuerungsgruppe</li></ol>",
            ),
        ],
    )
    vergangen, neu_vergangen = _konferenz(
        index,
        "planungskonferenz-schuldnerberatung",
        title="Planungskonferenz Schuldnerberatung im Kreis",
        intro="<p>Kreisweite Konferenz zur Versorgung mit Schuldner- und Insolvenzberatung.</p>",
        beginn=heute - timedelta(days=200, hours=-17),
        ende=heute - timedelta(days=200, hours=-20),
        ort="Bürgerhaus Kaltenkirchen",
        beteiligung_ab=heute - timedelta(days=240),
        beteiligung_bis=heute - timedelta(days=205),
        phase="interpretation",
        raeume=planungsraeume,
        themen=[felder[slug] for slug in THEMEN["planungskonferenz-schuldnerberatung"]],
        indikatoren=["notunterkunft", "dichte_schuldnerberatung"],
    )
    if neu_offen:
        _beitraege(offen, BEITRAEGE_OFFEN, raeume, felder)
    if neu_vergangen:
        quelle = _beitraege(vergangen, BEITRAEGE_VERGANGEN, raeume, felder)
        empfehlung = empfehlung_anlegen(
            titel="Offene Abendsprechstunden der Schuldnerberatung in Kaltenkirchen und Norderstedt",
            text="Die Sozialplanung empfiehlt, die Schuldnerberatung um zwei Abendsprechstunden je Woche zu "
            "erweitern und Material in einfacher Sprache bereitzustellen.",
            handlungsfeld=felder["armut"],
            raeume=[raeume["AR-KAK"], raeume["AR-NOR"]],
            beitraege=quelle[:2],
            konferenz=vergangen,
            prioritaet="hoch",
            datum=(heute - timedelta(days=190)).date(),
            gremium="Planungskonferenz Schuldnerberatung",
        )
        _massnahme(empfehlung, raeume["AR-NOR"])
        status_weiter(
            empfehlung,
            EmpfehlungStatus.STEUERUNGSGRUPPE,
            datum=(heute - timedelta(days=120)).date(),
            gremium="Steuerungsgruppe Sozialplanung",
            beschluss="Als steuerungsrelevant eingestuft, Priorität hoch.",
        )
        status_weiter(
            empfehlung,
            EmpfehlungStatus.FACHAUSSCHUSS,
            datum=(heute - timedelta(days=40)).date(),
            gremium="Sozial- und Gesundheitsausschuss",
            beschluss="Dem Kreistag zur Annahme empfohlen.",
        )
    stdout.write(f"Konferenzen: {KonferenzPage.objects.count()}, Beiträge: {Beitrag.objects.count()}")
