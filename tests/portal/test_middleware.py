"""The public site sends a Content-Security-Policy that allows only this site and the tile host."""

import pytest

from portal.middleware import content_security_policy
from tests.factories.users import PASSWORD


def test_policy_allows_only_self_and_the_tile_host(settings):
    settings.MAP_TILE_URL = "https://tiles.kreis.example/{z}/{x}/{y}.png"
    policy = content_security_policy()
    assert "default-src 'self'" in policy
    assert "script-src 'self';" in policy
    assert "img-src 'self' data: blob: https://tiles.kreis.example" in policy
    assert "object-src 'none'" in policy


@pytest.mark.django_db
def test_public_pages_and_the_admin_carry_a_policy(client, site_tree):
    assert "script-src 'self';" in client.get("/").headers["Content-Security-Policy"]
    admin = client.get("/admin/login/").headers["Content-Security-Policy"]
    assert "default-src 'self'" in admin
    assert "object-src 'none'" in admin
    assert "frame-ancestors 'self'" in admin
    assert "connect-src 'self'" in admin


HOSTILE = ["\x00", "a\x00b", "Schulden\x00'; --"]


@pytest.mark.django_db
@pytest.mark.parametrize("q", HOSTILE)
def test_public_searches_with_a_nul_byte_answer_without_a_server_error(client, demo, q):
    for url in ("/atlas/", "/hilfe/", "/suche/", "/konferenzen/empfehlungen/"):
        assert client.get(url, {"q": q, "raum": q, "seite": q}).status_code < 500, url


@pytest.mark.django_db
def test_a_path_or_cookie_with_a_nul_byte_answers_without_a_server_error(client, demo):
    assert client.get("/hilfe/a%00b/").status_code == 404
    client.cookies["sessionid"] = "abcdefgh\x00ijkl"
    assert client.get("/atlas/").status_code == 200


def test_views_see_request_text_without_nul_bytes(rf):
    from portal.middleware import NulBytesMiddleware

    gesehen = {}

    def view(request):
        gesehen.update(q=request.GET.getlist("q"), text=request.POST["text"], keks=request.COOKIES["k"])
        return None

    anfrage = rf.post("/?q=a%00b&q=%00", {"te\x00xt": "Hallo\x00Welt"})
    anfrage.COOKIES["k"] = "x\x00y"
    NulBytesMiddleware(view)(anfrage)
    assert gesehen == {"q": ["ab", ""], "text": "HalloWelt", "keks": "xy"}


@pytest.mark.django_db
def test_admin_login_is_throttled_per_address_and_per_account(client, settings, superuser):
    from django.test import Client

    settings.ANMELDUNG_VERSUCHE_JE_FENSTER = 3
    codes = [
        client.post("/admin/login/", {"username": "admin", "password": f"falsch{i}"}).status_code for i in range(5)
    ]
    assert codes == [200, 200, 200, 429, 429]
    antwort = client.post("/admin/login/", {"username": "jemand", "password": "x"})
    assert antwort.status_code == 429 and "Zu viele Versuche" in antwort.content.decode()
    # the account is throttled from another address too, even with the right password
    anderer = Client(REMOTE_ADDR="198.51.100.9")
    assert anderer.post("/admin/login/", {"username": "ADMIN", "password": PASSWORD}).status_code == 429
    dritter = Client(REMOTE_ADDR="198.51.100.10")
    assert dritter.post("/admin/login/", {"username": "redaktion", "password": "x"}).status_code == 200


@pytest.mark.django_db
def test_password_reset_mails_are_throttled(client, settings, superuser):
    from django.core import mail

    settings.ANMELDUNG_VERSUCHE_JE_FENSTER = 2
    superuser.email = "admin@kreis.example"
    superuser.save()
    codes = [client.post("/admin/password_reset/", {"email": "admin@kreis.example"}).status_code for _ in range(4)]
    assert codes[2:] == [429, 429]
    assert len(mail.outbox) == 2


@pytest.mark.django_db
def test_admin_login_page_speaks_german(client):
    html = client.get("/admin/login/").content.decode()
    assert "Anmelden im Sozialatlas-Portal" in html
    assert ">Passwort" in html
    assert "Password" not in html
    assert "Bei Wagtail anmelden" not in html
