"""The Angebot form in the page editor as a first-time Träger meets it."""

from tests.factories.angebote import SpracheFactory, ZielgruppeFactory, angebot_anlegen


def test_angebot_form_offers_checkboxes_and_a_weekday_label(client, redakteurin):
    ZielgruppeFactory()
    SpracheFactory()
    angebot = angebot_anlegen("Schuldnerberatung Testhausen", oeffnungszeiten=[(1, (9, 0), (12, 0))])
    client.force_login(redakteurin)
    html = client.get(f"/admin/pages/{angebot.pk}/edit/").content.decode()
    for feld in ("themen", "zielgruppen", "sprachen"):
        assert f'type="checkbox" name="{feld}"' in html, feld
        assert f'<select name="{feld}"' not in html, feld
    assert "Wochentag" in html
    assert "Schlagwort" not in html
