"""The moderation queue in the Wagtail admin: filter, bulk approve/reject/remove, answer one Beitrag."""

import django_filters

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from wagtail.admin.filters import WagtailFilterSet

from .auswertung import UEBERSICHT_SPALTEN, planungsuebersicht, uebersicht_zeilen, zelle_details
from .beteiligung import waehlbare_raeume
from .export import FORMATE, beitraege_datei, datei_antwort, tabelle_datei
from .models import Beitrag, BeitragArt, BeitragStatus, KonferenzPage
from .moderation import AKTIONEN, andere_orte_im_text, darf_moderieren, entscheiden, stellungnahme_speichern

AKTION_NAMEN = {
    "freigeben": gettext_lazy("Freigeben"),
    "ablehnen": gettext_lazy("Ablehnen"),
    "entfernen": gettext_lazy("Entfernen (nach Freigabe)"),
}


class BeitragFilterSet(WagtailFilterSet):
    konferenz = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Konferenz"), queryset=KonferenzPage.objects.order_by("-beginn")
    )
    art = django_filters.ChoiceFilter(label=gettext_lazy("Art"), choices=BeitragArt.choices)
    status = django_filters.ChoiceFilter(label=gettext_lazy("Status"), choices=BeitragStatus.choices)

    class Meta:
        model = Beitrag
        fields = ["konferenz", "art", "raum", "status"]


