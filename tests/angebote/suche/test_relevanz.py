"""The relevance set: what residents type, in six languages, finds the right demo Angebote in the top three.

Runs on the engine of the test database (SQLite FTS5, or PostgreSQL with DATABASE_URL); the contract
suite (tests/search/test_vertrag.py) runs the same set against Elasticsearch when a cluster is given."""

import pytest

from angebote.suche import suche
from angebote.suche.vertrag import SuchAnfrage

# (query, ids of demo Angebote of which at least one must be among the first three hits)
QUERY_SET = [
    ("Schulden", {"schuldner-nor", "schuldner-bse", "schuldner-kak"}),
    ("Mahnung vom Inkasso", {"schuldner-nor", "schuldner-bse", "schuldner-kak"}),
    ("Kontopfändung", {"schuldner-nor", "schuldner-bse", "schuldner-kak"}),
    ("Privatinsolvenz", {"schuldner-nor", "schuldner-bse", "schuldner-kak"}),
    ("Alkohol", {"sucht-nor", "sucht-bse", "sucht-kak", "sucht-bbs", "selbsthilfe-heu"}),
    ("Drogen", {"sucht-nor", "sucht-bse", "sucht-kak", "sucht-bbs"}),
    ("kiffen", {"sucht-nor", "sucht-bse", "sucht-kak", "sucht-bbs"}),
    ("Sportwetten", {"gluecksspiel"}),
    ("Sucht Kaltenkirchen", {"sucht-kak"}),
    ("Gewalt zu Hause", {"frauenhaus-nor", "frauenhaus-bse", "frauenberatung-nor", "frauenberatung-bse"}),
    ("Mein Mann schlägt mich", {"frauenhaus-nor", "frauenhaus-bse", "frauenberatung-nor", "frauenberatung-bse"}),
    ("Stalking", {"frauenberatung-nor", "frauenberatung-bse"}),
    ("Aufenthaltserlaubnis", {"migration-nor", "migration-bse"}),
    ("Deutsch lernen", {"migration-nor", "migration-bse", "jmd-kak"}),
    ("Pubertät", {"erziehung-nor", "erziehung-bse", "erziehung-heu"}),
    ("Streit mit meinem Kind", {"erziehung-nor", "erziehung-bse", "erziehung-heu"}),
    ("schwanger", {"schwanger-nor", "schwanger-bse"}),
    ("Abtreibung", {"schwanger-nor", "schwanger-bse"}),
    ("Pflegegrad beantragen", {"pflege-bse", "pflege-nor"}),
    ("Demenz", {"demenz-heu", "pflege-bse", "pflege-nor"}),
    ("einsam im Alter", {"senioren-nor", "senioren-bbs", "senioren-wah"}),
    ("obdachlos", {"wohnungslos-nor", "wohnungslos-bse"}),
    ("Räumungsklage", {"wohnungslos-nor", "wohnungslos-bse"}),
    ("duschen", {"wohnungslos-bse"}),
    ("Depression", {"spdi-bse", "spdi-nor", "seele-kak"}),
    ("Suizidgedanken", {"spdi-bse", "spdi-nor", "seele-kak"}),
    ("Rollstuhl", {"eutb-bse", "eutb-nor"}),
    ("Gebärdensprache", {"eutb-bse"}),
    ("Ärger mit den Eltern", {"jugend-kak", "jugend-nor", "jugend-bbs"}),
    ("Bürgergeld Antrag", {"sozial-bse", "sozial-nor", "sozial-wah", "sozial-telefon"}),
    ("Widerspruch Jobcenter", {"sozial-bse", "sozial-nor", "sozial-wah", "sozial-telefon"}),
    ("Trauer", {"trauer-bse", "trauer-nor"}),
    ("gestorben", {"trauer-bse", "trauer-nor"}),
    ("Hospiz", {"trauer-bse", "trauer-nor"}),
    ("vergesslich", {"demenz-heu"}),
    # one-letter typos
    ("Schuldnerbertung", {"schuldner-nor", "schuldner-bse", "schuldner-kak"}),
    ("Alkohl", {"sucht-nor", "sucht-bse", "sucht-kak", "sucht-bbs", "selbsthilfe-heu"}),
    ("Depresion", {"spdi-bse", "spdi-nor", "seele-kak"}),
    ("Obdachlso", {"wohnungslos-nor", "wohnungslos-bse"}),
    # umlauts and ß typed as ae/oe/ue/ss
    ("Frauenhaeuser", {"frauenhaus-nor", "frauenhaus-bse"}),
    ("Gluecksspiel", {"gluecksspiel"}),
    ("Raeumungsklage", {"wohnungslos-nor", "wohnungslos-bse"}),
    ("Pubertaet", {"erziehung-nor", "erziehung-bse", "erziehung-heu"}),
]

