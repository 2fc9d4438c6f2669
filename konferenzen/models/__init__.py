"""Planungskonferenzen: pages, Beiträge, Handlungsempfehlungen (re-exported for Django's app registry).

Handlungsfeld is the atlas's (sozialatlas.Handlungsfeld), re-exported for the app's modules.
"""

from sozialatlas.models import Handlungsfeld

from .beitraege import Beitrag, BeitragArt, BeitragStatus, Benachrichtigung, Rolle, Unterstuetzung
from .empfehlungen import EmpfehlungStatus, Handlungsempfehlung, Prioritaet, StatusSchritt
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
