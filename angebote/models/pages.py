"""The page tree of the register: /hilfe/ (search) > TraegerPage > AngebotPage."""

import uuid

from django import forms
from django.conf import settings
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import COMMENTS_RELATION_NAME, Locale, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from portal.models import BasePage
from portal.sprachen import SprachUrlMixin

# Fixed namespace of the uuid5 ids this register derives for Open Referral HSDS; never change it.
HSDS_NAMESPACE = uuid.UUID("5f0c6a52-2f7e-4d1b-9a53-6b1d2c9e8a47")


def hsds_uuid(*parts: str) -> uuid.UUID:
    return uuid.uuid5(HSDS_NAMESPACE, "/".join(parts))


def angebot_uuid(externe_id: str) -> uuid.UUID:
    """An external id that is a UUID (another tool's service id) is kept as it is."""
    try:
        return uuid.UUID(externe_id)
    except ValueError:
        return hsds_uuid("angebot", externe_id)


def telefonnummern(telefon: str) -> list[str]:
    """The numbers of a Telefon field (several separated by »|«)."""
    return [t.strip() for t in telefon.split("|") if t.strip()]


class RegisterQuerySet(PageQuerySet):
    def originale(self):
        """The pages in the default locale (German): each Träger and Angebot once, without its translations.
        A translation shares the original's translation_key; its Themen, Standorte and opening hours are
        copies, so counts, exports, supply indicators and the Träger's dashboard read the originals only (a
        Träger's group edits its TraegerPage in every language: angebote/rechte.py)."""
        return self.filter(locale__language_code=settings.LANGUAGE_CODE)


RegisterManager = PageManager.from_queryset(RegisterQuerySet)


