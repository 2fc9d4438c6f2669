"""The editorial page types of home/: the start, standard and report pages, the accessible entry points
(Leichte Sprache, Gebärdensprache) and the legally required pages."""

from home.berichte.models import BerichtIndexPage, BerichtPage

from .rechtliches import BarrierefreiheitFormField, BarrierefreiheitPage, DatenschutzPage, ImpressumPage
from .seiten import HomePage, StandardPage
from .zugang import GebaerdenspracheSeite, LeichteSprachePage

__all__ = [
    "BarrierefreiheitFormField",
    "BarrierefreiheitPage",
    "BerichtIndexPage",
    "BerichtPage",
    "DatenschutzPage",
    "GebaerdenspracheSeite",
    "HomePage",
    "ImpressumPage",
    "LeichteSprachePage",
    "StandardPage",
]
