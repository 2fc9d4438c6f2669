"""Site-wide search (/suche/) and its autocomplete suggestions (/suche/vorschlaege/)."""

from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control

from angebote import gewaltschutz
from angebote.suche.text import MAX_QUERY_LENGTH

from . import vorschlaege as vorschlaege_service
from .suche import suchen


def _seite(request) -> int:
    try:
        return int(request.GET.get("seite", 1))
    except ValueError:
        return 1


def search(request):
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    ergebnis = suchen(request, query, art=request.GET.get("art", ""), seite=_seite(request))
    context = {"search_query": query, "ergebnis": ergebnis}
    # Quick exit and emergency numbers when a listed Angebot is about violence (angebote/gewaltschutz.py),
    # from the Themen the listed register hits carry: the register search runs once per request.
    themen = {slug for g in ergebnis.gruppen if g.art == "angebote" for e in g.eintraege for slug in e.themen}
    context.update(gewaltschutz.kontext(request, themen))
    return TemplateResponse(request, "search/search.html", context)


def vorschlaege(request):
    query = request.GET.get("q", "")[:MAX_QUERY_LENGTH]
    response = JsonResponse({"vorschlaege": vorschlaege_service.vorschlaege(query)})
    patch_cache_control(response, public=True, max_age=300)
    return response
