"""Purges of a reverse proxy or CDN (portal/cdn.py) through wagtail.contrib.frontend_cache."""

from django.test import override_settings

from wagtail.contrib.frontend_cache.backends import BaseBackend

from portal import seitencache
from portal.models import PortalEinstellungen

GEPURGT = []


class Aufzeichnung(BaseBackend):
    """A frontend cache that notes what it was told to purge, as Varnish or Cloudflare would receive it."""

    def purge(self, url):
        GEPURGT.append(url)


FRONTEND = {"WAGTAILFRONTENDCACHE": {"aufzeichnung": {"BACKEND": "tests.portal.test_cdn.Aufzeichnung"}}}


def test_without_a_frontend_cache_nothing_is_purged_and_pages_carry_no_s_maxage(client, site_tree):
    GEPURGT.clear()
    response = client.get("/berichte/")
    assert "s-maxage=0" in response["Cache-Control"]
    seitencache.invalidieren()
    assert GEPURGT == []


@override_settings(**FRONTEND, CDN_S_MAXAGE=3600)
def test_a_settings_change_purges_every_public_page_after_commit(client, site_tree, django_capture_on_commit_callbacks):
    GEPURGT.clear()
    assert "s-maxage=3600" in client.get("/berichte/")["Cache-Control"]
    einstellungen = PortalEinstellungen.for_site(site_tree.get_site())
    einstellungen.kreis_name = "Kreis Neuhausen"
    with django_capture_on_commit_callbacks(execute=True):
        einstellungen.save()
        assert GEPURGT == []  # not before the change is committed
    assert "http://localhost/" in GEPURGT
    assert "http://localhost/berichte/" in GEPURGT
    assert "http://localhost/atlas/datenkatalog/" in GEPURGT  # a route of the atlas page
    assert len(GEPURGT) == len(set(GEPURGT))  # once per transaction
