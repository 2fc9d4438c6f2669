"""Site-wide search (/suche/) and its autocomplete suggestions (/suche/vorschlaege/)."""

from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control

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
    return TemplateResponse(request, "search/search.html", {"search_query": query, "ergebnis": ergebnis})


def vorschlaege(request):
    query = request.GET.get("q", "")[:MAX_QUERY_LENGTH]
    response = JsonResponse({"vorschlaege": vorschlaege_service.vorschlaege(query)})
    patch_cache_control(response, public=True, max_age=300)
    return response