# What people type in the six citizen languages, with places and typos.
ALLTAG: list[tuple[str, set[str]]] = [
    # Deutsch: Alltagssprache, Komposita, Tippfehler
    ("kein Geld für Miete", {"schuldner-bse", "schuldner-kak", "schuldner-nor"}),
    ("Strom abgestellt", {"schuldner-bse", "schuldner-kak", "schuldner-nor"}),
    ("Mietschulden", {"schuldner-bse", "schuldner-kak", "schuldner-nor"}),
    ("Schuldnerbertung", {"schuldner-bse", "schuldner-kak", "schuldner-nor"}),
    ("Gerichtsvollzieher kommt", {"schuldner-bse", "schuldner-kak", "schuldner-nor"}),
    ("Pfändung Konto", {"schuldner-bse", "schuldner-kak", "schuldner-nor"}),
    ("Stromsperre", {"schuldner-bse", "schuldner-kak", "schuldner-nor"}),
    ("Suchtberatungsstelle", {"sucht-bbs", "sucht-bse", "sucht-kak", "sucht-nor"}),
    ("Alkhol", {"selbsthilfe-heu", "sucht-bbs", "sucht-bse", "sucht-kak", "sucht-nor"}),
    ("mein Mann trinkt", {"selbsthilfe-heu", "sucht-bbs", "sucht-bse", "sucht-kak", "sucht-nor"}),
    ("Sohn kifft", {"sucht-bbs", "sucht-bse", "sucht-kak", "sucht-nor"}),
    ("Spielhalle", {"gluecksspiel", "sucht-bbs", "sucht-bse", "sucht-kak", "sucht-nor"}),
    ("Drogenberatung", {"sucht-bbs", "sucht-bse", "sucht-kak", "sucht-nor"}),
    ("mein Mann schlägt mich", {"frauenberatung-bse", "frauenberatung-nor", "frauenhaus-bse", "frauenhaus-nor"}),
    ("Schutzhaus für Frauen", {"frauenhaus-bse", "frauenhaus-nor"}),
    ("Stalker", {"frauenberatung-bse", "frauenberatung-nor"}),
    ("Kontaktverbot", {"frauenberatung-bse", "frauenberatung-nor"}),
    ("Aufenthaltsgenehmigung verlängern", {"jmd-kak", "migration-bse", "migration-nor"}),
    ("Sprachkurs", {"jmd-kak", "migration-bse", "migration-nor"}),
    ("Abschiebung", {"jmd-kak", "migration-bse", "migration-nor"}),
    ("Trotzphase", {"erziehung-bse", "erziehung-heu", "erziehung-nor"}),
    ("Sorgerecht nach Trennung", {"erziehung-bse", "erziehung-heu", "erziehung-nor"}),
    ("Schwangerschaftskonflikt", {"schwanger-nor"}),
    ("Abtreibung Beratungsschein", {"schwanger-nor"}),
    ("schwanger was nun", {"schwanger-bse", "schwanger-nor"}),
    ("Erstausstattung Baby", {"schwanger-bse", "schwanger-nor"}),
    ("Pflege Mutter", {"demenz-heu", "pflege-bse", "pflege-nor"}),
    ("Pflegegrad beantragen", {"demenz-heu", "pflege-bse", "pflege-nor"}),
    ("Oma dement", {"demenz-heu", "pflege-bse", "pflege-nor"}),
    ("Mutter vergesslich", {"demenz-heu", "pflege-bse", "pflege-nor"}),
    ("einsam im Alter", {"senioren-bbs", "senioren-nor", "senioren-wah"}),
    ("Rentenantrag", {"senioren-bbs", "senioren-nor", "senioren-wah", "sozial-telefon"}),
    ("Wohnung gekündigt", {"wohnungslos-bse", "wohnungslos-nor"}),
    ("Räumungsklage", {"wohnungslos-nor"}),
    ("duschen Wäsche waschen", {"wohnungslos-bse"}),
    ("Psychologe", {"seele-kak", "spdi-bse", "spdi-nor"}),
    ("Depresion", {"seele-kak", "spdi-bse", "spdi-nor"}),
    ("Panikattacken", {"seele-kak", "spdi-bse", "spdi-nor"}),
    ("Selbstmordgedanken", {"seele-kak", "spdi-bse", "spdi-nor"}),
    ("Schwerbehindertenausweis beantragen", {"eutb-bse", "eutb-nor"}),
    ("Rollstuhlfahrer", {"eutb-bse", "eutb-nor"}),
    ("Autismus", {"eutb-bse", "eutb-nor"}),
    ("Stress mit meinen Eltern", {"jugend-bbs", "jugend-kak", "jugend-nor"}),
    ("Ausbildungsplatz finden", {"jmd-kak", "jugend-kak", "jugend-nor"}),
    ("gemobbt", {"jugend-bbs", "jugend-kak", "jugend-nor"}),
    ("Hartz 4 Antrag", {"sozial-bse", "sozial-nor", "sozial-telefon", "sozial-wah"}),
    ("Bürgergeld Widerspruch", {"sozial-bse", "sozial-nor", "sozial-telefon", "sozial-wah"}),
    ("Brief vom Jobcenter verstehe ich nicht", {"sozial-bse", "sozial-nor", "sozial-telefon", "sozial-wah"}),
    ("Opa gestorben", {"trauer-bse", "trauer-nor"}),
    ("Beerdigung", {"trauer-bse", "trauer-nor"}),
    ("Trauergruppe Kinder", {"trauer-nor"}),
    # English
    ("I have debts", {"schuldner-bse", "schuldner-kak", "schuldner-nor"}),
    ("can't pay my rent", {"schuldner-bse", "schuldner-kak", "schuldner-nor"}),
    ("bailiff", {"schuldner-bse", "schuldner-kak", "schuldner-nor"}),
    ("alcohol problem", {"selbsthilfe-heu", "sucht-bbs", "sucht-bse", "sucht-kak", "sucht-nor"}),
    ("my husband hits me", {"frauenberatung-bse", "frauenberatung-nor", "frauenhaus-bse", "frauenhaus-nor"}),
    ("women's shelter", {"frauenhaus-bse", "frauenhaus-nor"}),
    ("residence permit", {"jmd-kak", "migration-bse", "migration-nor"}),
    ("learn German", {"jmd-kak", "migration-bse", "migration-nor"}),
    ("I feel depressed", {"seele-kak", "spdi-bse", "spdi-nor"}),
    ("I am pregnant", {"schwanger-bse", "schwanger-nor"}),
    ("caring for my mother", {"demenz-heu", "pflege-bse", "pflege-nor"}),
    ("lonely old people", {"senioren-bbs", "senioren-nor", "senioren-wah"}),
    ("homeless", {"wohnungslos-bse", "wohnungslos-nor"}),
    ("wheelchair", {"eutb-bse", "eutb-nor"}),
    ("teenager fighting with my parents", {"jugend-bbs", "jugend-kak", "jugend-nor"}),
    ("housing benefit", {"sozial-bse", "sozial-nor", "sozial-telefon", "sozial-wah"}),
    ("my mother died", {"trauer-bse", "trauer-nor"}),
    # Türkçe
    ("borçlarım var", {"schuldner-bse", "schuldner-kak", "schuldner-nor"}),
    ("alkol bağımlılığı", {"selbsthilfe-heu", "sucht-bbs", "sucht-bse", "sucht-kak", "sucht-nor"}),
    ("kocam beni dövüyor", {"frauenberatung-bse", "frauenberatung-nor", "frauenhaus-bse", "frauenhaus-nor"}),
    ("oturum izni", {"jmd-kak", "migration-bse", "migration-nor"}),
    ("Almanca kursu", {"jmd-kak", "migration-bse", "migration-nor"}),
    ("çocuğum söz dinlemiyor", {"erziehung-bse", "erziehung-heu", "erziehung-nor"}),
    ("hamileyim", {"schwanger-bse", "schwanger-nor"}),
    ("annem bakıma muhtaç", {"demenz-heu", "pflege-bse", "pflege-nor"}),
    ("evsizim", {"wohnungslos-bse", "wohnungslos-nor"}),
    ("depresyondayım", {"seele-kak", "spdi-bse", "spdi-nor"}),
    ("engelli kartı", {"eutb-bse", "eutb-nor"}),
    ("işsizlik parası", {"sozial-bse", "sozial-nor", "sozial-telefon", "sozial-wah"}),
    ("babam öldü", {"trauer-bse", "trauer-nor"}),
    # العربية
    ("لدي ديون", {"schuldner-bse", "schuldner-kak", "schuldner-nor"}),
    ("إدمان الكحول", {"selbsthilfe-heu", "sucht-bbs", "sucht-bse", "sucht-kak", "sucht-nor"}),
    ("زوجي يضربني", {"frauenberatung-bse", "frauenberatung-nor", "frauenhaus-bse", "frauenhaus-nor"}),
    ("تصريح إقامة", {"jmd-kak", "migration-bse", "migration-nor"}),
    ("دورة لغة ألمانية", {"jmd-kak", "migration-bse", "migration-nor"}),
    ("مشاكل مع ابني المراهق", {"erziehung-bse", "erziehung-heu", "erziehung-nor"}),
    ("أنا حامل", {"schwanger-bse", "schwanger-nor"}),
    ("رعاية أمي", {"demenz-heu", "pflege-bse", "pflege-nor"}),
    ("ليس لدي سكن", {"wohnungslos-bse", "wohnungslos-nor"}),
    ("اكتئاب", {"seele-kak", "spdi-bse", "spdi-nor"}),
    ("إعاقة", {"eutb-bse", "eutb-nor"}),
    ("مساعدات اجتماعية", {"sozial-bse", "sozial-nor", "sozial-telefon", "sozial-wah"}),
    ("توفي أبي", {"trauer-bse", "trauer-nor"}),
    # Українська
    ("у мене борги", {"schuldner-bse", "schuldner-kak", "schuldner-nor"}),
    ("алкоголізм", {"selbsthilfe-heu", "sucht-bbs", "sucht-bse", "sucht-kak", "sucht-nor"}),
    ("чоловік мене б'є", {"frauenberatung-bse", "frauenberatung-nor", "frauenhaus-bse", "frauenhaus-nor"}),
    ("посвідка на проживання", {"jmd-kak", "migration-bse", "migration-nor"}),
    ("курси німецької мови", {"jmd-kak", "migration-bse", "migration-nor"}),
    ("я вагітна", {"schwanger-bse", "schwanger-nor"}),
    ("догляд за мамою", {"demenz-heu", "pflege-bse", "pflege-nor"}),
    ("немає житла", {"wohnungslos-bse", "wohnungslos-nor"}),
    ("депресія", {"seele-kak", "spdi-bse", "spdi-nor"}),
    ("інвалідність", {"eutb-bse", "eutb-nor"}),
    ("проблеми з батьками", {"jugend-bbs", "jugend-kak", "jugend-nor"}),
    ("соціальні виплати", {"sozial-bse", "sozial-nor", "sozial-telefon", "sozial-wah"}),
    ("помер тато", {"trauer-bse", "trauer-nor"}),
    # Русский
    ("у меня долги", {"schuldner-bse", "schuldner-kak", "schuldner-nor"}),
    ("муж пьёт", {"selbsthilfe-heu", "sucht-bbs", "sucht-bse", "sucht-kak", "sucht-nor"}),
    ("игромания", {"gluecksspiel", "sucht-bbs", "sucht-bse", "sucht-kak", "sucht-nor"}),
    ("муж бьёт", {"frauenberatung-bse", "frauenberatung-nor", "frauenhaus-bse", "frauenhaus-nor"}),
    ("вид на жительство", {"jmd-kak", "migration-bse", "migration-nor"}),
    ("курсы немецкого", {"jmd-kak", "migration-bse", "migration-nor"}),
    ("я беременна", {"schwanger-bse", "schwanger-nor"}),
    ("уход за мамой", {"demenz-heu", "pflege-bse", "pflege-nor"}),
    ("одиночество", {"senioren-bbs", "senioren-nor", "senioren-wah"}),
    ("негде ночевать", {"wohnungslos-bse", "wohnungslos-nor"}),
    ("депрессия", {"seele-kak", "spdi-bse", "spdi-nor"}),
    ("инвалидность", {"eutb-bse", "eutb-nor"}),
    ("пособие по безработице", {"sozial-bse", "sozial-nor", "sozial-telefon", "sozial-wah"}),
    ("умерла мама", {"trauer-bse", "trauer-nor"}),
    # Mit Ortsangabe: das Angebot an diesem Ort
    ("Sucht Kaltenkirchen", {"sucht-kak"}),
    ("Sucht Norderstedt", {"sucht-nor"}),
    ("Schuldnerberatung Norderstedt", {"schuldner-nor"}),
    ("Schulden Bad Segeberg", {"schuldner-bse"}),
    ("Alkohol Henstedt-Ulzburg", {"selbsthilfe-heu"}),
    ("Demenz Henstedt-Ulzburg", {"demenz-heu"}),
    ("Familienberatung Henstedt-Ulzburg", {"erziehung-heu"}),
    ("Senioren Wahlstedt", {"senioren-wah"}),
    ("Wohngeld Wahlstedt", {"sozial-wah"}),
    ("Jugendberatung Bad Bramstedt", {"jugend-bbs"}),
    ("Psychologe Kaltenkirchen", {"seele-kak"}),
    ("Pflegeberatung Norderstedt", {"pflege-nor"}),
    ("Frauenhaus Bad Segeberg", {"frauenhaus-bse"}),
    ("debts Kaltenkirchen", {"schuldner-kak"}),
]

