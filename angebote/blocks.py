"""The Angebote list of a Raum by Thema: for the atlas's Raumprofil (via its hook) and as a report block."""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from .models import AngebotPage, AngebotStatus, Standort


def angebote_im_raum(raum=None, thema=None) -> list[tuple]:
    """[(Thema or None, [{"angebot", "ort"}])]: published Angebote with a Standort in `raum` or its
    Teilräume, plus Angebote without Standort (online, by phone) that serve it. Only the Ort is given,
    never an address, so confidential Standorte (shelters) are safe here. Without `raum`: the whole Kreis."""
    angebote = AngebotPage.objects.originale().live().public().exclude(status=AngebotStatus.EINGESTELLT)
    if thema is not None:
        angebote = angebote.filter(themen=thema)
    standorte = Standort.objects.filter(angebot__in=angebote).select_related("raum")
    ohne_standort = angebote.filter(standorte__isnull=True)
    if raum is not None:
        raum_ids = raum.mit_teilraeumen_ids()
        standorte = standorte.filter(raum_id__in=raum_ids)
        ohne_standort = ohne_standort.filter(raum_id__in=raum_ids)
    orte = {}
    for standort in standorte:
        orte.setdefault(standort.angebot_id, set()).add(standort.ort_anzeige)
    for pk in ohne_standort.values_list("pk", flat=True):
        orte[pk] = {gettext("ohne festen Standort")}
    themen = {}
    for angebot in angebote.filter(pk__in=orte).prefetch_related("themen").order_by("title"):
        for eigenes in angebot.themen.all() or [None]:
            if thema is None or eigenes == thema:
                themen.setdefault(eigenes, []).append({"angebot": angebot, "ort": ", ".join(sorted(orte[angebot.pk]))})
    return sorted(themen.items(), key=lambda t: (t[0] is None, t[0].sortierung if t[0] else 0, str(t[0] or "")))


class AngeboteListeBlock(blocks.StructBlock):
    thema = SnippetChooserBlock("angebote.Thema", label=_("Thema"))
    raum = SnippetChooserBlock(
        "sozialatlas.Raum", required=False, label=_("Raum"), help_text=_("leer: der ganze Kreis")
    )

    class Meta:
        icon = "list-ul"
        label = _("Angebote nach Thema und Raum")
        template = "angebote/blocks/angebote_liste_block.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["gruppen"] = angebote_im_raum(value.get("raum"), value.get("thema"))
        return context
