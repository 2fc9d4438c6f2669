"""Contributes the Berichte group to the site-wide search (search/ defines the hook)."""

from django.utils import formats
from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from search.suche import HOOK, seitengruppe

from .berichte.models import BerichtPage


def bericht_merkmale(bericht):
    datum = formats.date_format(bericht.veroeffentlicht_am, "DATE_FORMAT") if bericht.veroeffentlicht_am else ""
    return [m for m in [bericht.get_art_display(), datum] if m]


@hooks.register(HOOK)
def berichte():
    return seitengruppe("berichte", _("Berichte"), BerichtPage, bericht_merkmale, reihenfolge=20)
