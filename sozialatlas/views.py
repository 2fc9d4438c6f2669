"""Thin views of the atlas outside Wagtail's page routing."""

from django.http import Http404

from wagtail.models import Site

from .models import AtlasPage


def opendaten(request, seitenpfad, datei):
    """Find the live AtlasPage at `seitenpfad` of this site and let its route serve `daten/<datei>`."""
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    url_path = site.root_page.url_path + seitenpfad
    page = AtlasPage.objects.live().public().filter(url_path=url_path).first()
    if page is None:
        raise Http404
    view, args, kwargs = page.route(request, ["daten", datei]).args
    return page.serve(request, view=view, args=args, kwargs=kwargs)
