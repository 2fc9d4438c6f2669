"""Raumgliederungen as sets: which smallest Räume (Grundräume) an area covers, the check for gaps and
overlaps, the values of the areas (sums of the members' counts, rates from their formulas over those
sums: ratio of sums, never an average of rates) and the equations disclosure control must keep unsolvable.

A Grundraum is a Raum that is not divided completely: a Gemeinde, or an Analyseraum whose Gemeinden are
not all entered (teilraeume_vollstaendig off). Every Raum of the hierarchy and every area of a Gliederung
is a set of Grundräume; two areas whose sets differ reveal the difference by subtraction.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

import numpy as np
import pandas as pd

from django.utils.translation import gettext as _

from .formel import ableiten
from .models import Ebene, Gliederungsraum, Raum

NACHKOMMASTELLEN = 6


def zelle(gebiet_id: int) -> int:
    """The cell id of a Gliederungsraum in the frames of the recomputation (Räume keep their own ids)."""
    return -gebiet_id


@dataclass
class Raumbaum:
    """The Raum tree as plain ids, with the Grundräume of each Raum and the coarsest cover of a set."""

    eltern: dict  # raum id -> parent id (None for a root)
    kinder: dict  # raum id -> [child ids]
    geteilt: set  # ids of Räume with children that cover them completely
    _atome: dict = field(default_factory=dict)

    @classmethod
    def aus_zeilen(cls, zeilen):
        """`zeilen`: (id, parent_id, vollstaendig) per Raum."""
        eltern, kinder, voll = {}, defaultdict(list), set()
        for pk, parent, vollstaendig in zeilen:
            eltern[pk] = parent
            if parent is not None:
                kinder[parent].append(pk)
            if vollstaendig:
                voll.add(pk)
        return cls(eltern, dict(kinder), {pk for pk in voll if pk in kinder})

    @classmethod
    def laden(cls):
        return cls.aus_zeilen(Raum.objects.values_list("id", "parent_id", "teilraeume_vollstaendig"))

    def atome(self, raum_id) -> frozenset:
        """The Grundräume of a Raum (itself when it is not divided completely)."""
        gefunden = self._atome.get(raum_id)
        if gefunden is None:
            if raum_id in self.geteilt:
                gefunden = frozenset().union(*(self.atome(k) for k in self.kinder[raum_id]))
            else:
                gefunden = frozenset([raum_id])
            self._atome[raum_id] = gefunden
        return gefunden

    def atome_von(self, raum_ids) -> frozenset:
        return frozenset().union(*(self.atome(r) for r in raum_ids)) if raum_ids else frozenset()

    def ueberdeckung(self, atome) -> list[int]:
        """The coarsest Räume of the hierarchy that together are exactly `atome` (each Grundraum climbs
        while its parent lies completely inside the set)."""
        atome = set(atome)
        drin = {}
        ergebnis = set()
        for atom in atome:
            raum = atom
            while True:
                parent = self.eltern.get(raum)
                if parent is None or parent not in self.geteilt:
                    break
                if parent not in drin:
                    drin[parent] = self.atome(parent) <= atome
                if not drin[parent]:
                    break
                raum = parent
            ergebnis.add(raum)
        return sorted(ergebnis)

    def vorfahren(self, raum_id):
        raum = self.eltern.get(raum_id)
        while raum is not None:
            yield raum
            raum = self.eltern.get(raum)


def gebiete_laden(gliederungen=None) -> dict[int, list[int]]:
    """{Gliederungsraum id: [member Raum ids]} of the published Gliederungen (or of `gliederungen`), one query."""
    durch = Gliederungsraum.mitglieder.through.objects
    if gliederungen is None:
        durch = durch.filter(gliederungsraum__gliederung__veroeffentlicht=True)
    else:
        durch = durch.filter(gliederungsraum__gliederung__in=gliederungen)
    gebiete = defaultdict(list)
    for gebiet_id, raum_id in durch.values_list("gliederungsraum_id", "raum_id"):
        gebiete[gebiet_id].append(raum_id)
    return dict(gebiete)


# --- the check of a Gliederung ---------------------------------------------------------------------


@dataclass(frozen=True)
class Befund:
    art: str  # luecke, ueberschneidung, leer, ungeteilt
    text: str

    def __str__(self):
        return self.text


def pruefen(gliederung, raeume=None, baum: Raumbaum | None = None) -> list[Befund]:
    """Gaps and overlaps of a Gliederung. `raeume`: [(name, [member Raum ids])], read from the database
    when omitted (an admin form passes what is being edited). Every kind is checked for empty areas and
    members inside other members; the kinds that divide the Kreis also for gaps and overlaps between areas."""
    baum = baum or Raumbaum.laden()
    if raeume is None:
        raeume = [
            (g.name, [m.pk for m in g.mitglieder.all()]) for g in gliederung.raeume.prefetch_related("mitglieder")
        ]
    namen = dict(Raum.objects.values_list("id", "name"))
    befunde = []
    wo = defaultdict(list)
    for name, mitglieder in raeume:
        if not mitglieder:
            befunde.append(Befund("leer", _("»%(raum)s« hat keine Mitglieder.") % {"raum": name}))
            continue
        mitglieder = set(mitglieder)
        for mitglied in sorted(mitglieder, key=lambda m: namen.get(m, "")):
            drueber = next((v for v in baum.vorfahren(mitglied) if v in mitglieder), None)
            if drueber is not None:
                befunde.append(
                    Befund(
                        "ueberschneidung",
                        _("»%(raum)s«: %(mitglied)s liegt schon in %(ueber)s.")
                        % {"raum": name, "mitglied": namen.get(mitglied), "ueber": namen.get(drueber)},
                    )
                )
        for atom in baum.atome_von(mitglieder):
            if name not in wo[atom]:
                wo[atom].append(name)
    if not gliederung.ist_zerlegung:
        return befunde
    for atom, gebiete in sorted(wo.items(), key=lambda e: namen.get(e[0], "")):
        if len(gebiete) > 1:
            befunde.append(
                Befund(
                    "ueberschneidung",
                    _("%(raum)s liegt in mehreren Räumen: %(gebiete)s.")
                    % {"raum": namen.get(atom), "gebiete": ", ".join(f"»{g}«" for g in gebiete)},
                )
            )
    kreise = Raum.objects.filter(ebene=Ebene.KREIS).values_list("id", flat=True)
    ganz = baum.atome_von(list(kreise))
    for atom in sorted(ganz - wo.keys(), key=lambda a: namen.get(a, "")):
        befunde.append(Befund("luecke", _("%(raum)s gehört zu keinem Raum der Gliederung.") % {"raum": namen[atom]}))
    for atom in sorted(wo.keys() - ganz, key=lambda a: namen.get(a, "")):
        ueber = next((v for v in baum.vorfahren(atom) if v in ganz), None)
        if ueber is not None:
            befunde.append(
                Befund(
                    "ungeteilt",
                    _(
                        "%(raum)s liegt in %(ueber)s, das nicht vollständig in Teilräume gegliedert ist; "
                        "wählen Sie %(ueber)s als Ganzes."
                    )
                    % {"raum": namen.get(atom), "ueber": namen.get(ueber)},
                )
            )
    return befunde


# --- values ----------------------------------------------------------------------------------------


def gebietswerte(
    effektiv: pd.DataFrame, summierbar, formeln: dict, order: list, slug_id: dict, gebiete: dict, baum: Raumbaum
) -> pd.DataFrame:
    """Values of the areas: for every count the sum over the coarsest Räume covering the area (only when
    each has a value), then every formula over those sums, so rates are ratios of sums.

    `effektiv`: indikator, raum, stichtag, wert of the hierarchy (the values in effect). Returns indikator,
    raum (the area's cell id), stichtag, wert."""
    spalten = ["indikator", "raum", "stichtag", "wert"]
    if not gebiete:
        return pd.DataFrame(columns=spalten)
    zuordnung = [
        (zelle(gebiet), teil, len(deckung))
        for gebiet, mitglieder in gebiete.items()
        for deckung in [baum.ueberdeckung(baum.atome_von(mitglieder))]
        for teil in deckung
    ]
    zuordnung = pd.DataFrame(zuordnung, columns=["gebiet", "raum", "teile"])
    basis = effektiv[effektiv["indikator"].isin(list(summierbar)) & effektiv["wert"].notna()]
    basis = basis.merge(zuordnung, on="raum")
    summen = (
        basis.groupby(["indikator", "gebiet", "stichtag"])
        .agg(wert=("wert", "sum"), anzahl=("wert", "size"), teile=("teile", "first"))
        .reset_index()
    )
    summen = summen[summen["anzahl"] == summen["teile"]].rename(columns={"gebiet": "raum"})[spalten]
    je_indikator = {k: g.set_index(["raum", "stichtag"])["wert"] for k, g in summen.groupby("indikator")}
    return pd.concat([summen, *ableiten(formeln, order, je_indikator, slug_id, "wert")], ignore_index=True)


# --- equations for disclosure control --------------------------------------------------------------


def flaechen(baum: Raumbaum, gebiete: dict, nur_gebiete=False) -> dict[int, frozenset]:
    """{cell id: set of Grundräume} of every published area: the Gliederungsräume and (unless
    `nur_gebiete`) every Raum of the hierarchy."""
    ergebnis = {zelle(g): baum.atome_von(m) for g, m in gebiete.items()}
    if not nur_gebiete:
        ergebnis.update({r: baum.atome(r) for r in baum.eltern})
    return ergebnis


def paare(mengen: dict[int, frozenset], nur_mit=None):
    """Every pair of areas whose sets overlap (nested, equal or partly), each once; `nur_mit`: only pairs
    with at least one of these cells."""
    enthalten = defaultdict(set)
    for z, atome in mengen.items():
        for atom in atome:
            enthalten[atom].add(z)
    gesehen = set()
    for z in sorted(mengen):
        if nur_mit is not None and z not in nur_mit:
            continue
        nachbarn = set().union(*(enthalten[a] for a in mengen[z])) - {z}
        for andere in sorted(nachbarn):
            paar = (min(z, andere), max(z, andere))
            if paar not in gesehen:
                gesehen.add(paar)
                yield paar


def gleichungen(baum: Raumbaum, gebiete: dict) -> list[tuple[int, ...]]:
    """The cells of every linear relation an area of a Gliederung adds to the published table:
    area = its cover by Räume; and for every other area it overlaps, P - Q = cover(P without Q) -
    cover(Q without P). Disclosure control keeps each from having exactly one unknown, suppressed cell."""
    if not gebiete:
        return []
    mengen = flaechen(baum, gebiete)
    ergebnis = set()
    deckungen = {}
    for gebiet in gebiete:
        deckung = baum.ueberdeckung(mengen[zelle(gebiet)])
        deckungen[zelle(gebiet)] = set(deckung)
        if deckung:
            ergebnis.add(tuple(sorted({zelle(gebiet), *deckung})))
    for p, q in paare(mengen, nur_mit={zelle(g) for g in gebiete}):
        if q in deckungen.get(p, ()) or p in deckungen.get(q, ()):
            continue  # area - one of its cover's Räume: the area's own equation already
        a, b = mengen[p], mengen[q]
        terme = {p, q, *baum.ueberdeckung(a - b), *baum.ueberdeckung(b - a)}
        if len(terme) >= 2:
            ergebnis.add(tuple(sorted(terme)))
    return sorted(ergebnis)


def aufdeckbare(frame: pd.DataFrame, mengen: dict, baum: Raumbaum, additiv) -> tuple[list, int]:
    """The audit of a published table: for every pair of overlapping areas and every additive indicator
    and Stichtag, whether P - Q = cover(P without Q) - cover(Q without P) has exactly one unknown cell and
    that one is suppressed. Returns (recoverable (pair, indikator, stichtag) triples, pairs checked)."""
    paar_liste = list(paare(mengen))
    terme = []
    for p, q in paar_liste:
        a, b = mengen[p], mengen[q]
        terme.append(sorted({p, q, *baum.ueberdeckung(a - b), *baum.ueberdeckung(b - a)}))
    teil = frame[frame["indikator"].isin(list(additiv))]
    if not paar_liste or teil.empty:
        return [], len(paar_liste)
    zellen = sorted({z for t in terme for z in t})
    position = {z: i for i, z in enumerate(zellen)}
    teil = teil[teil["raum"].isin(position)]
    spalte, schluessel = pd.factorize(pd.MultiIndex.from_arrays([teil["indikator"], teil["stichtag"]]))
    # 0 known, 1 suppressed, 2 missing (no row, or no value)
    zustand = np.full((len(zellen), len(schluessel)), 2, dtype=np.int8)
    gesperrt = teil["gesperrt"].to_numpy(dtype=bool)
    fehlt = np.isnan(teil["wert"].to_numpy(dtype=float))
    zustand[[position[z] for z in teil["raum"]], spalte] = np.where(gesperrt, 1, np.where(fehlt, 2, 0))
    flach = np.array([position[z] for t in terme for z in t], dtype=np.int64)
    anfaenge = np.cumsum([0] + [len(t) for t in terme[:-1]])
    gefunden = []
    for von in range(0, len(schluessel), 64):
        block = zustand[flach, von : von + 64]
        anzahl_gesperrt = np.add.reduceat((block == 1).astype(np.int32), anfaenge, axis=0)
        anzahl_fehlend = np.add.reduceat((block == 2).astype(np.int32), anfaenge, axis=0)
        for g, sp in np.argwhere((anzahl_gesperrt == 1) & (anzahl_fehlend == 0)):
            ind, tag = schluessel[von + sp]
            gefunden.append((paar_liste[g], ind, tag))
    return gefunden, len(paar_liste)


def gebietswerte_schreiben(frame: pd.DataFrame | None) -> int:
    """Replace the stored values of the Gliederungsräume by `frame` (from berechnen); returns the count."""
    from .models import GliederungsWert

    GliederungsWert.objects.all().delete()
    if frame is None or frame.empty:
        return 0
    frame = frame[frame["wert"].notna()]
    objekte = [
        GliederungsWert(
            indikator_id=int(ind),
            gebiet_id=-int(raum),
            stichtag=tag,
            wert=Decimal(repr(round(float(wert), NACHKOMMASTELLEN))),
            gesperrt=bool(gesperrt),
            sperrgrund=grund,
        )
        for ind, raum, tag, wert, gesperrt, grund in frame[
            ["indikator", "raum", "stichtag", "wert", "gesperrt", "sperrgrund"]
        ].itertuples(index=False)
    ]
    GliederungsWert.objects.bulk_create(objekte, batch_size=5000)
    return len(objekte)
