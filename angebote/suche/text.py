"""Text preparation for the register search: one folding for the indexed text and for what people type.

Words of every script stay words: German umlauts and ß fold (»Mütter«, »Muetter« and »Mutter« meet),
Latin, Cyrillic and Arabic diacritics drop, Arabic letter variants meet (أ إ آ -> ا, ة -> ه, ى -> ي).
Filler words of the six citizen languages are dropped from a query, and words that describe almost every
Angebot (»Hilfe«, »Beratung«) only rank. The engines then match each remaining word as a prefix of the
indexed words, which finds »Schulden« in »Schuldnerberatung«; `wortformen` adds the forms a word has in
the index when it is typed inflected, as a compound, or with a typo.
"""

import re
import unicodedata
from dataclasses import dataclass

from django.utils.html import strip_tags

from . import stoppwoerter

MAX_QUERY_LENGTH = 200
MAX_WOERTER = 8  # a pasted paragraph must not become a hundred-clause query

FOLD = str.maketrans(
    {
        "ä": "a",
        "ö": "o",
        "ü": "u",
        "ß": "ss",
        "ẞ": "ss",
        "ı": "i",  # Turkish dotless i: »kırmızı« typed without it is »kirmizi«
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ة": "ه",
        "ى": "ي",
        "ؤ": "و",
        "ئ": "ي",
        "ـ": None,  # tatweel, a stretching stroke
        "_": " ",
        # An apostrophe inside a word keeps it one word (Ukrainian »б'є«, »geht's«).
        "'": None,
        "’": None,
        "ʼ": None,
    }
)
DIGRAPHS = re.compile(r"(?<=[a-z])(ae|oe|ue)")
WORD = re.compile(r"\w+")
# Quotes, operators and brackets are search syntax in SQLite FTS5, PostgreSQL and Elasticsearch; an
# unbalanced one is an error there. People mean words, so keep letters, digits and inner hyphens.
NOT_A_WORD = re.compile(r"[^\w\s-]|(?<!\w)-|-(?!\w)|_")
SUFFIXES = ("ern", "en", "er", "es", "e", "n", "s")
MIN_TEIL = 4  # shortest word part that counts inside a compound or as an inflected word's base
MAX_ENDUNG = 5  # letters an inflection may add to a word (Turkish »-larım«, Russian, Ukrainian, German)


def clean_query(text: str) -> str:
    """What a person typed, as words every search backend accepts (Wagtail's too)."""
    words = NOT_A_WORD.sub(" ", text[:MAX_QUERY_LENGTH]).split()
    return " ".join(words)


def normalize(text: str) -> str:
    """Lower-case words of any script separated by single spaces, without diacritics."""
    text = (text or "").lower().translate(FOLD)
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = DIGRAPHS.sub(lambda m: m.group(1)[0], text)
    return " ".join(WORD.findall(text))


def stem(token: str) -> str:
    """A light German stem: »Schulden« -> »schuld«, »Frauenhauser« -> »frauenhaus«."""
    for suffix in SUFFIXES:
        if len(token) - len(suffix) >= 4 and token.endswith(suffix):
            return token[: -len(suffix)]
    return token


def woerter(text: str) -> list[str]:
    return normalize(text).split()


GENERISCH = frozenset(woerter(stoppwoerter.GENERISCH))
# A word that describes most Angebote ranks a hit, so it is generic even where a language's list drops it.
STOPPWOERTER = (
    frozenset(woerter(" ".join([stoppwoerter.STOPPWOERTER, *stoppwoerter.STOPPWOERTER_NACH_SPRACHE.values()])))
    - GENERISCH
)


@dataclass(frozen=True)
class Suchwort:
    """One word of a query: what was typed and the index words it matches as prefixes."""

    text: str
    formen: tuple[str, ...]
    pflicht: bool  # a meaningful word: hits are ranked by how many of these they hold
    korrigiert: bool = False  # the forms are typo corrections of `text`


def query_tokens(query: str) -> tuple[list[str], list[str]]:
    """(meaningful, generic) words of a query; filler words dropped. A query of filler and generic
    words only (»ich brauche Hilfe«) keeps its generic words, so it is never empty."""
    pflicht, generisch = [], []
    for token in woerter(query):
        if token in STOPPWOERTER or (len(token) < 2 and not token.isdigit()):
            continue
        (generisch if token in GENERISCH else pflicht).append(token)
    return list(dict.fromkeys(pflicht))[:MAX_WOERTER], list(dict.fromkeys(generisch))[:MAX_WOERTER]


