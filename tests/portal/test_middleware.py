"""The public site sends a Content-Security-Policy that allows only this site and the tile host."""

import pytest

from portal.middleware import content_security_policy


def test_policy_allows_only_self_and_the_tile_host(settings):
    settings.MAP_TILE_URL = "https://tiles.kreis.example/{z}/{x}/{y}.png"
    policy = content_security_policy()
    assert "default-src 'self'" in policy
    assert "script-src 'self';" in policy
    assert "img-src 'self' data: blob: https://tiles.kreis.example" in policy
    assert "object-src 'none'" in policy


@pytest.mark.django_db
def test_public_pages_carry_the_policy_and_the_admin_does_not(client, site_tree):
    assert "script-src 'self'" in client.get("/").headers["Content-Security-Policy"]
    assert "Content-Security-Policy" not in client.get("/admin/login/").headers


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
