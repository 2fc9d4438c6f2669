"""Views of the register: the search page at /hilfe/ (the HSDS API: angebote/api.py). Thin: parse, call, render."""

from types import SimpleNamespace

from django.conf import settings
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext as _

from . import gewaltschutz, kapazitaet, suche
from .geo import UMKREISE
from .models import Sprache, Thema, Zielgruppe
from .oeffnungszeiten import rund_um_die_uhr
from .suche.vertrag import SuchAnfrage


def _seiten(ergebnis):
    """What templates/includes/pagination.html expects of a Django page object."""
    return SimpleNamespace(
        number=ergebnis.seite,
        paginator=SimpleNamespace(num_pages=ergebnis.seiten),
        has_previous=ergebnis.seite > 1,
        has_next=ergebnis.seite < ergebnis.seiten,
        previous_page_number=ergebnis.seite - 1,
        next_page_number=ergebnis.seite + 1,
    )


def karten_punkte(ergebnis) -> list[dict]:
    """Map points of the listed hits; confidential Standorte are left out entirely."""
    punkte = []
    for treffer in ergebnis.treffer:
        for standort in treffer.standorte:
            if standort.adresse_vertraulich or standort.lat is None:
                continue
            punkte.append(
                {
                    "lat": round(standort.lat, 5),
                    "lon": round(standort.lon, 5),
                    "titel": treffer.angebot.title,
                    "url": treffer.url,
                    "adresse": f"{standort.strasse}, {standort.plz} {standort.ort_anzeige}".strip(", "),
                }
            )
    return punkte


def namen_uebersetzen(ergebnis) -> None:
    """The facets' and hits' Themen, Zielgruppen and Sprachen in the reader's language (the search reads
    the German names; the translated ones are fields of the same rows: three small queries, only for a
    page in another language than German)."""
    if translation.get_language() in (None, settings.LANGUAGE_CODE):
        return
    namen = vokabel_namen()
    for facette, werte in ergebnis.facetten.items():
        for wert in werte:
            wert.name = namen.get(facette, {}).get(wert.wert, wert.name)
    for treffer in ergebnis.treffer:
        treffer.themen = [t._replace(name=namen["thema"].get(t.slug, t.name)) for t in treffer.themen]


def vokabel_namen() -> dict[str, dict[str, str]]:
    """Per facet (thema, zielgruppe, sprache): slug or code -> name in the active language."""
    return {
        "thema": {t.slug: t.name_lokal for t in Thema.objects.all()},
        "zielgruppe": {z.slug: z.name_lokal for z in Zielgruppe.objects.all()},
        "sprache": {s.code: s.name_lokal for s in Sprache.objects.all()},
    }


def aktive_filter(params, ergebnis) -> list[dict]:
    """Each chosen filter with the query string that removes it (for the chips and the empty page)."""
    namen = {name: {w.wert: w.name for w in werte} for name, werte in ergebnis.facetten.items()}
    schalter = {"barrierefrei": _("barrierefrei"), "kostenlos": _("kostenlos"), "offen": _("jetzt geöffnet")}
    result = []
    for key in ("thema", "zielgruppe", "sprache"):
        for value in params.getlist(key):
            if value in namen.get(key, {}):
                query = params.copy()
                query.setlist(key, [v for v in params.getlist(key) if v != value])
                query.pop("seite", None)
                result.append({"label": namen[key][value], "query": query.urlencode()})
    for key, label in schalter.items():
        if params.get(key):
            query = params.copy()
            query.pop(key)
            query.pop("seite", None)
            result.append({"label": label, "query": query.urlencode()})
    if ergebnis.ort is not None:
        query = params.copy()
        for key in ("ort", "lat", "lon", "umkreis", "seite"):
            query.pop(key, None)
        label = ergebnis.ort.name or _("Ihr Standort")
        result.append({"label": _("Umkreis um %(ort)s") % {"ort": label}, "query": query.urlencode()})
    return result


def suche_seite(request, page):
    anfrage = SuchAnfrage.from_params(request.GET)
    ergebnis = suche_ausfuehren(anfrage)
    namen_uebersetzen(ergebnis)
    lichter = kapazitaet.platzstaende(
        [t.angebot for t in ergebnis.treffer], themen={t.angebot.pk: t.themen for t in ergebnis.treffer}
    )
    for treffer in ergebnis.treffer:
        treffer.platzstand = lichter.get(treffer.angebot.pk)
        treffer.url = treffer.angebot.get_url(request)
        treffer.rund_um_die_uhr = rund_um_die_uhr(getattr(treffer.angebot, "zeiten", ()))
    context = page.get_context(request)
    # Quick exit when a chosen filter or a listed hit is about violence; the emergency numbers always.
    themen = {*anfrage.themen, *gewaltschutz.themen_der_treffer(ergebnis.treffer)}
    context.update(gewaltschutz.kontext(request, themen, notrufe=True, hilfe=page))
    context.update(
        anfrage=anfrage,
        ergebnis=ergebnis,
        page_obj=_seiten(ergebnis),
        umkreise=UMKREISE,
        alle_themen=Thema.objects.all() if not ergebnis.anzahl else [],
        karten_punkte=karten_punkte(ergebnis),
        aktive_filter=aktive_filter(request.GET, ergebnis),
        # The register's entries are the German originals: marked as German in another frame.
        treffer_lang="" if translation.get_language() == settings.LANGUAGE_CODE else settings.LANGUAGE_CODE,
        map_tile_url=settings.MAP_TILE_URL,
        map_tile_attribution=settings.MAP_TILE_ATTRIBUTION,
    )
    return TemplateResponse(request, page.get_template(request), context)


def frauenhaeuser_seite(request, page):
    """All shelters of the county with their capacity light; no addresses (only the Gemeinde)."""
    angebote = list(
        kapazitaet.schutzunterkuenfte()
        .order_by("title")
        .prefetch_related("themen", "standorte__raum", "oeffnungszeiten")
    )
    lichter = kapazitaet.platzstaende(angebote)
    for angebot in angebote:
        angebot.platzstand = lichter[angebot.pk]
        angebot.orte = sorted({s.ort_anzeige for s in angebot.standorte.all()})
    context = page.get_context(request)
    for angebot in angebote:
        angebot.rund_um_die_uhr = rund_um_die_uhr(angebot.oeffnungszeiten.all())
    context.update(gewaltschutz.kontext(request, [kapazitaet.SCHUTZ_THEMA], hilfe=page))
    context.update(angebote=angebote)
    return TemplateResponse(request, "angebote/frauenhaeuser.html", context)


def suche_ausfuehren(anfrage):
    return suche.suche(anfrage)
