"""Normalised search text: the same folding on the stored text and on a query, on every database.

Umlauts and ß fold so that »Mütter«, »Muetter« and »Mutter« meet; words are lower-case ASCII tokens.
The stored text holds only what is public: the street of a confidential Standort never enters it.
"""

import re
import unicodedata

from django.utils.html import strip_tags

FOLD = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss", "Ä": "a", "Ö": "o", "Ü": "u", "ẞ": "ss"})
DIGRAPHS = re.compile(r"(?<=[a-z])(ae|oe|ue)")
NON_WORD = re.compile(r"[^a-z0-9]+")

# Words that carry no meaning for the search (articles, prepositions, question words).
STOPWORDS = frozenset(
    """
    a aber als am an auch auf aus bei beim bin bis bitte da das dass dem den der des die doch du ein eine
    einem dich dir hier jetzt man einen einer eines er es fur gibt habe haben hat ich ihr im in ist ja kann
    mein meine meinem meinen meiner mich mir mit nach nicht noch oder ohne sie sind so uber um und uns unser
    vom von vor wann was weil wenn wer wie wo zu zum zur
    """.split()  # noqa: SIM905
)
# Words that describe most Angebote; they rank but do not have to match.
GENERIC = frozenset(
    """
    hilfe helfen hilft beratung beratungsstelle berater beraterin brauche benotige suche suchen finden
    unterstutzung angebot angebote stelle problem probleme frage fragen information informationen beantragen
    bekommen kriegen brauchen machen tun welche wohin jemand
    """.split()  # noqa: SIM905
)
SUFFIXES = ("ern", "en", "er", "es", "e", "n", "s")


def normalize(text: str) -> str:
    """Lower-case ASCII words separated by single spaces."""
    text = text.translate(FOLD).lower()
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = DIGRAPHS.sub(lambda m: m.group(1)[0], text)
    return " ".join(NON_WORD.sub(" ", text).split())


def stem(token: str) -> str:
    """A light stem for matching inside compounds: »Schulden« -> »schuld«, »Frauenhauser« -> »frauenhaus«."""
    for suffix in SUFFIXES:
        if len(token) - len(suffix) >= 4 and token.endswith(suffix):
            return token[: -len(suffix)]
    return token


def query_tokens(query: str) -> tuple[list[str], list[str]]:
    """(required, optional) tokens of a query: stop words dropped, generic words optional."""
    required, optional = [], []
    for token in normalize(query).split():
        if token in STOPWORDS or len(token) < 2:
            continue
        (optional if token in GENERIC else required).append(token)
    return list(dict.fromkeys(required)), list(dict.fromkeys(optional))


def _themen(angebot):
    return list(angebot.themen.all())


def build_suchtexte(angebot, traeger_name: str = "") -> tuple[str, str]:
    """(suchtitel, suchtext) of an Angebot: the title text weighs more in the ranking."""
    themen = _themen(angebot)
    titel = [angebot.title]
    for thema in themen:
        titel.append(thema.name)
        titel.extend(thema.begriffe)
    titel.extend(angebot.begriffe)
    orte = set()
    for standort in angebot.standorte.all():
        orte.add(standort.ort_anzeige)
        if standort.raum_id:
            orte.add(standort.raum.name)
        if not standort.adresse_vertraulich:
            orte.update([standort.strasse, standort.plz, standort.bezeichnung])
    if angebot.raum_id:
        orte.add(angebot.raum.name)
    text = [
        *titel,
        angebot.kurzbeschreibung,
        strip_tags(angebot.beschreibung or ""),
        angebot.voraussetzungen,
        angebot.zugang,
        traeger_name,
        *[z.name for z in angebot.zielgruppen.all()],
        *[s.name for s in angebot.sprachen.all()],
        *sorted(o for o in orte if o),
    ]
    suchtitel = normalize(" ".join(titel))
    suchtext = normalize(" ".join(t for t in text if t))
    return f" {suchtitel} ", f" {suchtext} "


def aktualisiere_suchtext(angebot):
    """Called from AngebotPage.save(); the parent Träger may not exist yet for a page being created."""
    traeger_name = ""
    if angebot.path and angebot.depth and angebot.depth > 1:
        parent = angebot.get_parent()
        traeger_name = parent.title if parent else ""
    angebot.suchtitel, angebot.suchtext = build_suchtexte(angebot, traeger_name)
