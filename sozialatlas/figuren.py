"""Figure builders: plotly figure dicts, map classes and value tables from plain data (no ORM, no HTTP).

Every builder returns a `Figur`: what `{% atlas_diagramm figur %}` renders (title, description, the
plotly figure and the accessible value table). Numbers are German: decimal comma, narrow no-break
space as thousands separator.
"""

import math
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.utils.translation import gettext as _

# Thousands separator: narrow no-break (thin) space, so a number never breaks across lines.
TAUSENDER = "\u202f"
PLOTLY_SEPARATOREN = "," + TAUSENDER

# Decimal places per Einheit (values of Indikator.einheit).
STELLEN = {"absolut": 0, "je_1000": 1, "prozent": 2, "euro": 2, "jahre": 1, "index": 2}
EINHEIT_ZEICHEN = {"prozent": " %", "euro": " €", "je_1000": " ‰"}

# Okabe-Ito colours, distinguishable with every common colour vision deficiency.
FARBE_GUENSTIG = "#0072B2"  # blue
FARBE_UNGUENSTIG = "#D55E00"  # vermillion
FARBE_UEBER = "#0072B2"
FARBE_UNTER = "#56B4E9"  # sky blue: above/below for neutral indicators
FARBE_NEUTRAL = "#5f6b7a"
FARBE_KREIS = "#000000"
# ColorBrewer YlGnBu, marked colour-blind safe, from light (low) to dark (high), by number of classes.
SKALA = {
    3: ["#edf8b1", "#7fcdbb", "#2c7fb8"],
    4: ["#ffffcc", "#a1dab4", "#41b6c4", "#225ea8"],
    5: ["#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494"],
    6: ["#ffffcc", "#c7e9b4", "#7fcdbb", "#41b6c4", "#2c7fb8", "#253494"],
    7: ["#ffffcc", "#c7e9b4", "#7fcdbb", "#41b6c4", "#1d91c0", "#225ea8", "#0c2c84"],
}
FARBE_KEINE_DATEN = "#ffffff"

HORIZONTAL_BIS = 40  # up to this many Räume a ranking is drawn with horizontal bars (names readable)


@dataclass
class Tabelle:
    """An accessible value table: the first cell of each row is its header."""

    spalten: list[str]
    zeilen: list[list[str]]


@dataclass
class Figur:
    titel: str
    beschreibung: str
    plotly: dict  # {"data": [...], "layout": {...}, "config": {...}}
    tabelle: Tabelle
    stand: str = ""  # "Datenstand: …" printed under the chart
    hinweise: list[str] = field(default_factory=list)
    kennwerte: dict = field(default_factory=dict)  # numbers a page may quote, e.g. {"r": 0.83}
    csv_url: str = ""  # the chart's numbers as CSV, linked under it


# --- numbers ---------------------------------------------------------------------------------------


def zahl(wert, stellen: int = 2) -> str:
    """German number: 1234567.891 -> "1 234 567,89" (thin spaces); None -> ""."""
    if wert is None:
        return ""
    text = f"{float(wert):,.{stellen}f}"
    return text.replace(",", TAUSENDER).replace(".", ",").replace("-", "−")


def einheit_zahl(wert, einheit: str) -> str:
    """A value with the decimals and sign of its Einheit: "7,21 %"."""
    if wert is None:
        return ""
    return zahl(wert, STELLEN.get(einheit, 2)) + EINHEIT_ZEICHEN.get(einheit, "")


def datum(stichtag: date | None) -> str:
    return stichtag.strftime("%d.%m.%Y") if stichtag else ""


def _float(wert):
    return None if wert is None else float(wert)


def _hover(einheit: str) -> str:
    return f",.{STELLEN.get(einheit, 2)}f"


def _hover_wert(achse: str, einheit: str) -> str:
    """A hover value with its unit sign: "%{y:,.2f} %"."""
    return "%{" + achse + ":" + _hover(einheit) + "}" + EINHEIT_ZEICHEN.get(einheit, "")


