"""The lay-word query set: what residents type finds the right demo Angebote in the top three."""

import pytest

from angebote.search import SuchAnfrage, suche

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


def top3(query):
    return [t.angebot.externe_id for t in suche(SuchAnfrage(q=query)).treffer[:3]]


def test_query_set_has_at_least_25_queries():
    assert len(QUERY_SET) >= 25


@pytest.mark.parametrize(("query", "expected"), QUERY_SET, ids=[q for q, _ in QUERY_SET])
def test_lay_query_finds_expected_angebot_in_top_three(demo_daten, query, expected):
    hits = top3(query)
    assert set(hits) & expected, f"{query!r} -> {hits}"


def test_every_hit_of_a_topic_query_belongs_to_that_topic(demo_daten):
    ergebnis = suche(SuchAnfrage(q="Schulden"))
    assert {t.angebot.externe_id for t in ergebnis.treffer} == {"schuldner-nor", "schuldner-bse", "schuldner-kak"}


def test_mould_in_the_flat_finds_nothing_because_no_angebot_helps_with_it(demo_daten):
    ergebnis = suche(SuchAnfrage(q="Schimmel in der Wohnung"))
    assert ergebnis.anzahl == 0
    assert ergebnis.treffer == []