QUERY_SET = QUERY_SET + ALLTAG


def top3(query):
    return [t.angebot.externe_id for t in suche(SuchAnfrage(q=query)).treffer[:3]]


def test_query_set_has_at_least_80_queries_in_every_citizen_language():
    assert len(QUERY_SET) >= 80
    schriften = {"arabisch": "\u0600", "kyrillisch": "\u0400"}
    for name, anfang in schriften.items():
        assert sum(any(anfang <= c <= chr(ord(anfang) + 0xFF) for c in q) for q, _ in QUERY_SET) >= 10, name


@pytest.mark.parametrize(("query", "expected"), QUERY_SET, ids=[q for q, _ in QUERY_SET])
def test_lay_query_finds_expected_angebot_in_top_three(demo_daten, query, expected):
    hits = top3(query)
    assert set(hits) & expected, f"{query!r} -> {hits}"


def test_every_hit_of_a_topic_query_belongs_to_that_topic(demo_daten):
    ergebnis = suche(SuchAnfrage(q="Schulden"))
    assert {t.angebot.externe_id for t in ergebnis.treffer} == {"schuldner-nor", "schuldner-bse", "schuldner-kak"}


def test_mould_finds_nothing_because_no_angebot_helps_with_it(demo_daten):
    ergebnis = suche(SuchAnfrage(q="Schimmel"))
    assert ergebnis.anzahl == 0
    assert ergebnis.treffer == []


def test_a_phrase_finds_only_angebote_holding_one_of_its_meaningful_words(demo_daten):
    ergebnis = suche(SuchAnfrage(q="Schimmel in der Wohnung", pro_seite=50))
    assert ergebnis.anzahl > 0
    assert {t.angebot.externe_id.split("-")[0] for t in ergebnis.treffer} == {"wohnungslos"}
