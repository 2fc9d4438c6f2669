"""The register's search index in the database: one row per public Angebot, kept current one Angebot at a
time (angebote/suche/index.py), searched by SQLite FTS5 or PostgreSQL full text (angebote/suche/).

Only what anyone may see is in it: a confidential Standort is a point at its Gemeinde's centroid and its
Ort, never its street or own coordinates. The row also holds what a hit shows, so a page of hits is one
query. The word index itself is the database's: an FTS5 table that triggers keep in step with
`SuchEintrag` on SQLite, a generated, weighted `tsvector` column with a GIN index on PostgreSQL (both made
by this app's migration `0005`, which Django's model state does not describe).
"""

from django.db import models

from wagtail.models import Page


class SuchEintrag(models.Model):
    angebot = models.OneToOneField(
        "angebote.AngebotPage", on_delete=models.CASCADE, primary_key=True, related_name="sucheintrag"
    )
    # The three weighted texts (normalised words, angebote/suche/text.py): title, the Angebot's own
    # vocabulary (its Suchbegriffe and Zielgruppen), the rest. Its Themen's words are in SuchThema.
    titel = models.TextField()
    begriffe = models.TextField(blank=True)
    text = models.TextField(blank=True)
    # Filters
    status = models.CharField(max_length=12)
    kostenlos = models.BooleanField(default=False)
    barrierefrei = models.BooleanField(default=False)
    hat_standort = models.BooleanField(default=False)
    raum = models.ForeignKey("sozialatlas.Raum", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    raum_lat = models.FloatField(null=True, blank=True)
    raum_lon = models.FloatField(null=True, blank=True)
    # What a hit shows
    title = models.CharField(max_length=255)
    sortiertitel = models.CharField(max_length=255, db_index=True)
    url_path = models.TextField()
    externe_id = models.CharField(max_length=80, blank=True)
    kurzbeschreibung = models.CharField(max_length=300, blank=True)
    hinweis = models.CharField(max_length=250, blank=True)
    telefon = models.CharField(max_length=120, blank=True)
    traeger = models.CharField(max_length=255, blank=True)
    raum_name = models.CharField(max_length=255, blank=True)
    # Facet values as id lists, counted and filtered in the engine (JSON functions of SQLite and PostgreSQL)
    themen = models.JSONField(default=list)  # Thema ids in the Angebot's order
    zielgruppen = models.JSONField(default=list)  # Zielgruppe ids
    sprachen = models.JSONField(default=list)  # Sprache ids
    zustaendig = models.JSONField(default=list)  # ids of the Gemeinden its Zuständigkeit names (none: open to all)
    standorte = models.JSONField(default=list)  # public Standorte (angebote/suche/index.py)
    zeiten = models.JSONField(default=list)  # [weekday, "HH:MM", "HH:MM"]

    class Meta:
        verbose_name = "Sucheintrag"
        verbose_name_plural = "Sucheinträge"

    def __str__(self):
        return self.title

    @property
    def telefonnummern(self) -> list[str]:
        return [t.strip() for t in self.telefon.split("|") if t.strip()]

    def get_url(self, request=None) -> str | None:
        """The page's URL by Wagtail's own rules (sites, root paths), from the stored url_path."""
        return Page(id=self.angebot_id, url_path=self.url_path).get_url(request)


class SuchPunkt(models.Model):
    """A public point of an entry (a Standort, a confidential one at its Gemeinde, or the Einzugsgebiet)."""

    eintrag = models.ForeignKey(SuchEintrag, on_delete=models.CASCADE, related_name="punkte")
    lat = models.FloatField()
    lon = models.FloatField()

    class Meta:
        indexes = [models.Index(fields=["lat", "lon"], name="suchpunkt_lat_lon")]

    def __str__(self):
        return f"{self.lat:.5f}, {self.lon:.5f}"


class SuchZeit(models.Model):
    """An opening interval as minutes of the week, [von, bis)."""

    eintrag = models.ForeignKey(SuchEintrag, on_delete=models.CASCADE, related_name="oeffnung")
    von = models.PositiveIntegerField()
    bis = models.PositiveIntegerField()

    class Meta:
        indexes = [models.Index(fields=["von", "bis"], name="suchzeit_von_bis")]

    def __str__(self):
        return f"{self.von}-{self.bis}"


class SuchThema(models.Model):
    """A Thema's words once (its name and Suchbegriffe in every language), not in each of its entries:
    a query word found here finds every entry with that Thema (through the Thema's token among the entry's
    words), and changing a Thema's words rewrites this one row."""

    thema = models.OneToOneField("angebote.Thema", on_delete=models.CASCADE, primary_key=True, related_name="+")
    begriffe = models.TextField(blank=True)

    class Meta:
        verbose_name = "Suchwörter eines Themas"
        verbose_name_plural = "Suchwörter der Themen"

    def __str__(self):
        return str(self.thema_id)


class SuchWort(models.Model):
    """Every word of the index once, for prefixes, compounds and typos of a query (angebote/suche/text.py).

    Words stay when the last Angebot holding them leaves; `suchindex_aufbauen` prunes them.
    """

    wort = models.CharField(max_length=100, primary_key=True)
    rueckwaerts = models.CharField(max_length=100, db_index=True)  # for typos in a word's first letters

    def __str__(self):
        return self.wort