def einheit_titel(einheit: str) -> str:
    """The value axis's title: what the numbers count."""
    return {
        "absolut": _("Anzahl"),
        "je_1000": _("je 1.000 Einwohner*innen"),
        "prozent": _("Prozent"),
        "euro": _("Euro"),
        "jahre": _("Jahre"),
        "index": _("Index"),
    }.get(einheit, "")


def wertachse(einheit: str, **extra) -> dict:
    """A value axis whose ticks and title carry the unit (8,16 % rather than 8,16)."""
    achse = {"gridcolor": "#e3e6ea", "tickformat": ",~r", "ticksuffix": EINHEIT_ZEICHEN.get(einheit, "")}
    if titel := einheit_titel(einheit):
        achse["title"] = {"text": titel}
    achse.update(extra)
    return achse


def mit_kreis_vergleichbar(einheit: str) -> bool:
    """An absolute count of a Raum cannot stand beside the Kreis's count on one axis: the Kreis is the sum
    of all Räume. Rates, shares and means can."""
    return einheit != "absolut"


def _layout(**extra) -> dict:
    layout = {
        "separators": PLOTLY_SEPARATOREN,
        "font": {"family": "system-ui, sans-serif", "size": 14},
        "margin": {"l": 60, "r": 20, "t": 20, "b": 60},
        "paper_bgcolor": "#ffffff",
        "plot_bgcolor": "#ffffff",
        "legend": {"orientation": "h", "y": -0.2},
    }
    layout.update(extra)
    return layout


# No mode bar: its buttons would be focusable controls inside the role="img" chart; the table beside the
# chart is the accessible alternative, CSV/JSON the download.
CONFIG = {"displaylogo": False, "displayModeBar": False, "responsive": True}


def _figur(titel, beschreibung, daten, layout, tabelle, stand="", hinweise=None) -> Figur:
    return Figur(
        titel, beschreibung, {"data": daten, "layout": layout, "config": CONFIG}, tabelle, stand, hinweise or []
    )


# --- ranking ---------------------------------------------------------------------------------------


def vergleich_mit_kreis(wert: float, kreis: float | None, polaritaet: str) -> str:
    """ "guenstig"/"unguenstig" for rated indicators, "ueber"/"unter" for neutral ones, "" without Kreis."""
    if kreis is None or wert == kreis:
        return ""
    hoeher = wert > kreis
    if polaritaet == "hoch_gut":
        return "guenstig" if hoeher else "unguenstig"
    if polaritaet == "hoch_unguenstig":
        return "unguenstig" if hoeher else "guenstig"
    return "ueber" if hoeher else "unter"


def _gruppen():
    return {
        "guenstig": (_("günstiger als der Kreis"), FARBE_GUENSTIG),
        "unguenstig": (_("ungünstiger als der Kreis"), FARBE_UNGUENSTIG),
        "ueber": (_("über dem Kreiswert"), FARBE_UEBER),
        "unter": (_("unter dem Kreiswert"), FARBE_UNTER),
        "": (_("Wert"), FARBE_NEUTRAL),
    }


