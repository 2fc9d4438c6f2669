"""The atlas page (/atlas/) and its open data routes."""

from django.http import Http404, HttpResponse, JsonResponse
from django.utils.translation import gettext_lazy as _

from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from portal.models import BasePage

from .raum import Ebene, Raum


class AtlasPage(RoutablePageMixin, BasePage):
    """The Sozialatlas: indicators, area profiles, comparisons and open data (/atlas/)."""

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("Sozialatlas")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["planungsraeume"] = (
            Raum.objects.filter(ebene=Ebene.PLANUNGSRAUM).prefetch_related("children").order_by("name")
        )
        return context

    @path("", name="index")
    def index(self, request):
        return self.render(request)

    # Open data files. Wagtail's own URL pattern takes no dots, so sozialatlas/urls.py routes
    # /<atlas>/daten/<datei> here; the catalogue comes first, "katalog" is a valid slug too.
    @path("daten/katalog.json/", name="katalog")
    def katalog_json(self, request):
        from sozialatlas.opendaten import katalog

        return JsonResponse(katalog(request, self), json_dumps_params={"ensure_ascii": False})

    @path("daten/<slug:slug>.csv/", name="daten_csv")
    def daten_csv(self, request, slug):
        from sozialatlas.opendaten import datensatz_csv, oeffentlicher_indikator

        indikator = oeffentlicher_indikator(slug)
        if indikator is None:
            raise Http404
        response = HttpResponse(datensatz_csv(indikator), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{indikator.slug}.csv"'
        return response

    @path("daten/<slug:slug>.json/", name="daten_json")
    def daten_json(self, request, slug):
        from sozialatlas.opendaten import datensatz_json, oeffentlicher_indikator

        indikator = oeffentlicher_indikator(slug)
        if indikator is None:
            raise Http404
        return JsonResponse(datensatz_json(indikator), json_dumps_params={"ensure_ascii": False})
