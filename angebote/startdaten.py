"""The starting taxonomy of DESIGN.md with lay-word Suchbegriffe, and the common languages.

Used by the data migration and by the demo loader (a test database flushed between tests loses what
migrations created, so the demo re-creates what is missing; existing rows are left as editors changed them).
"""

from .suchbegriffe import SUCHBEGRIFFE

THEMEN = [
    (
        "schuldnerberatung",
        "Schuldnerberatung",
        "€",
        "Hilfe bei Schulden, Mahnungen und drohender Pfändung",
        "Schulden, Schuld, Mahnung, Mahnungen, Inkasso, Pfändung, Kontopfändung, P-Konto, Privatinsolvenz, "
        "Insolvenz, Geldsorgen, Geldprobleme, Mietschulden, Stromschulden, Rechnungen nicht bezahlen, Kredit, "
        "Gerichtsvollzieher, Zahlungsprobleme, pleite, Schufa",
    ),
    (
        "suchtberatung",
        "Suchtberatung",
        "⊘",
        "Beratung bei Alkohol, Drogen, Glücksspiel und anderen Süchten",
        "Sucht, süchtig, Alkohol, trinken, Trinker, Drogen, Cannabis, kiffen, Spielsucht, Glücksspiel, "
        "Medikamente, Tabletten, Rauchen, Nikotin, Computerspielsucht, Mediensucht, abhängig, Abhängigkeit, "
        "Entzug, Kokain, Heroin, Crystal, Co-Abhängigkeit",
    ),
    (
        "frauenhaus",
        "Frauenhaus",
        "⌂",
        "Schutz und Unterkunft für Frauen und ihre Kinder bei Gewalt",
        "Frauenhaus, Frauenhäuser, Schutz, Zuflucht, Schutzwohnung, häusliche Gewalt, Gewalt zu Hause, Gewalt, "
        "geschlagen, Partner schlägt, Mann schlägt, bedroht, Bedrohung, Flucht vor Gewalt, Notaufnahme, "
        "sicher wohnen",
    ),
    (
        "frauenberatung",
        "Frauenberatung (Gewaltschutz)",
        "♀",
        "Beratung für Frauen, die Gewalt erleben oder erlebt haben",
        "Gewalt, häusliche Gewalt, Gewalt zu Hause, Gewaltschutz, Stalking, Belästigung, sexuelle Gewalt, "
        "Vergewaltigung, Missbrauch, Bedrohung, geschlagen, Zwangsheirat, Trennung, Frauennotruf, Frauen",
    ),
    (
        "migrationsberatung",
        "Migrationsberatung",
        "⇄",
        "Beratung für Zugewanderte zu Aufenthalt, Sprache, Arbeit und Alltag",
        "Migration, Migranten, Migrantinnen, Zuwanderung, Einwanderung, Aufenthalt, Aufenthaltserlaubnis, "
        "Aufenthaltstitel, Einbürgerung, Visum, Ausländerbehörde, Asyl, Geflüchtete, Flüchtlinge, Flucht, "
        "Integrationskurs, Deutschkurs, Deutsch lernen, Anerkennung Abschluss, Familiennachzug",
    ),
    (
        "erziehungsberatung",
        "Erziehungsberatung",
        "☺",
        "Beratung für Eltern, Kinder und Familien",
        "Erziehung, Kinder, Kind, Eltern, Familie, Familienberatung, Streit in der Familie, Pubertät, Trotz, "
        "Schreibaby, Trennung, Scheidung, Umgang, Sorgerecht, Schulprobleme, ADHS, Geschwister, Elternberatung",
    ),
    (
        "schwangerschaftsberatung",
        "Schwangerschaftsberatung",
        "♡",
        "Beratung rund um Schwangerschaft, Geburt und Schwangerschaftskonflikt",
        "schwanger, Schwangerschaft, Baby, Geburt, Schwangerschaftskonflikt, Abtreibung, Schwangerschaftsabbruch, "
        "Beratungsschein, ungewollt schwanger, Verhütung, Elterngeld, Mutterschutz, Hebamme, Pränataldiagnostik",
    ),
    (
        "pflegeberatung",
        "Pflegeberatung",
        "✚",
        "Beratung für Pflegebedürftige und pflegende Angehörige",
        "Pflege, pflegen, Pflegegrad, Pflegestufe, pflegebedürftig, Angehörige pflegen, Pflegedienst, "
        "Pflegeheim, Demenz, Pflegegeld, Kurzzeitpflege, Tagespflege, Verhinderungspflege, Pflegestützpunkt, "
        "Hilfsmittel, Pflegekasse",
    ),
    (
        "seniorenberatung",
        "Seniorenberatung",
        "☼",
        "Rat und Unterstützung für ältere Menschen",
        "Senioren, Seniorinnen, Alter, älter, ältere Menschen, Rente, Rentner, Rentnerin, Einsamkeit, einsam, "
        "Wohnen im Alter, betreutes Wohnen, Hausnotruf, Vorsorgevollmacht, Patientenverfügung, "
        "Nachbarschaftshilfe, Seniorentreff",
    ),
    (
        "wohnungslosenhilfe",
        "Wohnungslosenhilfe",
        "⛺",
        "Hilfe bei Wohnungslosigkeit und drohendem Wohnungsverlust",
        "wohnungslos, Wohnungslosigkeit, obdachlos, Obdach, Obdachlosigkeit, keine Wohnung, Wohnung verloren, "
        "Räumung, Räumungsklage, Zwangsräumung, Kündigung der Wohnung, Notunterkunft, Übernachtung, "
        "auf der Straße, Wohnungsnot, Postadresse, Tagesaufenthalt",
    ),
    (
        "sozialpsychiatrie",
        "Sozialpsychiatrie",
        "☁",
        "Hilfe in seelischen Krisen und bei psychischer Erkrankung",
        "Psyche, psychisch, psychische Krise, psychisch krank, Depression, depressiv, Angst, Ängste, Panik, "
        "Psychose, Krise, Lebenskrise, Suizid, Suizidgedanken, seelisch, Burnout, Schizophrenie, "
        "Sozialpsychiatrischer Dienst, Nervenzusammenbruch",
    ),
    (
        "teilhabeberatung",
        "Teilhabeberatung (EUTB)",
        "♿",
        "Ergänzende unabhängige Teilhabeberatung für Menschen mit Behinderung",
        "Behinderung, behindert, Schwerbehinderung, Schwerbehindertenausweis, Rollstuhl, Teilhabe, EUTB, "
        "Eingliederungshilfe, persönliches Budget, Inklusion, Assistenz, blind, gehörlos, Reha, Rehabilitation, "
        "Beeinträchtigung",
    ),
    (
        "jugendberatung",
        "Jugendberatung",
        "✦",
        "Beratung für Jugendliche und junge Erwachsene",
        "Jugendliche, Jugend, junge Menschen, junge Erwachsene, Teenager, Ausbildung, Schule, Schulabbruch, "
        "Ärger zu Hause, Stress mit Eltern, ausziehen, Liebeskummer, Mobbing, Berufsorientierung, Praktikum, "
        "Jugendmigrationsdienst",
    ),
    (
        "sozialberatung",
        "Allgemeine Sozialberatung",
        "§",
        "Hilfe bei Anträgen, Bescheiden und Leistungen",
        "Sozialberatung, Antrag, Anträge, Formulare, Bürgergeld, Hartz IV, Jobcenter, Wohngeld, Kindergeld, "
        "Kinderzuschlag, Grundsicherung, Sozialhilfe, Behörde, Bescheid, Widerspruch, Geld vom Amt, "
        "Bildung und Teilhabe, Sozialleistungen, arm, Armut",
    ),
    (
        "trauerbegleitung",
        "Trauerbegleitung",
        "✿",
        "Begleitung nach dem Tod eines nahestehenden Menschen",
        "Trauer, trauern, Tod, gestorben, verstorben, Verlust, Todesfall, Sterben, Hospiz, Trauergruppe, "
        "Trauercafé, Abschied, Sterbebegleitung, verwaiste Eltern",
    ),
]