def rangfolge_figur(
    titel: str,
    eintraege: list[tuple[str, object]],
    kreis=None,
    *,
    einheit: str = "absolut",
    polaritaet: str = "neutral",
    gesperrt: list[str] = (),
    ohne_wert: list[str] = (),
    stand: str = "",
) -> Figur:
    """Bars of the Räume, highest value first, coloured above/below the Kreis value.

    `kreis` is the Kreis's own value (for rates the ratio of sums); it is drawn as the line "Kreis Ø"
    only when it exists. It is never replaced by an average of the entries.
    """
    eintraege = sorted(((name, float(wert)) for name, wert in eintraege), key=lambda e: (-e[1], e[0]))
    kreis = _float(kreis)
    # An absolute count: the Kreis's is the sum of the Räume, no line to compare a bar with; it is named
    # in the table and the description only.
    kreis_summe = None
    if kreis is not None and not mit_kreis_vergleichbar(einheit):
        kreis_summe, kreis = kreis, None
    horizontal = len(eintraege) <= HORIZONTAL_BIS
    gruppen = _gruppen()
    daten = []
    for schluessel, (name, farbe) in gruppen.items():
        teil = [(n, w) for n, w in eintraege if vergleich_mit_kreis(w, kreis, polaritaet) == schluessel]
        if not teil:
            continue
        namen, werte = [n for n, _w in teil], [w for _n, w in teil]
        trace = {
            "type": "bar",
            "name": name,
            "marker": {"color": farbe},
            "hovertemplate": "%{"
            + ("y" if horizontal else "x")
            + "}: "
            + _hover_wert("x" if horizontal else "y", einheit)
            + "<extra></extra>",
        }
        if horizontal:
            trace.update(orientation="h", x=werte, y=namen)
        else:
            trace.update(x=namen, y=werte)
        daten.append(trace)
    # Plotly sorts the bars by value itself; no list of a thousand names a second time in the page.
    kategorie = {"type": "category", "categoryorder": "total descending", "automargin": True}
    werte_achse = wertachse(einheit, zeroline=True)
    if horizontal:
        # Plotly draws the first category at the bottom; reversed, the highest value is on top.
        layout = _layout(
            xaxis=werte_achse,
            yaxis={**kategorie, "autorange": "reversed"},
            height=max(220, 28 * len(eintraege) + 100),
            barmode="overlay",
        )
    else:
        layout = _layout(xaxis={**kategorie, "showticklabels": len(eintraege) <= 150}, yaxis=werte_achse, height=420)
        layout["barmode"] = "overlay"
    if kreis is not None:
        linie = {"type": "line", "line": {"color": FARBE_KREIS, "width": 2, "dash": "dash"}}
        beschriftung = {"text": _("Kreis Ø %(wert)s") % {"wert": einheit_zahl(kreis, einheit)}, "showarrow": False}
        if horizontal:
            linie.update(x0=kreis, x1=kreis, xref="x", y0=0, y1=1, yref="paper")
            beschriftung.update(x=kreis, xref="x", y=1, yref="paper", yanchor="bottom")
        else:
            linie.update(y0=kreis, y1=kreis, yref="y", x0=0, x1=1, xref="paper")
            beschriftung.update(y=kreis, yref="y", x=1, xref="paper", xanchor="right", yanchor="bottom")
        layout["shapes"] = [linie]
        layout["annotations"] = [beschriftung]
        layout["margin"]["t"] = 40
    zeilen = [[name, einheit_zahl(wert, einheit)] for name, wert in eintraege]
    zeilen += [[name, _("gesperrt")] for name in sorted(gesperrt)]
    zeilen += [[name, _("keine Daten")] for name in sorted(ohne_wert)]
    if kreis is not None:
        zeilen.append([_("Kreis (Kreis Ø)"), einheit_zahl(kreis, einheit)])
    if kreis_summe is not None:
        zeilen.append([_("Kreis (Summe)"), einheit_zahl(kreis_summe, einheit)])
    hinweise = []
    if gesperrt:
        hinweise.append(gesperrt_hinweis())
    beschreibung = _("Rangfolge von %(anzahl)s Räumen, höchster Wert zuerst.") % {"anzahl": len(eintraege)}
    if kreis is not None:
        beschreibung += " " + _("Die gestrichelte Linie zeigt den Wert des Kreises (Kreis Ø): %(wert)s.") % {
            "wert": einheit_zahl(kreis, einheit)
        }
    if kreis_summe is not None:
        beschreibung += " " + _(
            "Absolute Anzahl: Der Kreis (%(wert)s) ist die Summe der Räume und wird nicht als Linie gezeigt."
        ) % {"wert": einheit_zahl(kreis_summe, einheit)}
    return _figur(titel, beschreibung, daten, layout, Tabelle([_("Raum"), _("Wert")], zeilen), stand, hinweise)


