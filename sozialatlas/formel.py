"""Formulas of derived indicators: parsed with an AST whitelist (never eval), evaluated on aligned series."""

import ast
from dataclasses import dataclass

import numpy as np

from django.utils.translation import gettext as _

OPERATORS = {ast.Add: np.add, ast.Sub: np.subtract, ast.Mult: np.multiply, ast.Div: np.divide}


class FormelFehler(ValueError):
    """A formula that cannot be used; the message names the indicator and the position (1-based)."""


@dataclass(frozen=True)
class Formel:
    text: str
    baum: ast.Expression
    namen: frozenset[str]

    def auswerten(self, werte):
        """Evaluate with `werte[name]` (numbers, numpy arrays or aligned pandas Series).

        A division by zero or a missing operand gives NaN ("keine Daten"), never 0 or infinity.
        """
        with np.errstate(divide="ignore", invalid="ignore"):
            result = _auswerten(self.baum.body, werte)
        if hasattr(result, "where"):
            return result.where(np.isfinite(result))
        return result if np.isfinite(result) else np.nan


def _fehler(indikator, formel, position, text):
    return FormelFehler(
        _("Formel von »%(indikator)s«, Zeichen %(pos)s: %(text)s (»%(formel)s«)")
        % {"indikator": indikator, "pos": position, "text": text, "formel": formel}
    )


def parse_formel(text: str, *, indikator: str = "") -> Formel:
    """Parse `text`; only numbers, indicator slugs, + - * / and parentheses are allowed."""
    source = text.strip()
    if not source:
        raise _fehler(indikator, text, 1, _("Die Formel ist leer."))
    try:
        baum = ast.parse(source, mode="eval")
    except SyntaxError as exc:
        raise _fehler(indikator, source, exc.offset or 1, _("ungültiger Ausdruck")) from exc
    namen = set()
    for node in ast.walk(baum):
        if isinstance(node, ast.Expression | ast.Load) or type(node) in OPERATORS:
            continue
        if isinstance(node, ast.UAdd | ast.USub):
            continue
        position = getattr(node, "col_offset", 0) + 1
        if isinstance(node, ast.BinOp):
            if type(node.op) not in OPERATORS:
                raise _fehler(indikator, source, position, _("nur + - * / sind erlaubt"))
        elif isinstance(node, ast.UnaryOp):
            if not isinstance(node.op, ast.UAdd | ast.USub):
                raise _fehler(indikator, source, position, _("nur + - * / sind erlaubt"))
        elif isinstance(node, ast.Constant):
            if isinstance(node.value, bool) or not isinstance(node.value, int | float):
                raise _fehler(indikator, source, position, _("nur Zahlen und Indikator-Kurznamen sind erlaubt"))
        elif isinstance(node, ast.Name):
            namen.add(node.id)
        else:
            raise _fehler(indikator, source, position, _("nicht erlaubt (nur Zahlen, Kurznamen, + - * / und Klammern)"))
    return Formel(source, baum, frozenset(namen))


def _auswerten(node, werte):
    if isinstance(node, ast.BinOp):
        return OPERATORS[type(node.op)](_auswerten(node.left, werte), _auswerten(node.right, werte))
    if isinstance(node, ast.UnaryOp):
        operand = _auswerten(node.operand, werte)
        return -operand if isinstance(node.op, ast.USub) else operand
    if isinstance(node, ast.Constant):
        return float(node.value)
    return werte[node.id]


def reihenfolge(formeln: dict[str, Formel]) -> list[str]:
    """Derived slugs in an order where every operand comes first; a cycle raises FormelFehler."""
    ergebnis, fertig, in_arbeit = [], set(), []

    def besuche(slug):
        if slug in fertig or slug not in formeln:
            return
        if slug in in_arbeit:
            kreis = [*in_arbeit[in_arbeit.index(slug) :], slug]
            raise FormelFehler(_("Zirkelbezug zwischen Formeln: %s") % " → ".join(kreis))
        in_arbeit.append(slug)
        for name in sorted(formeln[slug].namen):
            besuche(name)
        in_arbeit.pop()
        fertig.add(slug)
        ergebnis.append(slug)

    for slug in sorted(formeln):
        besuche(slug)
    return ergebnis


def ableiten(formeln: dict, order: list, je_indikator: dict, slug_id: dict, spalte: str) -> list:
    """The derived indicators in dependency order, each from its operands' values at the same Raum and
    Stichtag (so a rate over summed areas is the ratio of the sums). `je_indikator` maps an indicator's id
    to its values indexed by (raum, stichtag) and gains each result, for the formulas that use it; returns
    one frame of (indikator, raum, stichtag, spalte) per derived indicator with values."""
    import pandas as pd

    frames = []
    for ind in order:
        formel = formeln[ind]
        operanden = {name: je_indikator.get(slug_id[name]) for name in formel.namen}
        if not operanden or any(s is None for s in operanden.values()):
            continue
        tabelle = pd.concat(operanden, axis=1, join="inner")
        if tabelle.empty:
            continue
        ergebnis = formel.auswerten({name: tabelle[name] for name in formel.namen}).dropna()
        je_indikator[ind] = ergebnis
        frame = ergebnis.rename(spalte).reset_index()
        frame["indikator"] = ind
        frames.append(frame[["indikator", "raum", "stichtag", spalte]])
    return frames
