"""The register of advisory services and facilities: taxonomy, pages, Standorte and opening hours."""

from .kapazitaet import Kapazitaet
from .pages import AngebotIndexPage, AngebotPage, AngebotStatus, TraegerPage
from .standort import Barrierefrei, Oeffnungszeit, Standort, Wochentag
from .suchindex import SuchEintrag, SuchPunkt, SuchThema, SuchWort, SuchZeit
from .taxonomie import Sprache, Thema, ThemaZuordnung, Zielgruppe

__all__ = [
    "AngebotIndexPage",
    "AngebotPage",
    "AngebotStatus",
    "Barrierefrei",
    "Kapazitaet",
    "Oeffnungszeit",
    "Sprache",
    "Standort",
    "SuchEintrag",
    "SuchPunkt",
    "SuchThema",
    "SuchWort",
    "SuchZeit",
    "Thema",
    "ThemaZuordnung",
    "TraegerPage",
    "Wochentag",
    "Zielgruppe",
]