def gesperrt_hinweis() -> str:
    return _(
        "„gesperrt“: Der Wert beruht auf sehr kleinen Fallzahlen oder ließe sich aus anderen Werten "
        "zurückrechnen. Er wird zum Schutz der Betroffenen nicht veröffentlicht."
    )


# --- time series -----------------------------------------------------------------------------------


def zeitreihe_figur(
    titel: str,
    reihen: dict[str, list[tuple[date, object]]],
    kreis: list[tuple[date, object]] | None = None,
    *,
    einheit: str = "absolut",
    stand: str = "",
) -> Figur:
    """Lines of one or more Räume over the Stichtage, the Kreis as a dashed black line when it has values.
    Missing values (None) leave a gap instead of being drawn as zero. The Stichtage are categories
    labelled as the data concept names them ("31.12.2023"): a date axis would put ticks between them
    ("01.04.2022") and make values look a year late."""
    linien = [(name, punkte, False) for name, punkte in reihen.items()]
    hinweise = []
    kreis_in_tabelle = None
    if kreis and any(w is not None for _t, w in kreis):
        if reihen and not mit_kreis_vergleichbar(einheit):
            # The Kreis's count would dwarf the Räume's on one axis: its numbers stay in the table.
            kreis_in_tabelle = kreis
            hinweise.append(
                _(
                    "Absolute Anzahl: Der Kreis ist die Summe aller Räume und steht deshalb nur in der Tabelle, "
                    "nicht als Linie auf derselben Achse."
                )
            )
        else:
            linien.append((_("Kreis"), kreis, True))
    daten = []
    farben = [FARBE_GUENSTIG, FARBE_UNGUENSTIG, "#009E73", "#CC79A7", "#E69F00", "#56B4E9"]
    for nummer, (name, punkte, ist_kreis) in enumerate(linien):
        punkte = sorted(punkte, key=lambda p: p[0])
        daten.append(
            {
                "type": "scatter",
                "mode": "lines+markers",
                "name": name,
                "x": [datum(t) for t, _w in punkte],
                "y": [_float(w) for _t, w in punkte],
                "line": {
                    "color": FARBE_KREIS if ist_kreis else farben[nummer % len(farben)],
                    "dash": "dash" if ist_kreis else "solid",
                },
                "hovertemplate": "%{x}: " + _hover_wert("y", einheit) + "<extra>" + name + "</extra>",
            }
        )
    tabellen_linien = linien + ([(_("Kreis"), kreis_in_tabelle, True)] if kreis_in_tabelle else [])
    stichtage = sorted({t for _n, punkte, _k in tabellen_linien for t, _w in punkte})
    layout = _layout(
        xaxis={
            "type": "category",
            "categoryorder": "array",
            "categoryarray": [datum(t) for t in stichtage],
            "automargin": True,
            "gridcolor": "#e3e6ea",
        },
        yaxis=wertachse(einheit),
        height=360,
    )
    namen = [name for name, _p, _k in tabellen_linien]
    werte = {name: dict(punkte) for name, punkte, _k in tabellen_linien}
    zeilen = [
        [datum(t)] + [einheit_zahl(werte[name].get(t), einheit) or _("keine Daten") for name in namen]
        for t in stichtage
    ]
    beschreibung = _("Entwicklung von %(namen)s über %(anzahl)s Stichtage.") % {
        "namen": ", ".join(namen),
        "anzahl": len(stichtage),
    }
    return _figur(titel, beschreibung, daten, layout, Tabelle([_("Stichtag"), *namen], zeilen), stand, hinweise)


# --- correlation -----------------------------------------------------------------------------------


def pearson(xs: list[float], ys: list[float]) -> float | None:
    """Pearson's r; None for fewer than three pairs or when one variable does not vary."""
    n = len(xs)
    if n < 3 or n != len(ys):
        return None
    mx, my = sum(xs) / n, sum(ys) / n
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    if sxx == 0 or syy == 0:
        return None
    return sxy / math.sqrt(sxx * syy)