class AngebotIndexPage(RoutablePageMixin, BasePage):
    """/hilfe/: the public search over all Angebote; /hilfe/frauenhaeuser/: the shelters with their light."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["angebote.TraegerPage"]
    max_count = 1

    class Meta:
        verbose_name = _("Hilfe finden (Angebotsverzeichnis)")

    @path("")
    def suche(self, request):
        from angebote.cache import merken
        from angebote.views import suche_seite

        return merken(suche_seite(request, self))

    @path("frauenhaeuser/", name="frauenhaeuser")
    def frauenhaeuser(self, request):
        from angebote.cache import merken
        from angebote.views import frauenhaeuser_seite

        return merken(frauenhaeuser_seite(request, self))


class TraegerPage(BasePage):
    """One provider organisation (Träger); its group edits the Angebote below it."""

    website = models.URLField(_("Website"), blank=True)
    email = models.EmailField(_("E-Mail"), blank=True)
    telefon = models.CharField(_("Telefon"), max_length=40, blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Logo"),
    )

    # Open Referral organization id: kept once given, so exports and imports refer to the same Träger.
    hsds_id = models.UUIDField(_("HSDS-Kennung"), unique=True, null=True, blank=True, editable=False)

    parent_page_types = ["angebote.AngebotIndexPage"]
    subpage_types = ["angebote.AngebotPage"]
    exclude_fields_in_copy = ["hsds_id"]

    objects = RegisterManager()

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel([FieldPanel("website"), FieldPanel("email"), FieldPanel("telefon")], heading=_("Kontakt")),
        FieldPanel("logo"),
    ]

    class Meta:
        verbose_name = _("Träger")
        verbose_name_plural = _("Träger")

    def save(self, *args, **kwargs):
        if self.hsds_id is None:
            self.hsds_id = uuid.uuid4()
        super().save(*args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        from angebote import gewaltschutz

        # A translated Träger lists every Angebot of its original, each in the reader's language where a
        # translation is live (an Angebot without one is listed with its German page).
        original = (
            self
            if self.locale.language_code == settings.LANGUAGE_CODE
            else self.get_translation_or_none(Locale.get_default())
        )
        angebote = list(
            AngebotPage.objects.child_of(original or self).live().public().prefetch_related("themen", "standorte__raum")
        )
        if original is not None and original.pk != self.pk:
            uebersetzt = {
                a.translation_key: a
                for a in AngebotPage.objects.live()
                .public()
                .filter(locale_id=self.locale_id, translation_key__in=[a.translation_key for a in angebote])
                .prefetch_related("themen", "standorte__raum")
            }
            angebote = [uebersetzt.get(a.translation_key, a) for a in angebote]
        # An Angebot listed in another language than the frame's is marked with its own (lang="de").
        aktiv = (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]
        for angebot in angebote:
            sprache = self.locale.language_code if angebot.locale_id == self.locale_id else settings.LANGUAGE_CODE
            angebot.inhalt_lang = "" if sprache == aktiv else sprache
        context["angebote"] = angebote
        context.update(gewaltschutz.kontext(request, {t.slug for a in angebote for t in a.themen.all()}))
        return context


class AngebotStatus(models.TextChoices):
    AKTIV = "aktiv", _("aktiv")
    GESCHLOSSEN = "geschlossen", _("vorübergehend geschlossen")
    EINGESTELLT = "eingestellt", _("eingestellt")


class AngebotPage(SprachUrlMixin, Page):
    """One advisory service or facility; its Standorte and opening hours are inline rows."""

    externe_id = models.CharField(
        _("Kennung für Import/Export"), max_length=80, unique=True, null=True, blank=True, editable=True
    )
    # Open Referral service id: the external id when it is a UUID, else derived from it (uuid5), then kept.
    hsds_id = models.UUIDField(_("HSDS-Kennung"), unique=True, null=True, blank=True, editable=False)
    kurzbeschreibung = models.CharField(_("Kurzbeschreibung"), max_length=300, blank=True)
    beschreibung = RichTextField(_("Beschreibung"), blank=True, features=["bold", "italic", "link", "ul", "ol"])
    themen = ParentalManyToManyField("angebote.Thema", related_name="angebote", verbose_name=_("Themen"))
    zielgruppen = ParentalManyToManyField(
        "angebote.Zielgruppe", blank=True, related_name="angebote", verbose_name=_("Zielgruppen")
    )
    sprachen = ParentalManyToManyField(
        "angebote.Sprache", blank=True, related_name="angebote", verbose_name=_("Sprachen")
    )
    kosten = models.CharField(_("Kosten"), max_length=250, blank=True, help_text=_("leer oder »kostenlos«, wenn frei"))
    kostenlos = models.BooleanField(default=True, editable=False)
    voraussetzungen = models.TextField(_("Wer kann die Hilfe bekommen?"), blank=True)
    zugang = models.TextField(_("So erhalten Sie Hilfe"), blank=True)
    status = models.CharField(_("Status"), max_length=12, choices=AngebotStatus.choices, default=AngebotStatus.AKTIV)
    hinweis = models.CharField(
        _("Aktueller Hinweis"), max_length=250, blank=True, help_text=_("z. B. »Am 24.12. geschlossen«")
    )
    geprueft_am = models.DateField(_("zuletzt geprüft am"), null=True, blank=True)
    suchbegriffe = models.TextField(_("Eigene Suchbegriffe"), blank=True, help_text=_("durch Komma getrennt"))
    telefon = models.CharField(_("Telefon"), max_length=120, blank=True, help_text=_("mehrere durch »|« trennen"))
    email = models.EmailField(_("E-Mail"), blank=True)
    website = models.URLField(_("Website"), blank=True)
    oeffnungszeiten_hinweis = models.CharField(_("Hinweis zu den Öffnungszeiten"), max_length=250, blank=True)
    raum = models.ForeignKey(
        "sozialatlas.Raum",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Einzugsgebiet"),
        help_text=_("Für Angebote ohne Standort (z. B. online oder telefonisch): der Raum, den es versorgt."),
    )
    # Zuständigkeit: the Gemeinden whose residents this Angebot is responsible for (angebote/zustaendigkeit.py).
    zustaendigkeitsraum = models.ForeignKey(
        "sozialatlas.Gliederungsraum",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="angebote",
        verbose_name=_("Zuständigkeitsraum"),
        help_text=_(
            "Ein Raum einer Raumgliederung (meist Zuständigkeitsräume), für dessen Gemeinden es zuständig ist."
        ),
    )
    zustaendig_fuer = ParentalManyToManyField(
        "sozialatlas.Raum",
        blank=True,
        related_name="zustaendige_angebote",
        verbose_name=_("zuständig für die Gemeinden"),
        limit_choices_to={"ebene": "gemeinde"},
        help_text=_("Oder eine Liste von Gemeinden; beides zusammen gilt als eine Zuständigkeit."),
    )

    parent_page_types = ["angebote.TraegerPage"]
    subpage_types = []
    # A translation is a page of its own: no import id or HSDS id of the original (they are unique).
    exclude_fields_in_copy = ["hsds_id", "externe_id"]

    objects = RegisterManager()

    content_panels = [
        *Page.content_panels,
        FieldPanel("kurzbeschreibung"),
        FieldPanel("beschreibung"),
        MultiFieldPanel(
            [
                # Checkboxes: in a multiple select one click without Ctrl drops every other choice.
                FieldPanel("themen", widget=forms.CheckboxSelectMultiple),
                FieldPanel("zielgruppen", widget=forms.CheckboxSelectMultiple),
                FieldPanel("sprachen", widget=forms.CheckboxSelectMultiple),
                FieldPanel("suchbegriffe"),
            ],
            heading=_("Einordnung"),
        ),
        MultiFieldPanel(
            [FieldPanel("kosten"), FieldPanel("voraussetzungen"), FieldPanel("zugang")], heading=_("Zugang")
        ),
        MultiFieldPanel([FieldPanel("telefon"), FieldPanel("email"), FieldPanel("website")], heading=_("Kontakt")),
        MultiFieldPanel([FieldPanel("status"), FieldPanel("hinweis"), FieldPanel("geprueft_am")], heading=_("Stand")),
        InlinePanel("standorte", heading=_("Standorte"), label=_("Standort")),
        FieldPanel("raum"),
        MultiFieldPanel(
            [
                FieldPanel("zustaendigkeitsraum"),
                FieldPanel("zustaendig_fuer", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Zuständigkeit"),
        ),
        InlinePanel("oeffnungszeiten", heading=_("Öffnungszeiten"), label=_("Öffnungszeit")),
        FieldPanel("oeffnungszeiten_hinweis"),
    ]
    promote_panels = [*Page.promote_panels, FieldPanel("externe_id")]
    # Only public text goes into Wagtail's index (the admin's search); the register search has its own
    # (angebote/suche/), and streets of confidential Standorte are in neither.
    search_fields = [
        *Page.search_fields,
        index.SearchField("kurzbeschreibung"),
        index.SearchField("beschreibung"),
    ]

    class Meta:
        verbose_name = _("Angebot")
        verbose_name_plural = _("Angebote")

    def save(self, *args, **kwargs):
        self.kostenlos = ist_kostenlos(self.kosten)
        if self.hsds_id is None:
            self.hsds_id = angebot_uuid(self.externe_id) if self.externe_id else uuid.uuid4()
        super().save(*args, **kwargs)
        update_fields = kwargs.get("update_fields")
        if update_fields is None or not set(update_fields) <= ENTWURFSFELDER:
            # The page and its Standorte, opening hours and Themen are saved now: its own index entry
            # follows (a draft's revision leaves the live row, and so the entry, as they are).
            from angebote.signals import neu_indexieren

            neu_indexieren([self.pk])

    @property
    def telefonnummern(self) -> list[str]:
        return telefonnummern(self.telefon)

    @property
    def begriffe(self) -> list[str]:
        return [b.strip() for b in self.suchbegriffe.replace("\n", ",").split(",") if b.strip()]

    def serve(self, request, *args, **kwargs):
        from angebote.cache import merken

        return merken(super().serve(request, *args, **kwargs))

    def get_context(self, request, *args, **kwargs):
        from angebote.detail import detail_context

        context = super().get_context(request, *args, **kwargs)
        context.update(detail_context(self, request))
        return context


# What Wagtail writes when it saves a draft revision or locks a page: the live content stays.
ENTWURFSFELDER = frozenset(
    {
        COMMENTS_RELATION_NAME,
        "draft_title",
        "has_unpublished_changes",
        "latest_revision",
        "latest_revision_created_at",
        "locked",
        "locked_at",
        "locked_by",
    }
)

KOSTENLOS = ("", "kostenlos", "keine", "frei", "0", "gebührenfrei", "kostenfrei")


def ist_kostenlos(kosten: str) -> bool:
    text = kosten.strip().lower()
    return text in KOSTENLOS or text.startswith(("kostenlos", "kostenfrei", "gebührenfrei"))
