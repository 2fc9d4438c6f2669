"""Searches that found nothing, counted per normalised wording and day (no IP, session or user)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SucheOhneTreffer(models.Model):
    begriff = models.CharField(_("Suchbegriff"), max_length=100)
    tag = models.DateField(_("Tag"))
    anzahl = models.PositiveIntegerField(_("Anzahl"), default=0)

    class Meta:
        verbose_name = _("Suche ohne Treffer")
        verbose_name_plural = _("Suchen ohne Treffer")
        ordering = ["-tag", "-anzahl", "begriff"]
        constraints = [models.UniqueConstraint(fields=["begriff", "tag"], name="suche_ohne_treffer_je_tag")]

    def __str__(self):
        return f"{self.begriff} ({self.tag:%d.%m.%Y}: {self.anzahl})"
