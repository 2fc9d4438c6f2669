"""The report pages: /berichte/ and each Sozialbericht or Fokusbericht, printable with running header."""

from django.core.paginator import Paginator
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from portal.models import BasePage

from .blocks import BerichtStreamBlock


class BerichtIndexPage(BasePage):
    """/berichte/: the list of published reports, newest first."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.BerichtPage"]
    max_count = 1

    class Meta:
        verbose_name = _("Berichte (Übersicht)")

    berichte_pro_seite = 20

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        berichte = (
            BerichtPage.objects.child_of(self).live().public().order_by("-veroeffentlicht_am", "-first_published_at")
        )
        context["berichte"] = Paginator(berichte, self.berichte_pro_seite).get_page(request.GET.get("seite"))
        return context


class BerichtPage(BasePage):
    """A report (Sozialbericht or Fokusbericht)."""

    class Art(models.TextChoices):
        SOZIALBERICHT = "sozialbericht", _("Sozialbericht")
        FOKUSBERICHT = "fokusbericht", _("Fokusbericht")

    art = models.CharField(_("Art"), max_length=20, choices=Art.choices, default=Art.FOKUSBERICHT)
    autorinnen = models.CharField(_("Autor*innen"), max_length=300, blank=True)
    veroeffentlicht_am = models.DateField(_("veröffentlicht am"), null=True, blank=True)
    handlungsfeld = models.ForeignKey(
        "sozialatlas.Handlungsfeld",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Thema (Handlungsfeld)"),
    )
    body = StreamField(BerichtStreamBlock(), blank=True, verbose_name=_("Inhalt"))

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("art"),
        FieldPanel("autorinnen"),
        FieldPanel("veroeffentlicht_am"),
        FieldPanel("handlungsfeld"),
        FieldPanel("body"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("body"), index.FilterField("art")]
    parent_page_types = ["home.BerichtIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Bericht")

    def get_context(self, request, *args, **kwargs):
        from django.utils.formats import date_format

        from portal.rahmen import rahmen

        context = super().get_context(request, *args, **kwargs)
        # The running header and footer of the printed report (CSS @page boxes in the template).
        datum = self.veroeffentlicht_am or (self.last_published_at and self.last_published_at.date())
        teile = [rahmen(request).kreis_name, self.title]
        if datum:
            teile.append(date_format(datum, "j. F Y"))
        context["druckkopf"] = " · ".join(teile)
        context["druck_url"] = request.build_absolute_uri(request.path)
        return context

    def inhaltsverzeichnis(self) -> list[dict]:
        """The report's headings (heading blocks) with the anchor the template gives each, from the raw
        data: the other blocks stay unconverted, so a text answered from its fragment reads no snippet."""
        return [
            {
                "id": f"abschnitt-{block['id']}",
                "text": block["value"]["text"],
                "ebene": block["value"].get("level") or "h2",
            }
            for block in self.body.raw_data
            if block["type"] == "heading"
        ]
