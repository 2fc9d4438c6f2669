"""Site-wide search over all public pages (/suche/)."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.template.response import TemplateResponse

from wagtail.models import Page

from portal.search_text import MAX_QUERY_LENGTH, clean_query

RESULTS_PER_PAGE = 10


def search(request):
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    words = clean_query(query)
    results = Page.objects.none()
    if words:
        results = Page.objects.live().public().specific().search(words)
    paginator = Paginator(results, RESULTS_PER_PAGE)
    try:
        page = paginator.page(request.GET.get("seite", 1))
    except (PageNotAnInteger, EmptyPage):
        page = paginator.page(1)
    return TemplateResponse(request, "search/search.html", {"search_query": query, "results": page})
