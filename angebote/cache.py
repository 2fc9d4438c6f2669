"""The register's Bereich of the anonymous page cache (portal/seitencache.py).

Any publish, unpublish, move or delete in the register and any change of Themen, Zielgruppen, Sprachen
or Räume increases the version (angebote/signals.py), so a change is visible at once; the search
caches of angebote/suche/ follow the same version. Pages are valid within their minute only,
because they show "jetzt geöffnet" and today's opening hours.
"""

from portal import seitencache

BEREICH = "angebote"


def version() -> int:
    return seitencache.version(BEREICH)


def invalidieren():
    seitencache.invalidieren(BEREICH)


def merken(response):
    """A public register page: stored for anonymous visitors until the minute ends or the register changes."""
    return seitencache.bis_minutenende(response)
