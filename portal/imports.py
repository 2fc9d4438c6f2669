"""The import framework every importer shares: read (pandas), validate into problems, write atomically.

An importer subclasses `Importer`, declares its columns and implements `parse_row` (one row into one
plain item, reporting problems on the `Row`), optionally `check` (problems across rows) and `write`
(the items into the database). `Importer.run` reads the file, collects every problem with its line
(the header is line 1, as a spreadsheet shows it) and column, and writes nothing unless there is none.
"""

import csv
import io
import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pandas as pd

from django.db import transaction
from django.utils.translation import gettext as _

XLSX_MAGIC = b"PK\x03\x04"
DELIMITERS = (";", ",", "\t")
JA = {"ja", "j", "yes", "true", "1", "x", "wahr"}
NEIN = {"nein", "n", "no", "false", "0", "", "falsch"}


@dataclass(frozen=True)
class Problem:
    line: int | None
    column: str | None
    message: str
    value: str | None = None

    def __str__(self):
        where = []
        if self.line is not None:
            where.append(_("Zeile %(line)s") % {"line": self.line})
        if self.column:
            where.append(_("Spalte »%(column)s«") % {"column": self.column})
        text = self.message
        if self.value not in (None, ""):
            text = f"»{self.value}«: {text}"
        return f"{', '.join(where)}: {text}" if where else text


class ImportFehler(Exception):
    """Raised when a file cannot be imported; carries every problem found."""

    def __init__(self, problems):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rows: int = 0
    dry_run: bool = False
    problems: list[Problem] = field(default_factory=list)
    changes: list[str] = field(default_factory=list)

    @property
    def ok(self):
        return not self.problems

    def as_dict(self):
        """What an import run stores and the admin report shows."""
        return {
            "ok": self.ok,
            "summary": self.summary(),
            "problems": [str(p) for p in self.problems],
            "changes": self.changes,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "rows": self.rows,
        }

    def summary(self):
        if self.problems:
            return _("%(n)s Problem(e) gefunden, nichts wurde gespeichert.") % {"n": len(self.problems)}
        text = _("%(rows)s Zeilen: %(created)s neu, %(updated)s geändert, %(unchanged)s unverändert.") % {
            "rows": self.rows,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
        }
        if self.dry_run:
            text += " " + _("Probelauf: nichts wurde gespeichert.")
        return text


# Letters Windows-1252 holds at bytes where Mac Roman has German umlauts and accents (ä = 0x8A is "Š" in
# Windows-1252, ö = 0x9A "š", ü = 0x9F "Ÿ", é = 0x8E "Ž"): inside a word they mean the file is not Windows-1252.
FREMDE_ZEICHEN = set("ŠšŸŽžŒœˆ˜‹›‰†‡")


def je_wert(spalte: pd.Series, funktion) -> pd.Series:
    """`funktion` (a Series to a Series of the same length) computed on the distinct values of `spalte`
    only and spread back to every row: a file's million cells hold a few thousand distinct values."""
    codes, werte = pd.factorize(spalte, use_na_sentinel=False)
    ergebnis = funktion(pd.Series(werte, dtype=spalte.dtype))
    return ergebnis.take(codes).set_axis(spalte.index)


STEUERZEICHEN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _zeile_von(text: str, position: int) -> int:
    return text.count("\n", 0, position) + 1


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM), else Windows-1252 as German Excel writes it; any other encoding is
    refused with a message naming the line, rather than imported as garbled names."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or (len(data) > 1 and data.count(b"\x00") > len(data) // 4):
        raise ImportFehler([Problem(None, None, _UNBEKANNTE_KODIERUNG + " " + _("Sie ist in UTF-16 gespeichert."))])
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise ImportFehler([Problem(line, None, _UNBEKANNTE_KODIERUNG)]) from exc
    for position, zeichen in enumerate(text):
        if zeichen in FREMDE_ZEICHEN and _in_wort(text, position):
            raise ImportFehler([Problem(_zeile_von(text, position), None, _UNBEKANNTE_KODIERUNG, zeichen)])
    return text


def _in_wort(text, position):
    vorher = text[position - 1] if position else " "
    nachher = text[position + 1] if position + 1 < len(text) else " "
    return vorher.isalpha() or nachher.isalpha()


_UNBEKANNTE_KODIERUNG = _(
    "Die Datei ist weder in UTF-8 noch in Windows-1252 gespeichert (z. B. Mac Roman); Umlaute würden "
    "falsch gelesen. Bitte speichern Sie sie als »CSV UTF-8« und laden Sie sie erneut hoch."
)


def detect_delimiter(text: str) -> str:
    header = text.split("\n", 1)[0]
    counts = {d: header.count(d) for d in DELIMITERS}
    best = max(counts, key=counts.get)
    return best if counts[best] else ";"


