"""The vocabularies Angebote are filed under: Thema (with lay-word Suchbegriffe), Zielgruppe, Sprache."""

from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel


class Thema(models.Model):
    slug = models.SlugField(_("Kurzname"), max_length=60, unique=True)
    name = models.CharField(_("Name"), max_length=120)
    symbol = models.CharField(
        _("Symbol"),
        max_length=8,
        blank=True,
        help_text=_("Ein Zeichen oder Emoji, das neben dem Thema erscheint (rein dekorativ)."),
    )
    beschreibung = models.CharField(_("Kurzbeschreibung"), max_length=250, blank=True)
    suchbegriffe = models.TextField(
        _("Suchbegriffe"),
        blank=True,
        help_text=_(
            "Alltagswörter und Synonyme, mit denen Bürger*innen nach diesem Thema suchen, durch Komma getrennt "
            "(z. B. »Schulden, Mahnung, Inkasso«)."
        ),
    )
    # Lay words in the other citizen languages: a query in any of them finds the Thema's Angebote,
    # whichever interface language it is typed in.
    suchbegriffe_en = models.TextField(_("Suchbegriffe (Englisch)"), blank=True)
    suchbegriffe_tr = models.TextField(_("Suchbegriffe (Türkisch)"), blank=True)
    suchbegriffe_ar = models.TextField(_("Suchbegriffe (Arabisch)"), blank=True)
    suchbegriffe_uk = models.TextField(_("Suchbegriffe (Ukrainisch)"), blank=True)
    suchbegriffe_ru = models.TextField(_("Suchbegriffe (Russisch)"), blank=True)
    sortierung = models.PositiveSmallIntegerField(_("Sortierung"), default=100)

    SPRACHEN_DER_SUCHBEGRIFFE = ("de", "en", "tr", "ar", "uk", "ru")

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("symbol"),
        FieldPanel("beschreibung"),
        FieldPanel("suchbegriffe"),
        MultiFieldPanel(
            [
                FieldPanel("suchbegriffe_en"),
                FieldPanel("suchbegriffe_tr"),
                FieldPanel("suchbegriffe_ar"),
                FieldPanel("suchbegriffe_uk"),
                FieldPanel("suchbegriffe_ru"),
            ],
            heading=_("Suchbegriffe in weiteren Sprachen"),
            help_text=_("Alltagswörter in der jeweiligen Sprache und Schrift, durch Komma getrennt."),
        ),
        FieldPanel("sortierung"),
    ]

    class Meta:
        verbose_name = _("Thema")
        verbose_name_plural = _("Themen")
        ordering = ["sortierung", "name"]

    def __str__(self):
        return self.name

    @property
    def begriffe(self) -> list[str]:
        return _liste(self.suchbegriffe)

    def begriffe_in(self, sprache: str) -> list[str]:
        return _liste(self.suchbegriffe if sprache == "de" else getattr(self, f"suchbegriffe_{sprache}", ""))

    @property
    def alle_begriffe(self) -> list[str]:
        """The Suchbegriffe of every language, German first."""
        return [b for sprache in self.SPRACHEN_DER_SUCHBEGRIFFE for b in self.begriffe_in(sprache)]


def _liste(text: str) -> list[str]:
    return [b.strip() for b in (text or "").replace("\n", ",").split(",") if b.strip()]


class Zielgruppe(models.Model):
    slug = models.SlugField(_("Kurzname"), max_length=60, unique=True)
    name = models.CharField(_("Name"), max_length=120, unique=True)

    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta:
        verbose_name = _("Zielgruppe")
        verbose_name_plural = _("Zielgruppen")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name.replace("*", ""))[:60] or "zielgruppe"
        super().save(*args, **kwargs)


class Sprache(models.Model):
    """ISO 639-1 code, or 639-3 where none exists (dgs for Deutsche Gebärdensprache)."""

    code = models.CharField(_("Sprachcode"), max_length=3, unique=True)
    name = models.CharField(_("Name"), max_length=80)

    panels = [FieldPanel("code"), FieldPanel("name")]

    class Meta:
        verbose_name = _("Sprache")
        verbose_name_plural = _("Sprachen")
        ordering = ["name"]

    def __str__(self):
        return self.name
