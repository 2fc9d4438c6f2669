"""Import of the statistical offices' GENESIS flat-file CSV ("ffcsv", e.g. Regionalstatistik tables).

An ffcsv file holds one value per row: statistics_code (the table's statistic, e.g. 12411), time (a year
or a Stichtag), up to a few variables N_variable_code / N_variable_attribute_code (one of them regional:
GEMEIN, KREISE, ... with the Amtlicher Gemeindeschlüssel as attribute code; the others a breakdown such
as GES=GESW, empty for "insgesamt"), value_variable_code (the measure, e.g. BEVSTD), value and value_q.
Which measure feeds which Indikator is the GenesisZuordnung Sozialplanung keeps in the admin. Rows are
turned into Werte (indikator, raum, stichtag, wert) and go through the Werte import's checks and writes,
so release, recomputation and reporting are the same. Rows of no mapped measure and of Räume outside the
county (a Land's table names all its Gemeinden) are skipped and counted.
"""

import re
from dataclasses import replace

import pandas as pd

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.imports import Problem

from .imports import WertImporter
from .models import GenesisZuordnung, Raum

PFLICHTSPALTEN = ["statistics_code", "time", "value_variable_code", "value"]
# GENESIS's regional variables (their attribute codes are Amtliche Gemeindeschlüssel or Regionalschlüssel).
REGIONALE_MERKMALE = {"DINSG", "DLAND", "REGBEZ", "KREISE", "GEMEIN", "GEMVBZ", "GEMRS", "KRESIT"}
MERKMAL_SPALTE = re.compile(r"^(\d+)_variable_code$")
# Symbols that replace a value (Zeichenerklärung of the statistical offices): "-" is exactly nothing (0);
# the others mean unknown, secret, not sensible or not yet available, i.e. a missing value.
ZEICHEN = {"-": "0", ".": "", "x": "", "/": "", "...": "", "…": "", "()": ""}
# Which column of the file a problem of a converted row belongs to.
SPALTE_IM_ORIGINAL = {"indikator": "value_variable_code", "stichtag": "time", "wert": "value"}