def hoechstens_ein_fehler(a: str, b: str) -> bool:
    """Damerau-Levenshtein distance <= 1 (one insertion, deletion, substitution or swap)."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def nachschlagen(token: str) -> tuple[list[str], list[str]]:
    """(prefixes, whole words) to look up in the index vocabulary for `token`: the token as a prefix; its
    stem and shortened bases (an inflected word) and its tails (the head of a compound) as whole words."""
    ganze = {stem(token)}
    ganze.update(token[:n] for n in range(MIN_TEIL, len(token)))
    ganze.update(token[i:] for i in range(1, len(token) - MIN_TEIL + 1))
    return [token], sorted(ganze - {token})


@dataclass
class Vokabular:
    """What the index vocabulary says about the words of one query (one lookup, see the engines)."""

    praefixe: set[str]  # the asked prefixes that begin at least one index word
    woerter: set[str]  # the asked whole words that are index words
    aehnlich: dict[str, list[str]]  # typed word -> index words one typo away

    def beginnt(self, praefix: str) -> bool:
        return praefix in self.praefixe

    def ist_wort(self, wort: str) -> bool:
        return wort in self.woerter


def wortformen(token: str, vokabular: Vokabular) -> tuple[tuple[str, ...], bool]:
    """The index words' prefixes that stand for `token`, and whether they are typo corrections.

    In this order, and the first that finds something wins, so a known word is never »corrected«
    (»Sucht« must not also find »Suche«): the word begins index words; it is a compound whose head is a
    meaningful index word (»Mietschulden«; »Drogenberatung« is not about »beratung«) or whose parts are
    index words; its stem or a base up to five letters shorter is an index word (»Pflegegrades«, »borçlarım«, »долгов«); it is one typo
    away from index words.
    """
    kopf = next(
        (
            token[i:]
            for i in range(1, len(token) - MIN_TEIL + 1)
            if vokabular.ist_wort(token[i:]) and token[i:] not in GENERISCH
        ),
        None,
    )
    if vokabular.beginnt(token):
        # A compound also finds its head's Angebote: »Mietschulden« is about »schulden«.
        return (token, kopf) if kopf else (token,), False
    kuerzer = range(len(token) - 1, max(MIN_TEIL, len(token) - MAX_ENDUNG) - 1, -1)
    basis = next(
        (b for b in (stem(token), *(token[:n] for n in kuerzer)) if b != token and vokabular.ist_wort(b)), None
    )
    # The first part of a compound whose rest is a word too (»Drogen|beratung«, »Sucht|hilfe«).
    teil = next(
        (
            token[:i]
            for i in range(len(token) - MIN_TEIL, MIN_TEIL - 1, -1)
            if vokabular.ist_wort(token[:i])
            and any(vokabular.ist_wort(rest) for rest in (token[i:], token[i + 1 :] if token[i] == "s" else ""))
        ),
        None,
    )
    if kopf or basis or teil:
        return tuple(dict.fromkeys(f for f in (basis, kopf, teil) if f)), False
    korrekturen = vokabular.aehnlich.get(token, [])
    if korrekturen:
        return tuple(korrekturen[:5]), True
    return (), False


def suchwoerter(query: str, vokabular_lesen) -> list[Suchwort]:
    """The words of a query with their index forms. `vokabular_lesen(prefixes, whole_words, typo_words)`
    answers what the index knows of them as a `Vokabular` (one lookup)."""
    pflicht, generisch = query_tokens(query)
    if not pflicht and not generisch:
        return []
    praefixe, ganze = set(), set()
    for token in [*pflicht, *generisch]:
        p, g = nachschlagen(token)
        praefixe.update(p)
        ganze.update(g)
    vokabular = vokabular_lesen(sorted(praefixe), sorted(ganze), [t for t in pflicht if len(t) >= 5])
    result = []
    for token in pflicht:
        formen, korrigiert = wortformen(token, vokabular)
        result.append(Suchwort(token, formen, True, korrigiert))
    for token in generisch:
        formen, _ = wortformen(token, vokabular)
        if formen:
            result.append(Suchwort(token, formen, False))
    return result


def aehnliche(token: str, kandidaten) -> list[str]:
    """The candidates within one typo of `token`, the likeliest first (same length, then shorter)."""
    treffer = {w for w in kandidaten if len(w) >= MIN_TEIL and hoechstens_ein_fehler(token, w)}
    return sorted(treffer, key=lambda w: (abs(len(w) - len(token)), w))


def index_text(*teile) -> str:
    """Normalised words of the given texts (HTML stripped), each word once, in their first order."""
    words = []
    for teil in teile:
        if teil:
            words.extend(woerter(strip_tags(str(teil))))
    return " ".join(dict.fromkeys(words))