def regressionsgerade(xs: list[float], ys: list[float]) -> tuple[float, float] | None:
    """Least-squares line y = a + b·x as (a, b); None when x does not vary or there are < 2 pairs."""
    n = len(xs)
    if n < 2:
        return None
    mx, my = sum(xs) / n, sum(ys) / n
    sxx = sum((x - mx) ** 2 for x in xs)
    if sxx == 0:
        return None
    b = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sxx
    return my - b * mx, b


def staerke(r: float) -> str:
    """Plain-language strength of a correlation (usual social-science rule of thumb)."""
    betrag = abs(r)
    if betrag < 0.1:
        return _("kein erkennbarer Zusammenhang")
    richtung = _("positiver") if r > 0 else _("negativer")
    if betrag < 0.3:
        return _("schwacher %(richtung)s Zusammenhang") % {"richtung": richtung}
    if betrag < 0.5:
        return _("mittlerer %(richtung)s Zusammenhang") % {"richtung": richtung}
    return _("starker %(richtung)s Zusammenhang") % {"richtung": richtung}


def streu_figur(
    titel: str,
    punkte: list[tuple[str, object, object]],
    *,
    x_titel: str,
    y_titel: str,
    x_einheit: str = "absolut",
    y_einheit: str = "absolut",
    stand: str = "",
) -> Figur:
    """Scatter of Räume (name, x, y) with Pearson's r and the least-squares line."""
    punkte = [(name, float(x), float(y)) for name, x, y in punkte if x is not None and y is not None]
    xs, ys = [p[1] for p in punkte], [p[2] for p in punkte]
    r = pearson(xs, ys)
    gerade = regressionsgerade(xs, ys)
    # The points carry their names beside them (no hover needed, also on paper and touch screens) as
    # long as they stay readable; with more Räume the value table below names every point.
    beschriftet = len(punkte) <= HORIZONTAL_BIS
    daten = [
        {
            "type": "scatter",
            "mode": "markers+text" if beschriftet else "markers",
            "name": _("Räume"),
            "x": xs,
            "y": ys,
            "text": [p[0] for p in punkte],
            "textposition": "top center",
            "textfont": {"size": 12},
            "cliponaxis": False,
            "marker": {"color": FARBE_GUENSTIG, "size": 10},
            "hovertemplate": "%{text}<br>"
            + x_titel
            + ": "
            + _hover_wert("x", x_einheit)
            + "<br>"
            + y_titel
            + ": "
            + _hover_wert("y", y_einheit)
            + "<extra></extra>",
        }
    ]
    if gerade is not None:
        a, b = gerade
        x0, x1 = min(xs), max(xs)
        daten.append(
            {
                "type": "scatter",
                "mode": "lines",
                "name": _("Ausgleichsgerade"),
                "x": [x0, x1],
                "y": [a + b * x0, a + b * x1],
                "line": {"color": FARBE_UNGUENSTIG, "dash": "dash"},
                "hoverinfo": "skip",
            }
        )
    layout = _layout(
        xaxis=wertachse(x_einheit, title={"text": _achsentitel(x_titel, x_einheit)}),
        yaxis=wertachse(y_einheit, title={"text": _achsentitel(y_titel, y_einheit)}),
        height=420,
    )
    if r is None:
        beschreibung = _("Für einen Korrelationskoeffizienten sind zu wenige oder zu gleichförmige Werte da.")
    else:
        beschreibung = _("%(anzahl)s Räume; Korrelation nach Pearson r = %(r)s: %(staerke)s.") % {
            "anzahl": len(punkte),
            "r": zahl(r, 2),
            "staerke": staerke(r),
        }
    zeilen = [[name, einheit_zahl(x, x_einheit), einheit_zahl(y, y_einheit)] for name, x, y in punkte]
    figur = _figur(titel, beschreibung, daten, layout, Tabelle([_("Raum"), x_titel, y_titel], zeilen), stand)
    figur.kennwerte = {"r": r, "gerade": gerade, "anzahl": len(punkte)}
    return figur


