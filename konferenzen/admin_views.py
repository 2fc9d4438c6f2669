"""The moderation queue in the Wagtail admin: filter, bulk approve/reject/remove, answer one Beitrag."""

import django_filters

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from wagtail.admin.filters import WagtailFilterSet

from .auswertung import matrix_tabelle
from .export import FORMATE, beitraege_datei
from .models import Beitrag, BeitragArt, BeitragStatus, KonferenzPage
from .moderation import AKTIONEN, darf_moderieren, entscheiden, stellungnahme_speichern

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
        inhalt, content_type = beitraege_datei(self.filterset().qs, format)
        antwort = HttpResponse(inhalt, content_type=content_type)
        antwort["Content-Disposition"] = f'attachment; filename="beitraege-{timezone.localdate():%Y-%m-%d}.{format}"'
        return antwort

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
                "oeffentlich_url": beitrag.konferenz.url
                + beitrag.konferenz.reverse_subpage("beitrag", args=(beitrag.pk,)),
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


class BedarfsmatrixView(ModerationMixin, View):
    """Planung > Bedarfsmatrix: approved Bedarfsmeldungen (and their supports) per Raum x Handlungsfeld.

    The atlas's indicator values and the Angebote per 10,000 inhabitants join each cell once those apps exist.
    """

    def get(self, request):
        konferenzen = KonferenzPage.objects.order_by("-beginn")
        konferenz = konferenzen.filter(pk=request.GET.get("konferenz") or None).first()
        beitraege = Beitrag.objects.filter(konferenz=konferenz) if konferenz else None
        _raeume, felder, zeilen = matrix_tabelle(beitraege)
        return TemplateResponse(
            request,
            "konferenzen/admin/bedarfsmatrix.html",
            {
                "konferenzen": konferenzen,
                "konferenz": konferenz,
                "felder": felder,
                "zeilen": zeilen,
                "page_title": _("Bedarfsmatrix"),
                "header_title": _("Bedarfsmeldungen nach Raum und Handlungsfeld"),
            },
        )