SPRACHEN = [
    ("de", "Deutsch"),
    ("en", "Englisch"),
    ("tr", "Türkisch"),
    ("ar", "Arabisch"),
    ("ru", "Russisch"),
    ("uk", "Ukrainisch"),
    ("pl", "Polnisch"),
    ("fa", "Persisch (Farsi)"),
    ("ku", "Kurdisch"),
    ("ro", "Rumänisch"),
    ("bg", "Bulgarisch"),
    ("fr", "Französisch"),
    ("es", "Spanisch"),
    ("it", "Italienisch"),
    ("sq", "Albanisch"),
    ("sr", "Serbisch"),
    ("hr", "Kroatisch"),
    ("el", "Griechisch"),
    ("ps", "Paschtu"),
    ("ti", "Tigrinya"),
    ("so", "Somali"),
    ("vi", "Vietnamesisch"),
    ("dgs", "Deutsche Gebärdensprache"),
]


def suchbegriffe_felder(slug: str, deutsch: str) -> dict[str, str]:
    """The Suchbegriffe fields of a starting Thema: German (both lists) and the five other languages."""
    sprachen = SUCHBEGRIFFE.get(slug, {})
    felder = {"suchbegriffe": ", ".join(t for t in (deutsch, sprachen.get("de", "")) if t)}
    felder.update({f"suchbegriffe_{code}": text for code, text in sprachen.items() if code != "de"})
    return felder


def anlegen(thema_model, sprache_model):
    # An early migration's Thema has no fields for the other languages yet: those come with a later one.
    felder = {f.name for f in thema_model._meta.get_fields()}
    for nr, (slug, name, symbol, beschreibung, suchbegriffe) in enumerate(THEMEN, start=1):
        thema_model.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "symbol": symbol,
                "beschreibung": beschreibung,
                "sortierung": nr * 10,
                **{k: v for k, v in suchbegriffe_felder(slug, suchbegriffe).items() if k in felder},
            },
        )
    for code, name in SPRACHEN:
        sprache_model.objects.get_or_create(code=code, defaults={"name": name})
