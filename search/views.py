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
    # Quick exit and emergency numbers when a listed Angebot is about violence (angebote/gewaltschutz.py).
    angebote = next((g for g in ergebnis.gruppen if g.art == "angebote"), None)
    themen = gewaltschutz.themen_der_suche(query, angebote.seite, angebote.pro_seite) if angebote else ()
    context.update(gewaltschutz.kontext(request, themen))
    return TemplateResponse(request, "search/search.html", context)


def vorschlaege(request):
    query = request.GET.get("q", "")[:MAX_QUERY_LENGTH]
    response = JsonResponse({"vorschlaege": vorschlaege_service.vorschlaege(query)})
    patch_cache_control(response, public=True, max_age=300)
    return response