class GenesisImporter(WertImporter):
    label = gettext_lazy("GENESIS-Flatfile (ffcsv)")
    columns = {c: True for c in PFLICHTSPALTEN}

    def check_header(self, frame: pd.DataFrame):
        for column in PFLICHTSPALTEN:
            if column not in frame.columns:
                self.problems.append(
                    Problem(
                        1,
                        column,
                        _(
                            "Spalte fehlt in der Kopfzeile; erwartet wird eine GENESIS-Flatfile-CSV (ffcsv) mit "
                            "statistics_code, time, N_variable_code, N_variable_attribute_code, "
                            "value_variable_code und value."
                        ),
                    )
                )
        if self.problems:
            return
        self.region = self._regionale_spalte(frame)
        if self.region is None:
            self.problems.append(
                Problem(
                    1,
                    None,
                    _(
                        "Die Datei hat kein regionales Merkmal (z. B. GEMEIN oder KREISE mit dem Amtlichen "
                        "Gemeindeschlüssel); bitte eine Tabelle der Regionalstatistik nach Kreisen oder Gemeinden "
                        "exportieren."
                    ),
                )
            )

    @staticmethod
    def _regionale_spalte(frame) -> str | None:
        for column in frame.columns:
            match = MERKMAL_SPALTE.match(column)
            attribut = f"{match.group(1)}_variable_attribute_code" if match else None
            if attribut in frame.columns and frame[column].str.upper().isin(REGIONALE_MERKMALE).any():
                return attribut
        return None

    def read_checked(self, source, result, progress=None):
        frame = super().read_checked(source, result, progress or (lambda *a: None))
        if frame is None:
            return None
        zuordnungen = list(GenesisZuordnung.objects.select_related("indikator"))
        if not zuordnungen:
            result.problems = [
                Problem(
                    None,
                    None,
                    _(
                        "Es gibt noch keine GENESIS-Zuordnung. Legen Sie im Datenkatalog unter "
                        "»GENESIS-Zuordnungen« fest, welches Wertmerkmal (value_variable_code) welchem Indikator "
                        "entspricht."
                    ),
                )
            ]
            return None
        schluessel = set(Raum.objects.values_list("schluessel", flat=True))
        merkmale = sorted(
            (m.group(1), c, f"{m.group(1)}_variable_attribute_code")
            for c in frame.columns
            if (m := MERKMAL_SPALTE.match(c)) and f"{m.group(1)}_variable_attribute_code" in frame.columns
        )
        zeilen, ohne_zuordnung, ausserhalb = [], 0, 0
        for line, werte in zip(frame.index, frame.to_dict("records"), strict=True):
            aufteilung = {
                werte[code].upper(): werte[attribut].upper()
                for _n, code, attribut in merkmale
                if attribut != self.region and werte[code]
            }
            treffer = [z for z in zuordnungen if _passt(z, werte, aufteilung)]
            if not treffer:
                ohne_zuordnung += 1
                continue
            raum = _raum_schluessel(werte[self.region], schluessel)
            if raum is None:
                ausserhalb += 1
                continue
            wert = ZEICHEN.get(werte["value"].strip(), werte["value"])
            for zuordnung in treffer:
                zeilen.append((line, zuordnung.indikator.slug, raum, werte["time"], wert))
        if not zeilen:
            gefunden = ", ".join(sorted(set(frame["value_variable_code"]) - {""})[:10])
            result.problems = [
                Problem(
                    None,
                    "value_variable_code",
                    _(
                        "Keine Zeile passt zu einer GENESIS-Zuordnung und zu einem Raum des Kreises (Wertmerkmale "
                        "der Datei: %(gefunden)s; %(ausserhalb)s Zeilen mit Gemeindeschlüsseln außerhalb der Räume)."
                    )
                    % {"gefunden": gefunden or "–", "ausserhalb": ausserhalb},
                )
            ]
            return None
        result.changes.append(
            _(
                "GENESIS: %(n)s Zeilen übernommen; übersprungen: %(ohne)s ohne Zuordnung, %(aussen)s mit einem "
                "Gemeindeschlüssel, der kein Raum ist."
            )
            % {"n": len(zeilen), "ohne": ohne_zuordnung, "aussen": ausserhalb}
        )
        umgesetzt = pd.DataFrame(zeilen, columns=["zeile", "indikator", "raum", "stichtag", "wert"]).set_index("zeile")
        umgesetzt.index.name = None
        return umgesetzt

    def validate(self, frame):
        daten = super().validate(frame)
        # The Werte checks name their columns; the editor's file has GENESIS's.
        spalten = {**SPALTE_IM_ORIGINAL, "raum": self.region}
        self.problems = [replace(p, column=spalten.get(p.column, p.column)) for p in self.problems]
        return daten


def _passt(zuordnung, werte, aufteilung) -> bool:
    if zuordnung.statistik and zuordnung.statistik != werte["statistics_code"].upper():
        return False
    if zuordnung.merkmal != werte["value_variable_code"].upper():
        return False
    # Every breakdown variable of the row is named by the mapping, or is "insgesamt" (empty attribute).
    gewuenscht = zuordnung.filter()
    if any(aufteilung.get(code) != attribut for code, attribut in gewuenscht.items()):
        return False
    return all(attribut == "" or code in gewuenscht for code, attribut in aufteilung.items())


def _raum_schluessel(ags: str, schluessel: set[str]) -> str | None:
    """The Raum whose Schlüssel is the Gemeindeschlüssel; a spreadsheet may have dropped its leading zero
    (Schleswig-Holstein's 01…), which is put back."""
    ags = ags.strip()
    if ags in schluessel:
        return ags
    if ags.isdigit() and len(ags) in (1, 4, 7, 8, 11) and "0" + ags in schluessel:
        return "0" + ags
    return None
