"""The atlas's models: the spatial frame (Raum), the indicator catalogue, values, and the atlas page."""

from .atlas_page import AtlasPage
from .katalog import Einheit, Handlungsfeld, Indikator, IndikatorQuerySet, Polaritaet, Teilbereich
from .raum import EBENE_RANG, Ebene, Raum, RaumQuerySet
from .werte import Quelle, Sperrgrund, Wert

__all__ = [
    "EBENE_RANG",
    "AtlasPage",
    "Ebene",
    "Einheit",
    "Handlungsfeld",
    "Indikator",
    "IndikatorQuerySet",
    "Polaritaet",
    "Quelle",
    "Raum",
    "RaumQuerySet",
    "Sperrgrund",
    "Teilbereich",
    "Wert",
]
