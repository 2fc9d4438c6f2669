"""StreamField blocks that show the atlas live in reports: indicator chart, map, value table, Raumprofil.

Each block renders from the current data with the data state (Stichtag) printed under it. A block whose
indicator is not released renders nothing, so a draft never shows through a report.
"""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from .models import Ebene

EBENEN = [(e.value, e.label) for e in Ebene if e != Ebene.KREIS]


def _atlas(parent_context):
    """The live atlas page the blocks link to, read once per request however many blocks a report has."""
    from .models import AtlasPage

    request = (parent_context or {}).get("request")
    if request is None:
        return AtlasPage.objects.live().public().first()
    if not hasattr(request, "_sozialatlas_seite"):
        request._sozialatlas_seite = AtlasPage.objects.live().public().first()
    return request._sozialatlas_seite


def _oeffentlich(indikator):
    return indikator if indikator is not None and indikator.live else None


class AtlasAuswahlBlock(blocks.StructBlock):
    """Indicator, level and Stichtag, shared by the chart, map and table blocks."""

    indikator = SnippetChooserBlock("sozialatlas.Indikator", label=_("Indikator"))
    ebene = blocks.ChoiceBlock(
        choices=EBENEN, required=False, label=_("Ebene"), help_text=_("leer: die feinste Ebene mit Daten")
    )
    stichtag = blocks.DateBlock(required=False, label=_("Stichtag"), help_text=_("leer: der neueste Stichtag"))

    def ansicht(self, value, raum_schluessel=None, mit_karte=False):
        from .auswertung import indikator_ansicht

        indikator = _oeffentlich(value["indikator"])
        if indikator is None:
            return None
        return indikator_ansicht(
            indikator, value.get("ebene") or None, value.get("stichtag"), raum_schluessel, mit_karte=mit_karte
        )


class IndikatorDiagrammBlock(AtlasAuswahlBlock):
    diagrammtyp = blocks.ChoiceBlock(
        choices=[("rangfolge", _("Rangfolge der Räume")), ("zeitreihe", _("Zeitreihe im Vergleich zum Kreis"))],
        default="rangfolge",
        label=_("Diagramm"),
    )
    von = blocks.DateBlock(required=False, label=_("Zeitreihe von"))
    bis = blocks.DateBlock(required=False, label=_("Zeitreihe bis"))
    raeume = blocks.ListBlock(
        SnippetChooserBlock("sozialatlas.Raum"),
        required=False,
        label=_("Räume"),
        help_text=_(
            "Rangfolge: nur diese Räume zeigen (leer: alle der Ebene). Zeitreihe: diese Räume neben dem Kreis."
        ),
    )

    class Meta:
        icon = "table"
        label = _("Indikator-Diagramm")
        template = "sozialatlas/blocks/diagramm_block.html"

    def get_context(self, value, parent_context=None):
        from .auswertung import bericht_diagramm

        context = super().get_context(value, parent_context)
        indikator = _oeffentlich(value["indikator"])
        context["figur"] = indikator and bericht_diagramm(
            indikator,
            art=value["diagrammtyp"],
            ebene=value.get("ebene") or None,
            stichtag=value.get("stichtag"),
            von=value.get("von"),
            bis=value.get("bis"),
            raeume=[r for r in value.get("raeume") or [] if r is not None],
        )
        return context


class KarteBlock(AtlasAuswahlBlock):
    class Meta:
        icon = "site"
        label = _("Karte")
        template = "sozialatlas/blocks/karte_block.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["ansicht"] = self.ansicht(value, mit_karte=True)
        context["atlas"] = _atlas(parent_context)
        return context


class WerteTabelleBlock(AtlasAuswahlBlock):
    class Meta:
        icon = "list-ul"
        label = _("Wertetabelle")
        template = "sozialatlas/blocks/tabelle_block.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["ansicht"] = self.ansicht(value)
        return context


class RaumprofilBlock(blocks.StructBlock):
    raum = SnippetChooserBlock("sozialatlas.Raum", label=_("Raum"))
    handlungsfeld = SnippetChooserBlock(
        "sozialatlas.Handlungsfeld", required=False, label=_("Handlungsfeld"), help_text=_("leer: alle")
    )

    class Meta:
        icon = "pick"
        label = _("Auszug aus dem Raumprofil")
        template = "sozialatlas/blocks/raumprofil_block.html"

    def get_context(self, value, parent_context=None):
        from .raumprofil import kennzahlen

        context = super().get_context(value, parent_context)
        context["atlas"] = _atlas(parent_context)
        raum, feld = value["raum"], value.get("handlungsfeld")
        felder = kennzahlen(raum) if raum else []
        context["felder"] = [f for f in felder if feld is None or f["handlungsfeld"].pk == feld.pk]
        stichtage = [z["stichtag"] for f in context["felder"] for z in f["zeilen"] if z["stichtag"]]
        context["stichtag"] = max(stichtage, default=None)
        return context
