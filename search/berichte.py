"""Admin report for editors: searches without results, per wording and day, to grow the Suchbegriffe."""

from django_filters import DateFromToRangeFilter

from django.utils.translation import gettext_lazy as _

from wagtail.admin.auth import permission_denied
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, NumberColumn
from wagtail.admin.views.reports import ReportView

from .models import SucheOhneTreffer
from .protokoll import aufbewahrung_tage

PERMISSION = "search.view_sucheohnetreffer"


class SucheOhneTrefferFilterSet(WagtailFilterSet):
    tag = DateFromToRangeFilter(label=_("Tag"), widget=DateRangePickerWidget)

    class Meta:
        model = SucheOhneTreffer
        fields = []


class SucheOhneTrefferReport(ReportView):
    page_title = _("Suchen ohne Treffer")
    header_icon = "search"
    template_name = "search/admin/suche_ohne_treffer.html"
    is_searchable = True
    search_fields = ["begriff"]
    search_backend_name = None  # plain ORM filter; the rows are not in the search index
    filterset_class = SucheOhneTrefferFilterSet
    default_ordering = "-tag"
    index_url_name = "suche_ohne_treffer"
    index_results_url_name = "suche_ohne_treffer_results"
    columns = [
        Column("begriff", label=_("Suchbegriff"), sort_key="begriff"),
        DateColumn("tag", label=_("Tag"), sort_key="tag"),
        NumberColumn("anzahl", label=_("Anzahl"), sort_key="anzahl"),
    ]
    list_export = ["begriff", "tag", "anzahl"]
    export_headings = {"begriff": _("Suchbegriff"), "tag": _("Tag"), "anzahl": _("Anzahl")}

    def get_base_queryset(self):
        return SucheOhneTreffer.objects.order_by("-tag", "-anzahl", "begriff")

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["aufbewahrung_tage"] = aufbewahrung_tage()
        return context

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(PERMISSION):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)
