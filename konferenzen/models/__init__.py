"""Planungskonferenzen: pages, Beiträge, Handlungsempfehlungen (re-exported for Django's app registry).

Handlungsfeld is the atlas's (sozialatlas.Handlungsfeld), re-exported for the app's modules.
"""

from sozialatlas.models import Handlungsfeld

from .beitraege import Beitrag, BeitragArt, BeitragStatus, Benachrichtigung, Rolle, Unterstuetzung
from .empfehlungen import EmpfehlungStatus, Handlungsempfehlung, Prioritaet, StatusSchritt
from .pages import KonferenzIndexPage, KonferenzPage, Phase
from .planung import Massnahme, Planungsbezug

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
    "Massnahme",
    "Phase",
    "Planungsbezug",
    "Prioritaet",
    "Rolle",
    "StatusSchritt",
    "Unterstuetzung",
]
