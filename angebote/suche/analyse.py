"""German analysis for Elasticsearch/OpenSearch: index settings for Wagtail's backend and the Angebote index.

Pure data (no Django imports), so settings can build Wagtail's INDEX_SETTINGS from it. The decompounder's
word list is shipped in angebote/suche/zerlegung.txt and covers the Themen vocabulary, so that
»Schuldnerberatung« is also indexed as »schuldner« and »beratung«.
"""

from pathlib import Path

WORTLISTE = Path(__file__).resolve().parent / "zerlegung.txt"


def zerlegungswoerter() -> list[str]:
    zeilen = WORTLISTE.read_text(encoding="utf-8").splitlines()
    return sorted({z.strip().lower() for z in zeilen if z.strip() and not z.startswith("#")})


def analyse(synonyme: list[str] | None = None) -> dict:
    """Analyzers `deutsch` (index) and `deutsch_suche` (search; with the Suchbegriffe as synonym_graph)."""
    filter_ = {
        "deutsch_stoppwoerter": {"type": "stop", "stopwords": "_german_"},
        "deutsch_zerlegung": {
            "type": "dictionary_decompounder",
            "word_list": zerlegungswoerter(),
            "min_subword_size": 4,
            "only_longest_match": False,
        },
        "deutsch_stamm": {"type": "stemmer", "language": "light_german"},
    }
    suche = ["lowercase"]
    if synonyme:
        # Right after lowercase: the rules are parsed by the filters before them, and a multi-word lay
        # word (»gewalt zu hause«) must keep its stop words to match as typed.
        filter_["suchbegriffe"] = {"type": "synonym_graph", "synonyms": synonyme, "lenient": True}
        suche.append("suchbegriffe")
    kette = ["deutsch_stoppwoerter", "deutsch_zerlegung", "german_normalization", "deutsch_stamm"]
    return {
        "filter": filter_,
        "analyzer": {
            "deutsch": {
                "type": "custom",
                "tokenizer": "standard",
                "filter": ["lowercase", *kette],
            },
            "deutsch_suche": {"type": "custom", "tokenizer": "standard", "filter": [*suche, *kette]},
        },
        "normalizer": {
            "sortierung": {"type": "custom", "filter": ["lowercase", "german_normalization", "asciifolding"]}
        },
    }


def index_settings() -> dict:
    """INDEX_SETTINGS for Wagtail's Elasticsearch/OpenSearch backend: German as the default analysis."""
    analysis = analyse()
    analysis["analyzer"]["default"] = analysis["analyzer"].pop("deutsch")
    analysis["analyzer"]["default_search"] = analysis["analyzer"].pop("deutsch_suche")
    return {"settings": {"analysis": analysis}}