def read_bytes(source) -> bytes:
    if isinstance(source, bytes):
        return source
    if isinstance(source, str | Path):
        return Path(source).read_bytes()
    data = source.read()
    return data.encode("utf-8") if isinstance(data, str) else data


def read_table(source) -> pd.DataFrame:
    """Read CSV or XLSX into a frame of stripped strings; the index is the editor's line number.
    Raises ImportFehler with every problem of the file that stops it from being read as a table,
    including cells that cannot be stored (control characters, formulas without a stored result)."""
    frame, problems = read_table_with_problems(source)
    if problems:
        raise ImportFehler(problems)
    return frame


def read_table_with_problems(source) -> tuple[pd.DataFrame, list[Problem]]:
    """As `read_table`, but problems of single cells come back beside the frame, so an importer can name
    them together with the problems of its own checks in one report."""
    data = read_bytes(source)
    if not data.strip():
        raise ImportFehler([Problem(None, None, _("Die Datei ist leer."))])
    problems = []
    try:
        if data.startswith(XLSX_MAGIC):
            frame = _read_xlsx(data, problems)
        else:
            text = decode(data)
            frame = pd.read_csv(
                io.StringIO(text),
                sep=detect_delimiter(text),
                dtype=str,
                keep_default_na=False,
                skip_blank_lines=False,
                quoting=csv.QUOTE_MINIMAL,
            )
    except pd.errors.ParserError as exc:
        match = re.search(r"Expected (\d+) fields in line (\d+), saw (\d+)", str(exc))
        anfuehrung = re.search(r"EOF inside string starting at row (\d+)", str(exc))
        if anfuehrung:
            # pandas counts rows from zero with the header as row 0; editors count lines from one.
            message = _(
                "Anführungszeichen wird bis zum Dateiende nicht geschlossen – prüfen Sie die Anführungszeichen "
                "in dieser Zeile."
            )
            raise ImportFehler([Problem(int(anfuehrung.group(1)) + 1, None, message)]) from exc
        if match:
            expected, line, saw = match.groups()
            message = _("%(saw)s Felder statt %(expected)s – prüfen Sie Trennzeichen und Anführungszeichen.") % {
                "saw": saw,
                "expected": expected,
            }
            raise ImportFehler([Problem(int(line), None, message)]) from exc
        raise ImportFehler([Problem(None, None, _("Die Datei kann nicht als Tabelle gelesen werden."))]) from exc
    except (ValueError, OSError) as exc:
        raise ImportFehler([Problem(None, None, _("Die Datei kann nicht als Tabelle gelesen werden."))]) from exc
    frame.columns = [str(c).strip().lower() for c in frame.columns]
    for position in range(frame.shape[1]):
        frame.isetitem(position, je_wert(frame.iloc[:, position], _zellen_als_text))
    if not data.startswith(XLSX_MAGIC):
        frame.index = range(2, len(frame) + 2)
    problems += _steuerzeichen(frame)
    return frame[(frame != "").any(axis=1)], sorted(problems, key=lambda p: (p.line or 0, p.column or ""))


def _zellen_als_text(werte: pd.Series) -> pd.Series:
    return werte.map(lambda v: str(v).strip() if v is not None else "")


def _steuerzeichen(frame: pd.DataFrame) -> list[Problem]:
    """Cells holding a NUL byte or another control character: PostgreSQL refuses NUL, and no name or
    number has them; they come from broken exports. The cell is named, the character made visible, and
    removed from the frame, so the importer's own checks look at the rest of the cell."""
    problems = []
    for column in frame.columns:
        treffer = je_wert(frame[column], lambda werte: werte.str.contains(STEUERZEICHEN, regex=True))
        if not treffer.any():
            continue
        for line, wert in frame[column][treffer].items():
            zeichen = STEUERZEICHEN.search(wert).group()
            name = unicodedata.name(zeichen, "") or f"U+{ord(zeichen):04X}"
            problems.append(
                Problem(
                    int(line),
                    column,
                    _("enthält ein unzulässiges Steuerzeichen (%(name)s).") % {"name": f"U+{ord(zeichen):04X} {name}"},
                    STEUERZEICHEN.sub("�", wert)[:40],
                )
            )
        frame[column] = frame[column].str.replace(STEUERZEICHEN, "", regex=True)
    return problems


