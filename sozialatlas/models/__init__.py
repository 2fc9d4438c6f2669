"""The atlas's models: the spatial frame (Raum), the indicator catalogue, values, and the atlas page."""

from .atlas_page import AtlasLeitindikator, AtlasPage
from .genesis import GenesisZuordnung
from .katalog import (
    Einheit,
    Handlungsfeld,
    Indikator,
    IndikatorQuerySet,
    Klassifikation,
    Polaritaet,
    Teilbereich,
    nr_schluessel,
)
from .raum import EBENE_RANG, Ebene, Raum, RaumQuerySet
from .werte import Quelle, Sperrgrund, Wert, WertFreigabe, WertQuerySet

__all__ = [
    "EBENE_RANG",
    "AtlasLeitindikator",
    "AtlasPage",
    "Ebene",
    "Einheit",
    "GenesisZuordnung",
    "Handlungsfeld",
    "Indikator",
    "IndikatorQuerySet",
    "Klassifikation",
    "Polaritaet",
    "Quelle",
    "Raum",
    "RaumQuerySet",
    "Sperrgrund",
    "Teilbereich",
    "Wert",
    "WertFreigabe",
    "WertQuerySet",
    "nr_schluessel",
]
