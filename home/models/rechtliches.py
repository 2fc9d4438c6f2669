"""The legally required pages: Impressum, Datenschutzerklärung and Erklärung zur Barrierefreiheit.

Their structure is the one a public body needs; the facts that differ from county to county (address,
representation, supervisory authority, data protection officer) come from the site settings
(portal.PortalEinstellungen), so the Redaktion keeps them in one place.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField, StreamField

from portal.blocks import BaseStreamBlock
from portal.models import BasePage, PortalEinstellungen

SCHLICHTUNGSSTELLE_BGG = "https://www.schlichtungsstelle-bgg.de/"


class PflichtseiteMixin:
    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["einstellungen"] = PortalEinstellungen.for_request(request)
        return context


class ImpressumPage(PflichtseiteMixin, BasePage):
    """Anbieterkennzeichnung (§ 5 DDG, § 18 MStV) of the county administration."""

    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("Weitere Angaben (z. B. Haftung, Bildnachweise)"))

    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("Impressum")


class DatenschutzPage(PflichtseiteMixin, BasePage):
    """Information under Art. 13 DSGVO: controller, officer, processing, rights, complaint."""

    body = StreamField(
        BaseStreamBlock(), blank=True, verbose_name=_("Weitere Verarbeitungen (z. B. Newsletter, Fachverfahren)")
    )

    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("Datenschutzerklärung")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["aufbewahrung_tage"] = settings.KONFERENZEN_AUFBEWAHRUNG_TAGE
        context["suchprotokoll_tage"] = settings.SUCHE_PROTOKOLL_TAGE
        return context


class BarrierefreiheitFormField(AbstractFormField):
    page = ParentalKey("home.BarrierefreiheitPage", on_delete=models.CASCADE, related_name="form_fields")


class BarrierefreiheitPage(PflichtseiteMixin, AbstractEmailForm):
    """Erklärung zur Barrierefreiheit (BITV 2.0 § 7) with its feedback form: a message is stored (Formulare
    in the admin) and sent by email to the Redaktion."""

    class Stand(models.TextChoices):
        VOLLSTAENDIG = "vollstaendig", _("vollständig vereinbar")
        TEILWEISE = "teilweise", _("teilweise vereinbar")
        NICHT = "nicht", _("nicht vereinbar")

    intro = RichTextField(_("Einleitung"), blank=True, features=["bold", "italic", "link"])
    stand = models.CharField(
        _("Stand der Vereinbarkeit mit der BITV 2.0"), max_length=20, choices=Stand.choices, default=Stand.TEILWEISE
    )
    nicht_barrierefrei = RichTextField(
        _("Nicht barrierefreie Inhalte und Begründung"),
        blank=True,
        features=["bold", "italic", "link", "ul", "ol"],
        help_text=_("Bekannte Mängel, warum sie bestehen und welche Alternativen es gibt."),
    )
    erstellt_am = models.DateField(_("Erklärung erstellt am"), null=True, blank=True)
    geprueft_am = models.DateField(_("zuletzt überprüft am"), null=True, blank=True)
    methode = models.CharField(
        _("Grundlage der Bewertung"),
        max_length=250,
        blank=True,
        default=_("einer Selbstbewertung mit automatischen Prüfungen (axe, Lighthouse) und Prüfungen von Hand"),
    )
    schlichtungsstelle_name = models.CharField(
        _("Schlichtungsstelle"),
        max_length=250,
        default=_("Schlichtungsstelle nach § 16 Behindertengleichstellungsgesetz (BGG)"),
        help_text=_("Für Stellen eines Landes: die Schlichtungs- oder Ombudsstelle nach dem Landesgesetz."),
    )
    schlichtungsstelle_url = models.URLField(_("Website der Schlichtungsstelle"), default=SCHLICHTUNGSSTELLE_BGG)
    dank = RichTextField(_("Text nach dem Absenden"), blank=True, features=["bold", "italic", "link"])

    content_panels = [
        *AbstractEmailForm.content_panels,
        FormSubmissionsPanel(),
        FieldPanel("intro"),
        MultiFieldPanel([FieldPanel("stand"), FieldPanel("nicht_barrierefrei")], heading=_("Stand der Vereinbarkeit")),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("erstellt_am"), FieldPanel("geprueft_am")]), FieldPanel("methode")],
            heading=_("Erstellung der Erklärung"),
        ),
        MultiFieldPanel(
            [FieldPanel("schlichtungsstelle_name"), FieldPanel("schlichtungsstelle_url")],
            heading=_("Schlichtungsverfahren"),
        ),
        InlinePanel("form_fields", heading=_("Felder des Rückmeldeformulars"), label=_("Feld")),
        FieldPanel("dank"),
        MultiFieldPanel(
            [FieldPanel("to_address"), FieldPanel("from_address"), FieldPanel("subject")],
            heading=_("E-Mail an die Redaktion"),
        ),
    ]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("Erklärung zur Barrierefreiheit")

    def empfaenger(self) -> str:
        """The addresses a message goes to: the page's own, else the site's contact address."""
        if self.to_address:
            return self.to_address
        site = self.get_site()
        return PortalEinstellungen.for_site(site).kontakt_email if site else ""

    def process_form_submission(self, form):
        self.to_address = self.empfaenger()  # in memory only: the page keeps following the site settings
        return super().process_form_submission(form)

    def send_mail(self, form):
        # The subject must name the page even when the editors left it empty.
        if not self.subject:
            self.subject = str(_("Rückmeldung zur Barrierefreiheit"))
        super().send_mail(form)
