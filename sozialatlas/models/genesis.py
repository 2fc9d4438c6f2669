"""Which GENESIS figures (statistical offices' codes) feed which Indikator: the mapping the GENESIS
flat-file import (sozialatlas/genesis.py) reads, edited by Sozialplanung in the admin."""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel

CODE_RE = re.compile(r"^[A-Z0-9_-]+$")
AUSPRAEGUNG_RE = re.compile(r"^([A-Z0-9_-]+)=([A-Z0-9_-]*)$")


class GenesisZuordnung(models.Model):
    """One GENESIS measure (value_variable_code, optionally of one table and one breakdown) -> an Indikator."""

    statistik = models.CharField(
        _("Statistik (statistics_code)"),
        max_length=20,
        blank=True,
        help_text=_("z. B. 12411 (Fortschreibung des Bevölkerungsstandes); leer: jede Statistik"),
    )
    merkmal = models.CharField(
        _("Wertmerkmal (value_variable_code)"), max_length=20, help_text=_("z. B. BEVSTD (Bevölkerungsstand)")
    )
    auspraegungen = models.CharField(
        _("Ausprägungen"),
        max_length=200,
        blank=True,
        help_text=_(
            "Nur Zeilen mit diesen Ausprägungen übernehmen, z. B. GES=GESW für »weiblich«; mehrere durch "
            "Leerzeichen getrennt. Merkmale, die hier nicht stehen, müssen »insgesamt« (leer) sein."
        ),
    )
    indikator = models.ForeignKey(
        "sozialatlas.Indikator",
        on_delete=models.CASCADE,
        related_name="genesis_zuordnungen",
        verbose_name=_("Indikator"),
    )

    panels = [FieldPanel("statistik"), FieldPanel("merkmal"), FieldPanel("auspraegungen"), FieldPanel("indikator")]

    class Meta:
        verbose_name = _("GENESIS-Zuordnung")
        verbose_name_plural = _("GENESIS-Zuordnungen")
        ordering = ["statistik", "merkmal", "auspraegungen"]
        constraints = [
            models.UniqueConstraint(
                fields=["statistik", "merkmal", "auspraegungen"], name="genesis_zuordnung_eindeutig"
            )
        ]

    def __str__(self):
        teile = [self.statistik, self.merkmal, self.auspraegungen]
        return f"{' / '.join(t for t in teile if t)} → {self.indikator}"

    def filter(self) -> dict[str, str]:
        """{variable code: attribute code} the breakdown must show."""
        return dict(AUSPRAEGUNG_RE.match(teil).groups() for teil in self.auspraegungen.split())

    def clean(self):
        self.statistik = self.statistik.strip().upper()
        self.merkmal = self.merkmal.strip().upper()
        self.auspraegungen = " ".join(sorted(self.auspraegungen.upper().split()))
        fehler = {}
        if self.statistik and not CODE_RE.match(self.statistik):
            fehler["statistik"] = _("Nur Großbuchstaben, Ziffern, - und _ (wie in der GENESIS-Datei).")
        if not CODE_RE.match(self.merkmal):
            fehler["merkmal"] = _("Nur Großbuchstaben, Ziffern, - und _ (wie in der GENESIS-Datei).")
        falsch = [t for t in self.auspraegungen.split() if not AUSPRAEGUNG_RE.match(t)]
        if falsch:
            fehler["auspraegungen"] = _("»%(teil)s« ist nicht MERKMAL=AUSPRÄGUNG (z. B. GES=GESW).") % {
                "teil": falsch[0]
            }
        if self.indikator_id and self.indikator.formel.strip():
            fehler["indikator"] = _("Dieser Indikator wird aus einer Formel berechnet; Werte werden nicht importiert.")
        if fehler:
            raise ValidationError(fehler)
