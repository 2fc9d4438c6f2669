"""Read-side helpers for the atlas's views and exports: rankings against the Kreis value."""

from dataclasses import dataclass
from decimal import Decimal

from .models import Ebene, Indikator, Raum, Wert


@dataclass(frozen=True)
class Rangfolge:
    eintraege: list[tuple[Raum, Decimal]]  # published values, highest first
    kreis: Decimal | None  # the Kreis value itself ("Kreis Ø"), never an average of the entries
    gesperrt: list[Raum]  # Räume whose value is suppressed (shown without a number)


def rangfolge(indikator: Indikator, stichtag, raeume) -> Rangfolge:
    """Rank `raeume` by their value on `stichtag`; the Kreis line is the Kreis's own value, if any."""
    werte = Wert.objects.filter(indikator=indikator, stichtag=stichtag).select_related("raum")
    ids = {r.pk for r in raeume}
    eintraege, gesperrt, kreis = [], [], None
    for wert in werte:
        if wert.raum.ebene == Ebene.KREIS:
            kreis = wert.oeffentlicher_wert
        if wert.raum_id not in ids:
            continue
        if wert.gesperrt:
            gesperrt.append(wert.raum)
        elif wert.wert is not None:
            eintraege.append((wert.raum, wert.wert))
    eintraege.sort(key=lambda e: (-e[1], e[0].name))
    return Rangfolge(eintraege, kreis, sorted(gesperrt, key=lambda r: r.name))
