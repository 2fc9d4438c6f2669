import pytest

from portal.search_text import clean_query


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
