"""The conference pages: /konferenzen/ (index, Empfehlungen) and one page per Planungskonferenz."""

from django import forms
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.search import index

from portal.blocks import BaseStreamBlock, DocumentBlock
from portal.models import BasePage


class Phase(models.TextChoices):
    """The Steuerungskreislauf of integrated social planning (Kreis Segeberg concept, docs/sources.md)."""

    THEMA = "thema", _("Thema")
    ANALYSE = "analyse", _("Datenbasierte Analyse")
    INTERPRETATION = "interpretation", _("Interpretation der Ergebnisse")
    BEDARFE = "bedarfe", _("Bedarfe ermitteln / Maßnahmen planen")
    UMSETZEN = "umsetzen", _("Steuern und Umsetzen")
    WIRKUNG = "wirkung", _("Wirkungsmessung und Controlling")
    ANPASSUNG = "anpassung", _("Anpassung der Maßnahmen / Ziele / Themen")


class KonferenzIndexPage(RoutablePageMixin, BasePage):
    """/konferenzen/: upcoming, open and past Planungskonferenzen, and the public Handlungsempfehlungen."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["konferenzen.KonferenzPage"]
    max_count = 1

    class Meta:
        verbose_name = _("Planungskonferenzen (Übersicht)")

    def get_context(self, request, *args, **kwargs):
        from konferenzen.kalender import konferenzen_einordnen

        context = super().get_context(request, *args, **kwargs)
        konferenzen = KonferenzPage.objects.child_of(self).live().public().prefetch_related("raeume")
        context["gruppen"] = konferenzen_einordnen(konferenzen, timezone.now())
        return context

    @path("empfehlungen/", name="empfehlungen")
    def empfehlungen(self, request):
        from konferenzen.views import empfehlungen_liste

        return empfehlungen_liste(request, self)

    @path("empfehlungen/<int:pk>/", name="empfehlung")
    def empfehlung(self, request, pk):
        from konferenzen.views import empfehlung_detail

        return empfehlung_detail(request, self, pk)

    @path("empfehlungen/<int:pk>/massnahmen/<int:massnahme>/", name="massnahme")
    def massnahme(self, request, pk, massnahme):
        from konferenzen.views import massnahme_detail

        return massnahme_detail(request, self, pk, massnahme)


class KonferenzPage(RoutablePageMixin, BasePage):
    """One Planungskonferenz: when and where, the participation window, agenda, documents and Beiträge."""

    beginn = models.DateTimeField(_("Beginn"))
    ende = models.DateTimeField(_("Ende"), null=True, blank=True)
    ort = models.CharField(_("Ort"), max_length=300, blank=True, help_text=_("Anschrift des Tagungsorts"))
    online_link = models.URLField(_("Link zur Online-Teilnahme"), blank=True)
    beteiligung_ab = models.DateTimeField(_("Beteiligung möglich ab"))
    beteiligung_bis = models.DateTimeField(_("Beteiligung möglich bis"))
    raeume = ParentalManyToManyField(
        "sozialatlas.Raum",
        verbose_name=_("Planungsräume"),
        related_name="konferenzen",
        limit_choices_to={"ebene__in": ["planungsraum", "kreis"]},
    )
    handlungsfelder = ParentalManyToManyField(
        "sozialatlas.Handlungsfeld",
        verbose_name=_("Handlungsfelder"),
        blank=True,
        related_name="konferenzen",
        help_text=_("Leer lassen, wenn alle Handlungsfelder zur Wahl stehen sollen."),
    )
    indikatoren = ParentalManyToManyField(
        "sozialatlas.Indikator",
        verbose_name=_("Datenlage: Indikatoren"),
        blank=True,
        related_name="konferenzen",
        help_text=_("Freigegebene Indikatoren erscheinen als Verlauf in den Planungsräumen der Konferenz."),
    )
    phase = models.CharField(
        _("Phase im Steuerungskreislauf"), max_length=20, choices=Phase.choices, default=Phase.BEDARFE
    )
    tagesordnung = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("Tagesordnung"))
    dokumente = StreamField([("dokument", DocumentBlock())], blank=True, verbose_name=_("Unterlagen"))

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("beginn"), FieldPanel("ende")]),
                FieldPanel("ort"),
                FieldPanel("online_link"),
            ],
            heading=_("Termin und Ort"),
        ),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("beteiligung_ab"), FieldPanel("beteiligung_bis")])],
            heading=_("Online-Beteiligung"),
        ),
        FieldPanel("raeume", widget=forms.CheckboxSelectMultiple),
        FieldPanel("handlungsfelder", widget=forms.CheckboxSelectMultiple),
        FieldPanel("indikatoren"),
        FieldPanel("phase"),
        FieldPanel("tagesordnung"),
        FieldPanel("dokumente"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("ort"), index.SearchField("tagesordnung")]
    parent_page_types = ["konferenzen.KonferenzIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Planungskonferenz")
        verbose_name_plural = _("Planungskonferenzen")

    def clean(self):
        from django.core.exceptions import ValidationError

        super().clean()
        errors = {}
        if self.beteiligung_ab and self.beteiligung_bis and self.beteiligung_bis <= self.beteiligung_ab:
            errors["beteiligung_bis"] = _("Das Ende der Beteiligung muss nach ihrem Beginn liegen.")
        if self.beginn and self.ende and self.ende <= self.beginn:
            errors["ende"] = _("Das Ende muss nach dem Beginn liegen.")
        if errors:
            raise ValidationError(errors)

    def beteiligung_offen(self, jetzt=None):
        jetzt = jetzt or timezone.now()
        return self.beteiligung_ab <= jetzt < self.beteiligung_bis

    def get_context(self, request, *args, **kwargs):
        from konferenzen.views import konferenz_context

        context = super().get_context(request, *args, **kwargs)
        context.update(konferenz_context(request, self))
        return context

    @path("", name="konferenz")
    def konferenz(self, request):
        return self.render(request)

    @path("beitrag/", name="beitrag_einreichen")
    def beitrag_einreichen(self, request):
        from konferenzen.views import beitrag_formular

        return beitrag_formular(request, self)

    @path("ort/", name="ort_fuer_punkt")
    def ort_fuer_punkt(self, request):
        from konferenzen.views import ort_fuer_punkt

        return ort_fuer_punkt(request, self)

    @path("beitrag/<int:pk>/", name="beitrag")
    def beitrag(self, request, pk):
        from konferenzen.views import beitrag_detail

        return beitrag_detail(request, self, pk)

    @path("beitrag/<int:pk>/unterstuetzen/", name="unterstuetzen")
    def unterstuetzen(self, request, pk):
        from konferenzen.views import beitrag_unterstuetzen

        return beitrag_unterstuetzen(request, self, pk)

    @path("kalender/", name="kalender")
    def kalender(self, request):
        from konferenzen.views import konferenz_ics

        return konferenz_ics(request, self)
