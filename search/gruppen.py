"""The groups of the site-wide search that search/ defines itself: Angebote, Indikatoren, Konferenzen."""

from urllib.parse import urlencode

from django.utils import formats
from django.utils.translation import gettext_lazy as _

from wagtail.search.backends import get_search_backend

from angebote.models import AngebotIndexPage, AngebotPage
from angebote.suche import suche
from angebote.suche.vertrag import SuchAnfrage
from konferenzen.models import KonferenzPage
from sozialatlas.models import AtlasPage, Indikator

from .suche import Anfrage, Eintrag, Suchgruppe, privat_q, seitengruppe


def angebote_suchen(anfrage: Anfrage) -> tuple[list[Eintrag], int]:
    """Through the Angebote search service, so lay words find the professional terms (and typos)."""
    ergebnis = suche(SuchAnfrage(q=anfrage.q, pro_seite=anfrage.limit, seite=anfrage.offset // anfrage.limit + 1))
    eintraege = []
    for treffer in ergebnis.treffer:
        angebot = treffer.angebot
        merkmale = [", ".join(t.name for t in treffer.themen)]
        if treffer.standort:
            merkmale.append(treffer.standort.ort_anzeige)  # the Ort only: confidential streets stay hidden
        eintraege.append(
            Eintrag(
                titel=angebot.title,
                url=angebot.get_url(anfrage.request),
                text=angebot.kurzbeschreibung,
                merkmale=[m for m in [treffer.traeger, *merkmale] if m],
                themen=frozenset(t.slug for t in treffer.themen),
            )
        )
    return eintraege, ergebnis.anzahl


def angebote_mehr(request, q: str) -> str | None:
    hilfe = AngebotIndexPage.objects.live().exclude(privat_q(request)).first()
    return f"{hilfe.get_url(request)}?{urlencode({'q': q})}" if hilfe else None


def angebote() -> Suchgruppe:
    return Suchgruppe(
        art="angebote",
        titel=_("Hilfe und Beratung"),
        suchen=angebote_suchen,
        mehr_url=angebote_mehr,
        seitentypen=(AngebotPage,),
        reihenfolge=10,
        mehr_text=_("In „Hilfe finden“ weitersuchen: mit Filtern, Entfernung und Karte"),
    )


def indikatoren_suchen(anfrage: Anfrage) -> tuple[list[Eintrag], int]:
    """Released indicators of the catalogue; each links to its page in the atlas."""
    atlas = AtlasPage.objects.live().exclude(privat_q(anfrage.request)).first()
    if atlas is None:
        return [], 0
    atlas_url = atlas.get_url(anfrage.request)
    results = get_search_backend().search(anfrage.q, Indikator.objects.oeffentlich())
    anzahl = results.count()
    pks = [i.pk for i in results[anfrage.offset : anfrage.offset + anfrage.limit]] if anzahl else []
    geladen = Indikator.objects.filter(pk__in=pks).select_related("teilbereich__handlungsfeld").in_bulk()
    eintraege = [
        Eintrag(
            titel=indikator.name,
            url=f"{atlas_url}indikator/{indikator.slug}/",
            text=indikator.aussagewert[:300],
            merkmale=[m for m in [indikator.nr, indikator.teilbereich.handlungsfeld.name] if m],
        )
        for indikator in (geladen[pk] for pk in pks if pk in geladen)
    ]
    return eintraege, anzahl


def indikatoren() -> Suchgruppe:
    return Suchgruppe(
        art="indikatoren", titel=_("Indikatoren im Sozialatlas"), suchen=indikatoren_suchen, reihenfolge=30
    )


def konferenz_merkmale(konferenz: KonferenzPage) -> list[str]:
    return [m for m in [formats.date_format(konferenz.beginn, "DATE_FORMAT"), konferenz.ort] if m]


def konferenzen() -> Suchgruppe:
    return seitengruppe("konferenzen", _("Planungskonferenzen"), KonferenzPage, konferenz_merkmale, reihenfolge=40)