def _read_xlsx(data: bytes, problems: list) -> pd.DataFrame:
    """The first sheet as strings, indexed by the sheet's row numbers. A formula cell without a stored
    result (written by a program that does not calculate) would read as empty: it is named instead."""
    from openpyxl import load_workbook

    try:
        mappe = load_workbook(io.BytesIO(data), data_only=True, read_only=True)
        formeln = load_workbook(io.BytesIO(data), data_only=False, read_only=True)
        zeilen = [list(r) for r in mappe.worksheets[0].iter_rows(values_only=True)]
        formel_zeilen = list(formeln.worksheets[0].iter_rows(values_only=True))
    except Exception as exc:  # zipfile, the XML parser and openpyxl raise many kinds for one cause
        raise ImportFehler(
            [
                Problem(
                    None,
                    None,
                    _(
                        "Die Datei ist keine lesbare XLSX-Datei (beschädigt, unvollständig übertragen oder ein "
                        "anderes ZIP-Archiv). Bitte speichern Sie sie erneut als Excel-Arbeitsmappe (.xlsx) oder CSV."
                    ),
                )
            ]
        ) from exc
    if not zeilen:
        raise ImportFehler([Problem(None, None, _("Die Datei ist leer."))])
    kopf = ["" if v is None else _zelle(v) for v in zeilen[0]]
    breite = len(kopf)
    for nummer, (werte, roh) in enumerate(zip(zeilen[1:], formel_zeilen[1:], strict=False), start=2):
        for spalte, (wert, formel) in enumerate(zip(werte, roh, strict=False)):
            if wert is None and isinstance(formel, str) and formel.startswith("="):
                problems.append(
                    Problem(
                        nummer,
                        (kopf[spalte] if spalte < breite else "").strip().lower() or None,
                        _(
                            "Formel ohne gespeichertes Ergebnis. Bitte öffnen und speichern Sie die Datei in "
                            "Excel oder LibreOffice (dann steht das Ergebnis darin) oder fügen Sie Werte statt "
                            "Formeln ein."
                        ),
                        formel[:40],
                    )
                )
    daten = [[("" if v is None else _zelle(v)) for v in (werte + [None] * breite)[:breite]] for werte in zeilen[1:]]
    return pd.DataFrame(daten, columns=kopf, index=range(2, len(daten) + 2), dtype=object)


def _zelle(wert) -> str:
    """A cell as the text a person sees: 12000 not 12000.0; dates as ISO dates."""
    if isinstance(wert, float) and wert.is_integer():
        return str(int(wert))
    if hasattr(wert, "date") and hasattr(wert, "hour"):
        return wert.date().isoformat() if not (wert.hour or wert.minute or wert.second) else wert.isoformat()
    return str(wert)


def parse_decimal(text: str) -> Decimal:
    """German or international notation: 7,21 / 7.21 / 1.234,5 / 1,234.5 / 1.234.567. Raises ValueError."""
    value = text.replace("\u202f", "").replace("\xa0", "").replace(" ", "")
    if "," in value and "." in value:
        if value.rfind(",") > value.rfind("."):
            value = value.replace(".", "").replace(",", ".")
        else:
            value = value.replace(",", "")
    elif "," in value:
        if value.count(",") > 1:
            raise ValueError(text)
        value = value.replace(",", ".")
    elif value.count(".") > 1:
        value = value.replace(".", "")
    try:
        result = Decimal(value)
    except InvalidOperation as exc:
        raise ValueError(text) from exc
    if not result.is_finite():
        raise ValueError(text)
    return result


def format_decimal(value) -> str:
    """The export form: decimal comma, no thousands separator, no trailing zeros."""
    if value is None:
        return ""
    text = format(Decimal(str(value)).normalize(), "f")
    return text.replace(".", ",")


class Row:
    """One data row: typed access to its cells that reports problems instead of raising."""

    def __init__(self, line: int, values: dict, problems: list):
        self.line = line
        self.values = values
        self.problems = problems

    def error(self, column, message, value=None):
        self.problems.append(Problem(self.line, column, message, value))

    def text(self, column, *, required=False, max_length=None) -> str:
        value = self.values.get(column, "")
        if required and not value:
            self.error(column, _("Pflichtfeld ist leer."))
        elif max_length and len(value) > max_length:
            self.error(column, _("Zu lang (höchstens %(n)s Zeichen).") % {"n": max_length}, value[:40] + "…")
        return value

    def decimal(self, column, *, required=False) -> Decimal | None:
        value = self.text(column, required=required)
        if not value:
            return None
        try:
            return parse_decimal(value)
        except ValueError:
            self.error(column, _("keine Zahl (erwartet z. B. 7,21)."), value)
            return None

    def number(self, column, *, required=False, minimum=None, maximum=None) -> float | None:
        value = self.decimal(column, required=required)
        if value is None:
            return None
        if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
            self.error(
                column,
                _("liegt nicht zwischen %(min)s und %(max)s.") % {"min": minimum, "max": maximum},
                self.values.get(column),
            )
            return None
        return float(value)

    def choice(self, column, choices: dict, *, required=False, default=None):
        """`choices` maps lower-case spellings to values; the message lists what is allowed."""
        value = self.text(column, required=required)
        if not value:
            return default
        try:
            return choices[value.lower()]
        except KeyError:
            allowed = ", ".join(sorted({str(k) for k in choices}))
            self.error(column, _("unbekannter Wert (erlaubt: %(allowed)s).") % {"allowed": allowed}, value)
            return default

    def ja_nein(self, column) -> bool:
        value = self.text(column).lower()
        if value in JA:
            return True
        if value not in NEIN:
            self.error(column, _("erwartet »ja« oder »nein«."), value)
        return False

    def pipe_list(self, column) -> list[str]:
        return [part.strip() for part in self.text(column).split("|") if part.strip()]


