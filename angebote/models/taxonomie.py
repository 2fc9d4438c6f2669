"""The vocabularies Angebote are filed under: Thema (with lay-word Suchbegriffe), Zielgruppe, Sprache."""

from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel


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
    sortierung = models.PositiveSmallIntegerField(_("Sortierung"), default=100)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("symbol"),
        FieldPanel("beschreibung"),
        FieldPanel("suchbegriffe"),
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
        return [b.strip() for b in self.suchbegriffe.replace("\n", ",").split(",") if b.strip()]


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
