"""The text preparation: folding in every script, filler words, word forms, and what a query may hold."""

import pytest

from angebote.suche.text import Vokabular, clean_query, normalize, query_tokens, stem, wortformen


def test_umlauts_and_their_ascii_spellings_normalise_alike():
    assert normalize("Mütter") == normalize("Muetter") == normalize("Mutter")
    assert normalize("Frauenhäuser") == normalize("Frauenhaeuser")
    assert normalize("Straße") == normalize("Strasse")
    assert normalize("Glücksspiel") == normalize("GLUECKSSPIEL")


def test_normalise_drops_punctuation_and_case():
    assert normalize("  P-Konto, Schulden!  ") == "p konto schulden"


def test_stop_words_drop_and_generic_words_become_optional():
    required, optional = query_tokens("Hilfe bei Schulden in der Wohnung")
    assert required == ["schulden", "wohnung"]
    assert optional == ["hilfe"]
    assert query_tokens("ich brauche Hilfe") == ([], ["brauche", "hilfe"])
    assert query_tokens("I need help with my debts") == (["debts"], ["help"])
    assert query_tokens("у меня долги") == (["долги"], [])


def test_stem_cuts_german_endings_but_keeps_short_words():
    assert stem("schulden") == "schuld"
    assert stem(normalize("Frauenhäuser")) == normalize("Frauenhaus")
    assert stem("haus") == "haus"


def test_other_scripts_stay_words_and_lose_their_diacritics():
    assert normalize("الدُّيُون") == "الديون"
    assert normalize("أسرة") == normalize("اسره")
    assert normalize("Ёлка") == "елка"
    assert normalize("Borçlarım") == normalize("borclarim")
    assert normalize("чоловік мене б'є") == "чоловiк мене бє".replace("i", "і")


def vokabular(woerter):
    woerter = set(woerter)
    praefixe = {w[:n] for w in woerter for n in range(1, len(w) + 1)}
    return Vokabular(praefixe=praefixe, woerter=woerter, aehnlich={"alkohl": ["alkohol"]})


@pytest.mark.parametrize(
    ("typed", "formen", "korrigiert"),
    [
        ("sucht", ("sucht",), False),  # a known word is never corrected into »suche«
        ("schuld", ("schuld",), False),
        ("mietschulden", ("schulden",), False),  # the head of a compound
        ("drogenberatung", ("drogen",), False),  # ... but not a generic head: the base »drogen« counts
        ("borclarim", ("borc",), False),  # an inflected word's base
        ("schule", (), False),  # »schul« begins »schulden« but is no word: no false friend
        ("alkohl", ("alkohol",), True),
    ],
)
def test_word_forms_prefer_what_the_index_holds_over_corrections(typed, formen, korrigiert):
    index = vokabular(["sucht", "suche", "schulden", "schuldnerberatung", "drogen", "beratung", "borc", "alkohol"])
    assert wortformen(typed, index) == (formen, korrigiert)


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("Schulden", "Schulden"),
        ('"Sucht', "Sucht"),
        ("Gewalt zu Hause!", "Gewalt zu Hause"),
        ("Henstedt-Ulzburg", "Henstedt-Ulzburg"),
        ("- NOT (a) * OR", "NOT a OR"),
        ("Straße \x00 ä", "Straße ä"),
        ("<script>", "script"),
        ("   ", ""),
    ],
)
def test_clean_query_keeps_words_and_drops_search_syntax(typed, words):
    assert clean_query(typed) == words


def test_clean_query_limits_length():
    assert len(clean_query("a" * 5000)) == 200