PROGRESS_EVERY = 500


def _no_progress(phase, done, total):
    pass


class Importer:
    """Base of every importer. Subclasses set `columns` and implement `parse_row` and `write`."""

    #: column name -> required?
    columns: dict[str, bool] = {}
    label = ""

    def __init__(self):
        self.problems: list[Problem] = []

    def parse_row(self, row: Row):
        raise NotImplementedError

    def check(self, items: list):
        """Problems that span rows (duplicates, references between rows); add to self.problems."""

    def write(self, items: list, result: ImportResult):
        raise NotImplementedError

    def check_header(self, frame: pd.DataFrame):
        missing = [c for c, required in self.columns.items() if required and c not in frame.columns]
        for column in missing:
            self.problems.append(Problem(1, column, _("Spalte fehlt in der Kopfzeile.")))
        unknown = [c for c in frame.columns if c not in self.columns]
        for column in unknown:
            known = ", ".join(self.columns)
            self.problems.append(
                Problem(1, column, _("unbekannte Spalte (bekannt sind: %(known)s).") % {"known": known})
            )

    def read_checked(self, source, result: ImportResult, progress=_no_progress):
        """The file as a frame with a valid header, or None with the problems in `result`."""
        self.problems = []
        progress(_("Datei lesen"), 0, 0)
        try:
            frame, zellen = read_table_with_problems(source)
        except ImportFehler as exc:
            result.problems = exc.problems
            return None
        self.check_header(frame)
        if self.problems:
            result.problems = self.problems
            return None
        # Cells that cannot be stored are reported together with whatever the importer's checks find.
        self.problems.extend(zellen)
        return frame

    def run(self, source, *, dry_run=False, progress=None) -> ImportResult:
        """`progress(phase, done, total)`, if given, hears how far the run is (for bars and admin status)."""
        progress = progress or _no_progress
        result = ImportResult(dry_run=dry_run)
        frame = self.read_checked(source, result, progress)
        if frame is None:
            return result
        items = []
        total = len(frame)
        for done, (line, values) in enumerate(zip(frame.index, frame.to_dict("records"), strict=True)):
            if done % PROGRESS_EVERY == 0:
                progress(_("Zeilen prüfen"), done, total)
            item = self.parse_row(Row(line, values, self.problems))
            if item is not None:
                items.append(item)
        result.rows = total
        self.check(items)
        if self.problems:
            result.problems = self.problems
            return result
        progress(_("Speichern"), total, total)
        return self.write_atomically(items, result)

    def write_atomically(self, items, result: ImportResult) -> ImportResult:
        """`write` in one transaction; rolled back for a dry run or when it raises ImportFehler."""
        try:
            with transaction.atomic():
                self.write(items, result)
                if result.dry_run:
                    transaction.set_rollback(True)
        except ImportFehler as exc:
            result.problems = exc.problems
            result.created = result.updated = result.unchanged = 0
        return result


# What makes a spreadsheet read a cell as a formula (OWASP "CSV injection"), full-width forms included,
# which some spreadsheets fold to their ASCII twins.
FORMEL_ANFANG = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def formel_entschaerfen(value):
    """A text cell as a spreadsheet shows it but never evaluates: one leading apostrophe when it (after any
    leading spaces, which spreadsheets skip) starts like a formula. Numbers and other values stay as they are."""
    if isinstance(value, str) and value.lstrip(" ").startswith(FORMEL_ANFANG):
        return "'" + value
    return value


def write_table(path, columns: list[str], rows: list[dict], *, untrusted: bool = False):
    """Write an export the importers read back: XLSX by extension, else CSV as German Excel opens it.

    `untrusted`: the rows hold text from the public or other users that a spreadsheet must not run, so each
    text cell goes through `formel_entschaerfen` (such a file is for reading, not for a lossless re-import).
    """
    path = Path(path)
    if untrusted:
        rows = [{key: formel_entschaerfen(value) for key, value in row.items()} for row in rows]
    frame = pd.DataFrame(rows, columns=columns)
    if path.suffix.lower() == ".xlsx":
        frame.to_excel(path, index=False)
    else:
        frame.to_csv(path, sep=";", index=False, encoding="utf-8-sig")
