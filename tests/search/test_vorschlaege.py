"""Autocomplete suggestions (/suche/vorschlaege/): Themen, lay words, page and indicator titles."""

from django.db import connection
from django.test.utils import CaptureQueriesContext


def vorschlaege(client, q):
    response = client.get("/suche/vorschlaege/", {"q": q})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return response.json()["vorschlaege"]


def test_themen_and_their_lay_words_come_first(client, demo_daten):
    result = vorschlaege(client, "schul")
    assert result[:3] == ["Schuldnerberatung", "Schulden", "Schuld"]
    assert len(result) <= 8
    assert "Alkohol" in vorschlaege(client, "Alko")


def test_page_and_indicator_titles_are_suggested(client, demo_daten):
    assert "Planungskonferenz Schuldnerberatung im Kreis" in vorschlaege(client, "Planungskonf")
    assert any(s.startswith("Zuzüge") for s in vorschlaege(client, "Zuz"))


def test_umlauts_typed_as_ae_oe_ue_match(client, demo_daten):
    assert "Glücksspiel" in vorschlaege(client, "Gluecks")


def test_short_or_odd_input_gives_no_suggestions_and_no_error(client, demo_daten):
    assert vorschlaege(client, "a") == []
    for odd in ['"', "*", "AND", "\x00", "<script>", "a" * 500]:
        vorschlaege(client, odd)


def test_unpublished_pages_are_not_suggested(client, demo_daten):
    from konferenzen.models import KonferenzPage

    KonferenzPage.objects.get(title="Planungskonferenz Schuldnerberatung im Kreis").unpublish()
    assert "Planungskonferenz Schuldnerberatung im Kreis" not in vorschlaege(client, "Planungskonf")


def test_a_fixed_number_of_queries(client, demo_daten):
    connection.queries_log.clear()  # a full log (maxlen) would capture nothing
    with CaptureQueriesContext(connection) as ctx:
        vorschlaege(client, "Beratung")
    assert 0 < len(ctx.captured_queries) <= 4
