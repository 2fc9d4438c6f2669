"""The folding that lets umlauts, ß and their ASCII spellings meet, and the query's token rules."""

from angebote.suchtext import normalize, query_tokens, stem


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


def test_stem_cuts_german_endings_but_keeps_short_words():
    assert stem("schulden") == "schuld"
    assert stem(normalize("Frauenhäuser")) == normalize("Frauenhaus")
    assert stem("haus") == "haus"
