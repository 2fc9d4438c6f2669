"""The atlas's charts where conferences need them: a conference's Datenlage, the key indicators of a
dashboard cell, and a Maßnahme's actual course against its target line (all through sozialatlas.figuren).

Only public values (released Indikator and Stichtag, `Wert.objects.oeffentlich()`; suppressed ones are
gaps) go into a figure.
"""

from datetime import date

from django.utils.translation import gettext as _

from sozialatlas import figuren
from sozialatlas.models import Ebene, Raum, Wert


def _kreis():
    return Raum.objects.filter(ebene=Ebene.KREIS).order_by("pk").first()


def _stand(stichtage):
    return _("Datenstand: %(datum)s") % {"datum": figuren.datum(max(stichtage))} if stichtage else ""


def verlauf_figur(indikator, raeume, *, titel=None, weitere_linien=None):
    """Time series of `indikator` in each of `raeume` beside the Kreis (unless a Raum is the Kreis);
    `weitere_linien` ({name: [(date, value)]}) are drawn as further lines, e.g. a target path."""
    kreis = _kreis()
    mit_kreis = kreis is not None and kreis not in raeume
    werte = (
        Wert.objects.oeffentlich()
        .filter(indikator=indikator, raum__in=[*raeume, kreis] if mit_kreis else raeume)
        .order_by("stichtag")
    )
    reihen = {raum.name: [] for raum in raeume}
    kreisreihe = []
    for wert in werte.select_related("raum"):
        punkt = (wert.stichtag, wert.oeffentlicher_wert)
        (kreisreihe if mit_kreis and wert.raum_id == kreis.pk else reihen[wert.raum.name]).append(punkt)
    # The data state is the latest value's date, never a point of a further line such as the target.
    stichtage = [s for reihe in [*reihen.values(), kreisreihe] for s, w in reihe if w is not None]
    reihen.update(weitere_linien or {})
    return figuren.zeitreihe_figur(
        titel or indikator.name, reihen, kreis=kreisreihe or None, einheit=indikator.einheit, stand=_stand(stichtage)
    )


def konferenz_datenlage(konferenz):
    """One figure per released indicator linked to the conference, over its Planungsräume."""
    raeume = list(konferenz.raeume.order_by("name"))
    return [verlauf_figur(i, raeume) for i in konferenz.indikatoren.oeffentlich().order_by("nr", "name")]


def zielpfad(massnahme):
    """The target line: from the baseline (Stichtag, value) to the target value at the end of the target year."""
    return [(massnahme.basis_stichtag, massnahme.basis_wert), (date(massnahme.zieljahr, 12, 31), massnahme.zielwert)]


def massnahme_figur(massnahme):
    titel = _("%(indikator)s in %(raum)s: Verlauf und Ziel") % {
        "indikator": massnahme.indikator.name,
        "raum": massnahme.ort.name,
    }
    if massnahme.gebiet_id:
        from .gliederung import gebiet_verlauf

        return verlauf_figur(
            massnahme.indikator,
            [],
            titel=titel,
            weitere_linien={
                massnahme.gebiet.name: gebiet_verlauf(massnahme.indikator, massnahme.gebiet),
                _("Ziel"): zielpfad(massnahme),
            },
        )
    return verlauf_figur(
        massnahme.indikator, [massnahme.raum], titel=titel, weitere_linien={_("Ziel"): zielpfad(massnahme)}
    )
