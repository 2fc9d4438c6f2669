"""The atlas's models: the spatial frame (Raum), the indicator catalogue, values, and the atlas page."""

from .atlas_page import AtlasLeitindikator, AtlasPage
from .genesis import GenesisZuordnung
from .gliederung import (
    MITGLIEDS_EBENEN,
    ZERLEGENDE_ARTEN,
    Gliederungsart,
    Gliederungsraum,
    GliederungsWert,
    Raumgliederung,
)
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
    "MITGLIEDS_EBENEN",
    "ZERLEGENDE_ARTEN",
    "AtlasLeitindikator",
    "AtlasPage",
    "Ebene",
    "Einheit",
    "GenesisZuordnung",
    "GliederungsWert",
    "Gliederungsart",
    "Gliederungsraum",
    "Handlungsfeld",
    "Indikator",
    "IndikatorQuerySet",
    "Klassifikation",
    "Polaritaet",
    "Quelle",
    "Raum",
    "Raumgliederung",
    "RaumQuerySet",
    "Sperrgrund",
    "Teilbereich",
    "Wert",
    "WertFreigabe",
    "WertQuerySet",
    "nr_schluessel",
]
