"""The vocabularies Angebote are filed under: Thema (with lay-word Suchbegriffe), Zielgruppe, Sprache.

Their names (and a Thema's Kurzbeschreibung) are kept in every citizen language as fields of the one row
(name_en, name_tr, ...), like the Suchbegriffe: Angebote in every locale point at the same rows, and the
register, its facets and imports keep one id per Thema (docs/architecture/portal.md, »Sprachen«).
"""

from django.db import models
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel

# The citizen languages besides German, with the admin's label for each.
WEITERE_SPRACHEN = (
    ("en", _("Englisch")),
    ("tr", _("Türkisch")),
    ("ar", _("Arabisch")),
    ("uk", _("Ukrainisch")),
    ("ru", _("Russisch")),
)


def uebersetzt(obj, feld: str, sprache: str | None = None) -> str:
    """`feld` in `sprache` (the active language when None); German where that language's field is empty."""
    sprache = (sprache or translation.get_language() or "de").split("-")[0]
    wert = getattr(obj, f"{feld}_{sprache}", "") if sprache != "de" else ""
    return wert or getattr(obj, feld)


def _uebersetzungs_panel(feld: str, heading):
    return MultiFieldPanel(
        [FieldPanel(f"{feld}_{code}") for code, _label in WEITERE_SPRACHEN],
        heading=heading,
        help_text=_("Leer: Die Seiten in dieser Sprache zeigen den deutschen Text."),
        classname="collapsed",
    )


class MehrsprachigerName:
    """`name_lokal`: the name in the reader's language."""

    @property
    def name_lokal(self) -> str:
        return uebersetzt(self, "name")

    def name_in(self, sprache: str) -> str:
        return uebersetzt(self, "name", sprache)


class Thema(MehrsprachigerName, models.Model):
    slug = models.SlugField(_("Kurzname"), max_length=60, unique=True)
    name = models.CharField(_("Name"), max_length=120)
    name_en = models.CharField(_("Name (Englisch)"), max_length=120, blank=True)
    name_tr = models.CharField(_("Name (Türkisch)"), max_length=120, blank=True)
    name_ar = models.CharField(_("Name (Arabisch)"), max_length=120, blank=True)
    name_uk = models.CharField(_("Name (Ukrainisch)"), max_length=120, blank=True)
    name_ru = models.CharField(_("Name (Russisch)"), max_length=120, blank=True)
    symbol = models.CharField(
        _("Symbol"),
        max_length=8,
        blank=True,
        help_text=_("Ein Zeichen oder Emoji, das neben dem Thema erscheint (rein dekorativ)."),
    )
    beschreibung = models.CharField(_("Kurzbeschreibung"), max_length=250, blank=True)
    beschreibung_en = models.CharField(_("Kurzbeschreibung (Englisch)"), max_length=250, blank=True)
    beschreibung_tr = models.CharField(_("Kurzbeschreibung (Türkisch)"), max_length=250, blank=True)
    beschreibung_ar = models.CharField(_("Kurzbeschreibung (Arabisch)"), max_length=250, blank=True)
    beschreibung_uk = models.CharField(_("Kurzbeschreibung (Ukrainisch)"), max_length=250, blank=True)
    beschreibung_ru = models.CharField(_("Kurzbeschreibung (Russisch)"), max_length=250, blank=True)
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
        _uebersetzungs_panel("name", _("Name in weiteren Sprachen")),
        FieldPanel("slug"),
        FieldPanel("symbol"),
        FieldPanel("beschreibung"),
        _uebersetzungs_panel("beschreibung", _("Kurzbeschreibung in weiteren Sprachen")),
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
    def beschreibung_lokal(self) -> str:
        return uebersetzt(self, "beschreibung")

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


class Zielgruppe(MehrsprachigerName, models.Model):
    slug = models.SlugField(_("Kurzname"), max_length=60, unique=True)
    name = models.CharField(_("Name"), max_length=120, unique=True)
    name_en = models.CharField(_("Name (Englisch)"), max_length=120, blank=True)
    name_tr = models.CharField(_("Name (Türkisch)"), max_length=120, blank=True)
    name_ar = models.CharField(_("Name (Arabisch)"), max_length=120, blank=True)
    name_uk = models.CharField(_("Name (Ukrainisch)"), max_length=120, blank=True)
    name_ru = models.CharField(_("Name (Russisch)"), max_length=120, blank=True)

    panels = [FieldPanel("name"), _uebersetzungs_panel("name", _("Name in weiteren Sprachen")), FieldPanel("slug")]

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


class Sprache(MehrsprachigerName, models.Model):
    """ISO 639-1 code, or 639-3 where none exists (dgs for Deutsche Gebärdensprache)."""

    code = models.CharField(_("Sprachcode"), max_length=3, unique=True)
    name = models.CharField(_("Name"), max_length=80)
    name_en = models.CharField(_("Name (Englisch)"), max_length=80, blank=True)
    name_tr = models.CharField(_("Name (Türkisch)"), max_length=80, blank=True)
    name_ar = models.CharField(_("Name (Arabisch)"), max_length=80, blank=True)
    name_uk = models.CharField(_("Name (Ukrainisch)"), max_length=80, blank=True)
    name_ru = models.CharField(_("Name (Russisch)"), max_length=80, blank=True)

    panels = [FieldPanel("code"), FieldPanel("name"), _uebersetzungs_panel("name", _("Name in weiteren Sprachen"))]

    class Meta:
        verbose_name = _("Sprache")
        verbose_name_plural = _("Sprachen")
        ordering = ["name"]

    def __str__(self):
        return self.name


class ThemaZuordnung(models.Model):
    """Which Thema a term of another tool's taxonomy means, for HSDS imports (e.g. an AIRS/211 code)."""

    taxonomie = models.CharField(
        _("Taxonomie"),
        max_length=120,
        blank=True,
        help_text=_("Name oder HSDS-Kennung der fremden Taxonomie; leer: gilt für jede Taxonomie."),
    )
    code = models.CharField(_("Code oder Name des Begriffs"), max_length=120)
    thema = models.ForeignKey(Thema, on_delete=models.CASCADE, related_name="zuordnungen", verbose_name=_("Thema"))

    panels = [FieldPanel("taxonomie"), FieldPanel("code"), FieldPanel("thema")]

    class Meta:
        verbose_name = _("Themen-Zuordnung (HSDS-Import)")
        verbose_name_plural = _("Themen-Zuordnungen (HSDS-Import)")
        ordering = ["taxonomie", "code"]
        constraints = [models.UniqueConstraint(fields=["taxonomie", "code"], name="thema_zuordnung_eindeutig")]

    def __str__(self):
        return f"{self.taxonomie or '*'}: {self.code} → {self.thema}"