class EntscheidungForm(forms.Form):
    aktion = forms.ChoiceField(label=gettext_lazy("Aktion"), choices=list(AKTION_NAMEN.items()))
    beitraege = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Beiträge"),
        queryset=Beitrag.objects.all(),
        error_messages={"required": gettext_lazy("Bitte wählen Sie mindestens einen Beitrag aus.")},
    )
    grund = forms.CharField(
        label=gettext_lazy("Begründung (wird der Person per E-Mail geschickt, wenn sie eine Adresse angab)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    links_freigeben = forms.BooleanField(label=gettext_lazy("Links im Text anklickbar machen"), required=False)

    def clean(self):
        daten = super().clean()
        if daten.get("aktion") in ("ablehnen", "entfernen") and not daten.get("grund", "").strip():
            self.add_error("grund", _("Bitte geben Sie eine Begründung an."))
        return daten


class StellungnahmeForm(forms.Form):
    stellungnahme = forms.CharField(
        label=gettext_lazy("Stellungnahme der Sozialplanung (öffentlich)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=4000,
    )


class ModerationMixin:
    def dispatch(self, request, *args, **kwargs):
        if not darf_moderieren(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def ausfuehren(self, form):
        daten = form.cleaned_data
        links = daten["links_freigeben"] if daten["aktion"] == "freigeben" else None
        geaendert = entscheiden(
            Beitrag.objects.filter(pk__in=[b.pk for b in daten["beitraege"]]),
            daten["aktion"],
            self.request.user,
            grund=daten.get("grund", "").strip(),
            links_freigeben=links,
        )
        uebersprungen = len(daten["beitraege"]) - len(geaendert)
        messages.success(
            self.request,
            _("%(aktion)s: %(n)d Beitrag/Beiträge.") % {"aktion": AKTION_NAMEN[daten["aktion"]], "n": len(geaendert)},
        )
        if uebersprungen:
            messages.warning(
                self.request,
                _("%(n)d Beitrag/Beiträge übersprungen: Ihr Status erlaubt diese Aktion nicht.") % {"n": uebersprungen},
            )


class ModerationView(ModerationMixin, View):
    template_name = "konferenzen/admin/moderation.html"

    def filterset(self):
        daten = self.request.GET.copy()
        if "status" not in daten:
            daten["status"] = BeitragStatus.EINGEREICHT
        return BeitragFilterSet(
            daten, queryset=Beitrag.objects.select_related("konferenz", "raum", "handlungsfeld"), request=self.request
        )

    def render(self, form=None, status=200):
        filterset = self.filterset()
        seite = Paginator(filterset.qs.order_by("erstellt_am"), 50).get_page(self.request.GET.get("p"))
        orte_je_konferenz = {}
        for beitrag in seite.object_list:
            if beitrag.konferenz_id not in orte_je_konferenz:
                orte_je_konferenz[beitrag.konferenz_id] = list(waehlbare_raeume(beitrag.konferenz))
            beitrag.orte_im_text = andere_orte_im_text(beitrag, orte_je_konferenz[beitrag.konferenz_id])
        return TemplateResponse(
            self.request,
            self.template_name,
            {
                "filterset": filterset,
                "page_obj": seite,
                "beitraege": seite.object_list,
                "form": form or EntscheidungForm(),
                "aktionen": AKTIONEN,
                "page_title": _("Beiträge moderieren"),
                "header_title": _("Beiträge moderieren"),
            },
            status=status,
        )

    def get(self, request):
        return self.render()

    def post(self, request):
        form = EntscheidungForm(request.POST)
        if not form.is_valid():
            return self.render(form, status=400)
        self.ausfuehren(form)
        return redirect(reverse("konferenzen_moderation") + ("?" + request.GET.urlencode() if request.GET else ""))


class ExportView(ModerationView):
    """The filtered queue as CSV or XLSX (?format=csv|xlsx plus the queue's filters)."""

    def get(self, request):
        format = request.GET.get("format", "csv")
        if format not in FORMATE:
            format = "csv"
        return datei_antwort(beitraege_datei(self.filterset().qs, format), "beitraege", format)

    def post(self, request):
        return HttpResponseNotAllowed(["GET"])


class BeitragModerationView(ModerationMixin, View):
    template_name = "konferenzen/admin/beitrag.html"

    def render(self, beitrag, form=None, antwort=None, status=200):
        return TemplateResponse(
            self.request,
            self.template_name,
            {
                "beitrag": beitrag,
                "orte_im_text": andere_orte_im_text(beitrag, waehlbare_raeume(beitrag.konferenz)),
                "oeffentlich_url": beitrag.url,
                "form": form or EntscheidungForm(initial={"beitraege": [beitrag.pk]}),
                "antwort": antwort or StellungnahmeForm(initial={"stellungnahme": beitrag.stellungnahme}),
                "page_title": _("Beitrag prüfen"),
                "header_title": _("Beitrag #%(pk)d prüfen") % {"pk": beitrag.pk},
            },
            status=status,
        )

    def get(self, request, pk):
        return self.render(get_object_or_404(Beitrag.objects.select_related("konferenz", "raum"), pk=pk))

    def post(self, request, pk):
        beitrag = get_object_or_404(Beitrag, pk=pk)
        if "stellungnahme" in request.POST:
            antwort = StellungnahmeForm(request.POST)
            if not antwort.is_valid():
                return self.render(beitrag, antwort=antwort, status=400)
            stellungnahme_speichern(beitrag, antwort.cleaned_data["stellungnahme"], request.user)
            messages.success(request, _("Die Stellungnahme wurde gespeichert."))
            return redirect("konferenzen_moderation_beitrag", pk=pk)
        form = EntscheidungForm(request.POST)
        if not form.is_valid():
            return self.render(beitrag, form=form, status=400)
        self.ausfuehren(form)
        return redirect("konferenzen_moderation_beitrag", pk=pk)


class PlanungMixin(ModerationMixin):
    """The dashboard's views share the conference filter (?konferenz=<id>) and the Beiträge it selects."""

    def konferenz_filter(self):
        konferenzen = KonferenzPage.objects.order_by("-beginn")
        konferenz = konferenzen.filter(pk=self.request.GET.get("konferenz") or None).first()
        beitraege = Beitrag.objects.filter(konferenz=konferenz) if konferenz else Beitrag.objects.all()
        return konferenzen, konferenz, beitraege

    def gliederung_filter(self):
        """The Raumgliederung the dashboard is read by (?gliederung=<id>), else None (the Raum hierarchy)."""
        from .gliederung import gliederungen

        wahl = self.request.GET.get("gliederung")
        return gliederungen().filter(pk=wahl).first() if wahl and wahl.isdigit() else None

    def uebersicht(self, beitraege):
        gliederung = self.gliederung_filter()
        if gliederung is None:
            return planungsuebersicht(beitraege)
        from .gliederung import planungsuebersicht_nach_gliederung

        return planungsuebersicht_nach_gliederung(gliederung, beitraege)


class BedarfsmatrixView(PlanungMixin, View):
    """Planung > Planungsübersicht: approved Bedarfsmeldungen (and supports) per Raum x Handlungsfeld, each
    cell beside the Handlungsfeld's key indicators in that Raum and its Angebote per 10,000 inhabitants."""

    def get(self, request):
        from .gliederung import gliederungen

        konferenzen, konferenz, beitraege = self.konferenz_filter()
        felder, zeilen = self.uebersicht(beitraege)
        return TemplateResponse(
            request,
            "konferenzen/admin/bedarfsmatrix.html",
            {
                "konferenzen": konferenzen,
                "konferenz": konferenz,
                "gliederungen": gliederungen(),
                "gliederung": self.gliederung_filter(),
                "felder": felder,
                "zeilen": zeilen,
                "page_title": _("Planungsübersicht"),
                "header_title": _("Bedarf und Versorgung nach Raum und Handlungsfeld"),
            },
        )


class PlanungExportView(PlanungMixin, View):
    """?inhalt=matrix|beitraege&format=xlsx|csv (plus ?konferenz): the matrix or its Beiträge."""

    def get(self, request):
        format = request.GET.get("format") if request.GET.get("format") in FORMATE else "csv"
        _konferenzen, _konferenz, beitraege = self.konferenz_filter()
        if request.GET.get("inhalt") == "beitraege":
            bedarfe = beitraege.filter(art=BeitragArt.BEDARFSMELDUNG, status=BeitragStatus.FREIGEGEBEN)
            return datei_antwort(beitraege_datei(bedarfe, format), "bedarfsmeldungen", format)
        _felder, zeilen = self.uebersicht(beitraege)
        return datei_antwort(
            tabelle_datei(UEBERSICHT_SPALTEN, uebersicht_zeilen(zeilen), format), "planungsuebersicht", format
        )


class PlanungszelleView(PlanungMixin, View):
    """One cell of the dashboard: its Beiträge, the key indicators' course in the Raum, and its Angebote."""

    def get(self, request, raum, feld):
        from sozialatlas.models import Handlungsfeld, Raum

        raum = get_object_or_404(Raum, pk=raum)
        feld = get_object_or_404(Handlungsfeld, pk=feld)
        konferenzen, konferenz, beitraege = self.konferenz_filter()
        zelle = zelle_details(raum, feld, beitraege)
        return TemplateResponse(
            request,
            "konferenzen/admin/planungszelle.html",
            {
                "konferenz": konferenz,
                "raum": raum,
                "feld": feld,
                "zelle": zelle,
                "zurueck": reverse("konferenzen_bedarfsmatrix") + (f"?konferenz={konferenz.pk}" if konferenz else ""),
                "page_title": _("Planungsübersicht: %(raum)s, %(feld)s") % {"raum": raum.name, "feld": feld.name},
                "header_title": _("%(feld)s in %(raum)s") % {"raum": raum.name, "feld": feld.name},
            },
        )