def _achsentitel(name: str, einheit: str) -> str:
    return f"{name} ({einheit_titel(einheit)})" if einheit_titel(einheit) else name


# --- map classes -----------------------------------------------------------------------------------

QUANTILE, GLEICHE_INTERVALLE, NATUERLICHE_BRUECHE = "quantile", "gleich", "jenks"
JENKS_PUNKTE = 250


def klassengrenzen(werte: list[float], anzahl: int = 5, methode: str = QUANTILE) -> list[float]:
    """Upper class limits (ascending, the last one the maximum) for `werte`, usually the whole series.

    Fewer classes come back when the values do not allow as many distinct limits."""
    werte = sorted(float(w) for w in werte if w is not None)
    if not werte:
        return []
    if methode == GLEICHE_INTERVALLE:
        lo, hi = werte[0], werte[-1]
        anzahl = max(1, anzahl) if hi > lo else 1
        grenzen = [lo + (hi - lo) * i / anzahl for i in range(1, anzahl)] + [hi]
    elif methode == NATUERLICHE_BRUECHE:
        grenzen = _jenks(werte, max(1, min(anzahl, len(set(werte)))))
    else:
        anzahl = max(1, min(anzahl, len(set(werte))))
        grenzen = [_quantil(werte, i / anzahl) for i in range(1, anzahl)] + [werte[-1]]
    return sorted(set(grenzen))


def karten_klassen(serie: list, anzahl: int = 5, methode: str = QUANTILE) -> tuple[list[float], float | None]:
    """What a map needs of a whole series: its class limits and its least value (for the legend)."""
    werte = [float(w) for w in serie if w is not None]
    return klassengrenzen(werte, anzahl, methode), (min(werte) if werte else None)


def _quantil(sortiert: list[float], p: float) -> float:
    """The p-quantile with linear interpolation (as numpy's default and Excel's QUANTIL.INKL)."""
    position = (len(sortiert) - 1) * p
    unten = math.floor(position)
    oben = min(unten + 1, len(sortiert) - 1)
    return sortiert[unten] + (sortiert[oben] - sortiert[unten]) * (position - unten)


def _jenks(sortiert: list[float], anzahl: int) -> list[float]:
    """Jenks natural breaks (Fisher's exact optimisation of within-class variance), O(k·n²).

    Long series are reduced to JENKS_PUNKTE evenly spaced quantile points first, so the time series of
    a thousand Räume stays fast; the breaks then lie on those points."""
    if len(sortiert) > JENKS_PUNKTE:
        sortiert = [_quantil(sortiert, i / (JENKS_PUNKTE - 1)) for i in range(JENKS_PUNKTE)]
    n = len(sortiert)
    # kosten[i][k]: least squared deviation of sortiert[:i] split into k classes; start[i][k]: first
    # index of the last class in that split.
    unendlich = float("inf")
    kosten = [[unendlich] * (anzahl + 1) for _i in range(n + 1)]
    start = [[0] * (anzahl + 1) for _i in range(n + 1)]
    kosten[0][0] = 0.0
    praefix, praefix2 = [0.0], [0.0]
    for w in sortiert:
        praefix.append(praefix[-1] + w)
        praefix2.append(praefix2[-1] + w * w)

    def ssd(a, b):  # squared deviation of sortiert[a:b] from its mean
        summe, m = praefix[b] - praefix[a], b - a
        return praefix2[b] - praefix2[a] - summe * summe / m

    for k in range(1, anzahl + 1):
        for i in range(k, n + 1):
            beste, beste_j = unendlich, k - 1
            for j in range(k - 1, i):
                if kosten[j][k - 1] == unendlich:
                    continue
                wert = kosten[j][k - 1] + ssd(j, i)
                if wert < beste:
                    beste, beste_j = wert, j
            kosten[i][k], start[i][k] = beste, beste_j
    grenzen, i = [], n
    for k in range(anzahl, 0, -1):
        grenzen.append(sortiert[i - 1])
        i = start[i][k]
    return sorted(grenzen)


