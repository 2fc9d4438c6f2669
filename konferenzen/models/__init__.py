"""Planungskonferenzen: pages, Beiträge, Handlungsempfehlungen (re-exported for Django's app registry)."""

from .beitraege import Beitrag, BeitragArt, BeitragStatus, Benachrichtigung, Rolle, Unterstuetzung
from .empfehlungen import EmpfehlungStatus, Handlungsempfehlung, Prioritaet, StatusSchritt
from .handlungsfelder import Handlungsfeld
from .pages import KonferenzIndexPage, KonferenzPage, Phase

__all__ = [
    "Beitrag",
    "BeitragArt",
    "BeitragStatus",
    "Benachrichtigung",
    "EmpfehlungStatus",
    "Handlungsempfehlung",
    "Handlungsfeld",
    "KonferenzIndexPage",
    "KonferenzPage",
    "Phase",
    "Prioritaet",
    "Rolle",
    "StatusSchritt",
    "Unterstuetzung",
]
