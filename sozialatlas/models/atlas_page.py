"""The atlas page (/atlas/): overview, indicator pages, Raumprofile, comparison, catalogue and open data."""

import json

from django.conf import settings
from django.db import models
from django.http import Http404, HttpResponse, JsonResponse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Orderable

from portal.models import BasePage

from .katalog import Indikator
from .raum import Ebene, Raum


class AtlasLeitindikator(Orderable):
    """An indicator the editors show at the top of the atlas with its Kreis value and trend."""

    page = ParentalKey("sozialatlas.AtlasPage", on_delete=models.CASCADE, related_name="leitindikatoren")
    indikator = models.ForeignKey(
        "sozialatlas.Indikator", on_delete=models.CASCADE, related_name="+", verbose_name=_("Indikator")
    )

    panels = [FieldPanel("indikator")]

    class Meta(Orderable.Meta):
        verbose_name = _("Leitindikator")
        verbose_name_plural = _("Leitindikatoren")


class AtlasPage(RoutablePageMixin, BasePage):
    """The Sozialatlas: indicators, area profiles, comparisons and open data (/atlas/)."""

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    content_panels = [
        *BasePage.content_panels,
        InlinePanel(
            "leitindikatoren",
            label=_("Leitindikatoren"),
            help_text=_("Werden oben im Sozialatlas mit Kreiswert, Trend und Stichtag gezeigt (nur freigegebene)."),
            max_num=8,
        ),
    ]

    class Meta:
        verbose_name = _("Sozialatlas")

    def get_cached_paths(self):
        """Every route a reverse proxy may hold, for `wagtail.contrib.frontend_cache` purges (portal/cdn.py)."""
        paths = ["/", "vergleich/", "datenkatalog/", "daten/katalog.json"]
        for slug in Indikator.objects.oeffentlich().values_list("slug", flat=True):
            paths += [f"indikator/{slug}/", f"daten/{slug}.csv", f"daten/{slug}.json"]
        paths += [f"raum/{s}/" for s in Raum.objects.values_list("schluessel", flat=True)]
        paths += [f"karte/{ebene}/" for ebene in Ebene.values]
        return paths

    def _render(self, request, template, **context):
        context["map_tile_url"] = settings.MAP_TILE_URL
        context["map_tile_attribution"] = settings.MAP_TILE_ATTRIBUTION
        return self.render(request, template=f"sozialatlas/{template}.html", context_overrides=context)

    @path("", name="index")
    def index(self, request):
        from sozialatlas.auswertung import katalog_baum, kreis_kennzahlen

        suche = request.GET.get("q", "").strip()[:200]
        leit = [
            eintrag.indikator
            for eintrag in self.leitindikatoren.select_related("indikator__teilbereich__handlungsfeld")
            if eintrag.indikator.live
        ]
        planungsraeume = Raum.objects.filter(ebene=Ebene.PLANUNGSRAUM).prefetch_related("children").order_by("name")
        return self._render(
            request,
            "atlas_page",
            suche=suche,
            baum=katalog_baum(suche),
            kennzahlen=kreis_kennzahlen(leit),
            kreis=Raum.objects.filter(ebene=Ebene.KREIS).first(),
            planungsraeume=planungsraeume,
        )

    @path("indikator/<slug:slug>/", name="indikator")
    def indikator(self, request, slug):
        from sozialatlas import cache as atlas_cache
        from sozialatlas.auswertung import indikator_ansicht, parse_datum

        indikator = _oeffentlicher_indikator(slug)
        wahl = {name: request.GET.get(name) or "" for name in ("ebene", "stichtag", "raum", "gliederung")}
        stichtag = parse_datum(wahl["stichtag"])
        wahl["stichtag"] = stichtag.isoformat() if stichtag else ""
        stand = atlas_cache.stand(request)
        # Computed only when the page's atlas fragment is not stored for this state of the atlas and choice.
        ansicht = SimpleLazyObject(
            lambda: indikator_ansicht(
                indikator,
                ebene=wahl["ebene"] or None,
                stichtag=stichtag,
                raum_schluessel=wahl["raum"] or None,
                gliederung=wahl["gliederung"] or None,
                atlas_stand=stand,
            )
        )
        return self._render(
            request,
            "atlas_indikator",
            indikator=indikator,
            ansicht=ansicht,
            atlas_stand=stand,
            # One value, unambiguous (the fragment key joins its values with ":", which a value may hold).
            wahl=json.dumps(list(wahl.values())),
            wahl_ohne_raum=json.dumps([wert for name, wert in wahl.items() if name != "raum"]),
        )

    @path("raum/<str:schluessel>/", name="raum")
    def raum(self, request, schluessel):
        from sozialatlas import cache as atlas_cache
        from sozialatlas.raumprofil import Raumprofil

        # Every ancestor in the same query: a parent is on an earlier level, so at most three levels up.
        raum = Raum.objects.filter(schluessel=schluessel).select_related("parent__parent__parent").first()
        if raum is None:
            raise Http404
        profil = Raumprofil(
            raum, request, lambda: [e.indikator for e in self.leitindikatoren.select_related("indikator")]
        )
        return self._render(request, "atlas_raum", raum=raum, profil=profil, atlas_stand=atlas_cache.stand(request))

    @path("karte/<str:ebene>/", name="karte")
    def karte(self, request, ebene):
        """The areas of one level as GeoJSON; the same for every indicator and Stichtag, so cached."""
        from sozialatlas.auswertung import flaechen_geojson

        if ebene not in Ebene.values:
            raise Http404
        response = JsonResponse(flaechen_geojson(ebene))
        response["Cache-Control"] = "public, max-age=3600"
        return response

    @path("karte-gliederung/<slug:slug>/", name="karte_gliederung")
    def karte_gliederung(self, request, slug):
        """The members' areas of a published Raumgliederung, each with its area's Schlüssel (cached)."""
        from sozialatlas.gliederung_auswertung import flaechen_geojson, oeffentliche_gliederung

        if oeffentliche_gliederung(slug) is None:
            raise Http404
        response = JsonResponse(flaechen_geojson(slug))
        response["Cache-Control"] = "public, max-age=3600"
        return response

    @path("gebiet/<slug:gliederung>/<str:schluessel>/", name="gebiet")
    def gebiet(self, request, gliederung, schluessel):
        """The Raumprofil of one area of a published Raumgliederung."""
        from sozialatlas.gliederung_auswertung import gebietsprofil

        from .gliederung import Gliederungsraum

        gebiet = (
            Gliederungsraum.objects.filter(
                gliederung__slug=gliederung, gliederung__veroeffentlicht=True, schluessel=schluessel
            )
            .select_related("gliederung")
            .first()
        )
        if gebiet is None:
            raise Http404
        return self._render(request, "atlas_gebiet", gebiet=gebiet, profil=gebietsprofil(gebiet))

    @path("vergleich/", name="vergleich")
    def vergleich(self, request):
        from sozialatlas.auswertung import oeffentliche_indikatoren, parse_datum, vergleich

        indikatoren = list(oeffentliche_indikatoren())
        nach_slug = {i.slug: i for i in indikatoren}
        ergebnis = vergleich(
            nach_slug.get(request.GET.get("x")),
            nach_slug.get(request.GET.get("y")),
            ebene=request.GET.get("ebene"),
            stichtag=parse_datum(request.GET.get("stichtag")),
        )
        if ergebnis.figur is not None:
            if request.GET.get("format") == "csv":
                from sozialatlas.opendaten import vergleich_csv

                response = HttpResponse(vergleich_csv(ergebnis), content_type="text/csv; charset=utf-8")
                name = f"vergleich_{ergebnis.x.slug}_{ergebnis.y.slug}.csv"
                response["Content-Disposition"] = f'attachment; filename="{name}"'
                return response
            abfrage = request.GET.copy()
            abfrage.update({"ebene": ergebnis.ebene, "stichtag": ergebnis.stichtag.isoformat(), "format": "csv"})
            ergebnis.figur.csv_url = f"{request.path}?{abfrage.urlencode()}"
        return self._render(request, "atlas_vergleich", indikatoren=indikatoren, vergleich=ergebnis)

    @path("datenkatalog/", name="datenkatalog")
    def datenkatalog(self, request):
        from sozialatlas.auswertung import datenkatalog

        return self._render(request, "atlas_datenkatalog", zeilen=datenkatalog())

    # Open data files. Wagtail's own URL pattern takes no dots, so sozialatlas/urls.py routes
    # /<atlas>/daten/<datei> here; the catalogue comes first, "katalog" is a valid slug too.
    @path("daten/katalog.json/", name="katalog")
    def katalog_json(self, request):
        from sozialatlas.opendaten import katalog

        return JsonResponse(katalog(request, self), json_dumps_params={"ensure_ascii": False})

    # Per Raumgliederung; "gliederung-" cannot begin an indicator's slug (no hyphens there).
    @path("daten/gliederung-<slug:slug>.csv/", name="gliederung_csv")
    def gliederung_csv(self, request, slug):
        from sozialatlas.gliederung_auswertung import datensatz_csv

        gliederung = _oeffentliche_gliederung(slug)
        response = HttpResponse(datensatz_csv(gliederung), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="gliederung-{gliederung.slug}.csv"'
        return response

    @path("daten/gliederung-<slug:slug>.json/", name="gliederung_json")
    def gliederung_json(self, request, slug):
        from sozialatlas.gliederung_auswertung import datensatz_json

        return JsonResponse(datensatz_json(_oeffentliche_gliederung(slug)), json_dumps_params={"ensure_ascii": False})

    @path("daten/<slug:slug>.csv/", name="daten_csv")
    def daten_csv(self, request, slug):
        from sozialatlas.opendaten import datensatz_csv

        indikator = _oeffentlicher_indikator(slug)
        response = HttpResponse(datensatz_csv(indikator), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{indikator.slug}.csv"'
        return response

    @path("daten/<slug:slug>.json/", name="daten_json")
    def daten_json(self, request, slug):
        from sozialatlas.opendaten import datensatz_json

        return JsonResponse(datensatz_json(_oeffentlicher_indikator(slug)), json_dumps_params={"ensure_ascii": False})


def _oeffentlicher_indikator(slug) -> Indikator:
    """A released indicator, else 404 (drafts are not public)."""
    from sozialatlas.opendaten import oeffentlicher_indikator

    indikator = oeffentlicher_indikator(slug)
    if indikator is None:
        raise Http404
    return indikator


def _oeffentliche_gliederung(slug):
    from sozialatlas.gliederung_auswertung import oeffentliche_gliederung

    gliederung = oeffentliche_gliederung(slug)
    if gliederung is None:
        raise Http404
    return gliederung
