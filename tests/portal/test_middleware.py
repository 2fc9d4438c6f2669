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
