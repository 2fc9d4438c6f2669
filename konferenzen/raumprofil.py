"""The conferences' section of the atlas's Raumprofil (/atlas/raum/<schluessel>/): approved Bedarfsmeldungen
for the Raum and its Teilräume, registered on the atlas's `raumprofil_abschnitte` hook."""

from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from .auswertung import teilraum_ids
from .models import Beitrag, BeitragArt

REIHENFOLGE = 60
HOECHSTENS = 20


def bedarfsmeldungen_abschnitt(request, raum):
    """None when there is nothing to show, else the section as the hook expects it."""
    beitraege = (
        Beitrag.objects.freigegeben()
        .filter(art=BeitragArt.BEDARFSMELDUNG, raum_id__in=teilraum_ids(raum), konferenz__live=True)
        .select_related("konferenz", "raum", "handlungsfeld")
        .order_by("-erstellt_am")
    )
    gesamt = beitraege.count()
    if not gesamt:
        return None
    html = render_to_string(
        "konferenzen/includes/raumprofil_bedarfsmeldungen.html",
        {"beitraege": beitraege[:HOECHSTENS], "gesamt": gesamt, "raum": raum},
        request=request,
    )
    return {"titel": _("Bedarfsmeldungen aus den Planungskonferenzen"), "html": html, "reihenfolge": REIHENFOLGE}
