"""The register search (Hilfe finden): one home for its contract, text preparation, engines and index.

| module | holds |
| --- | --- |
| `vertrag` | the request and result every engine speaks (`SuchAnfrage`, `SuchErgebnis`, `Treffer`) |
| `text`, `stoppwoerter` | folding, filler words, word forms (prefixes, compounds, inflections, typos) |
| `index` | the index entries, written one Angebot at a time |
| `datenbank`, `sqlite`, `postgresql` | the engines on the database's own full text |
| `elasticsearch` | the engine on an Elasticsearch/OpenSearch cluster |
| `orte`, `vokabeln` | the place of a search, the facets' values |

`ANGEBOTE_SEARCH_ENGINE` names the engine's class (settings pick it from the environment).
"""

from functools import lru_cache

from django.conf import settings
from django.utils.module_loading import import_string


@lru_cache(maxsize=4)
def _engine(path: str):
    return import_string(path)()


def get_engine():
    return _engine(settings.ANGEBOTE_SEARCH_ENGINE)


def suche(anfrage):
    """Search the register: a `SuchAnfrage` in, a `SuchErgebnis` out."""
    return get_engine().search(anfrage)