def klasse(wert, grenzen: list[float]) -> int | None:
    """Index of the class `wert` falls in (upper limits inclusive); None for a missing value."""
    if wert is None or not grenzen:
        return None
    wert = float(wert)
    for index, grenze in enumerate(grenzen):
        if wert <= grenze:
            return index
    return len(grenzen) - 1


def farben(anzahl: int) -> list[str]:
    if anzahl <= 0:
        return []
    if anzahl < 3:
        return SKALA[3][-anzahl:]
    return SKALA[min(anzahl, 7)]


def legende(grenzen: list[float], werte_min: float, einheit: str) -> list[dict]:
    """Legend rows "von … bis …" with their colour, lowest class first."""
    skala = farben(len(grenzen))
    eintraege, unten = [], werte_min
    for index, grenze in enumerate(grenzen):
        von = einheit_zahl(unten, einheit)
        bis = einheit_zahl(grenze, einheit)
        text = bis if von == bis else _("%(von)s bis %(bis)s") % {"von": von, "bis": bis}
        eintraege.append({"farbe": skala[index], "text": text})
        unten = grenze
    return eintraege


def karte_daten(
    flaechen: list[dict],
    werte: dict[str, Decimal | None],
    gesperrt: set[str],
    serie: list,
    *,
    einheit: str = "absolut",
    methode: str = QUANTILE,
    anzahl: int = 5,
    klassen: tuple[list[float], float | None] | None = None,
) -> dict:
    """Data for the choropleth: a GeoJSON FeatureCollection and its legend.

    `flaechen`: [{"schluessel", "name", "geometrie"}]; a Raum whose "geometrie" is empty is left out,
    one without the key is kept without geometry (the page then fetches the areas of the level from
    the atlas's karte/<ebene>/ route and joins them by Schlüssel). `werte`: value per Schlüssel on the
    shown Stichtag; `serie`: every value of the indicator at this level over all Stichtage, so maps of
    different Stichtage share their classes. `klassen`, if given, is `karten_klassen(serie)` computed before,
    and `serie` is not read."""
    grenzen, minimum = klassen if klassen is not None else karten_klassen(serie, anzahl, methode)
    skala = farben(len(grenzen))
    features = []
    for flaeche in flaechen:
        if "geometrie" in flaeche and not flaeche["geometrie"]:
            continue
        schluessel = flaeche["schluessel"]
        wert = werte.get(schluessel)
        if schluessel in gesperrt:
            text, farbe = _("gesperrt"), FARBE_KEINE_DATEN
        elif wert is None:
            text, farbe = _("keine Daten"), FARBE_KEINE_DATEN
        else:
            text, farbe = einheit_zahl(wert, einheit), skala[klasse(wert, grenzen)]
        feature = {"type": "Feature", "properties": {"schluessel": schluessel, "wert": text, "farbe": farbe}}
        if "geometrie" in flaeche:
            feature["geometry"] = flaeche["geometrie"]
            feature["properties"]["name"] = flaeche["name"]
        features.append(feature)
    eintraege = legende(grenzen, minimum, einheit) if minimum is not None else []
    eintraege.append({"farbe": FARBE_KEINE_DATEN, "text": _("keine Daten oder gesperrt")})
    return {"type": "FeatureCollection", "features": features, "legende": eintraege}


def runden(koordinaten, stellen: int = 5):
    """GeoJSON coordinates rounded to `stellen` decimals (5 ≈ 1 m), which halves the bytes of a map."""
    if isinstance(koordinaten, list):
        return [runden(k, stellen) for k in koordinaten]
    return round(koordinaten, stellen)
