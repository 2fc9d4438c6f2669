"""The public HSDS 3.0.1 API under /api/hsds/: parse the request, call angebote.hsds, answer JSON.

Confidential Standorte never appear. A filter this API cannot apply is answered with 400 rather than
ignored, so a client never mistakes everything for its selection.
"""

import json
import math
import uuid
from datetime import datetime

from django.http import HttpResponseNotAllowed, JsonResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from . import hsds
from .models import Standort, Thema, TraegerPage
from .views import SuchAnfrage, suche_ausfuehren

PRO_SEITE = 50
MAX_PRO_SEITE = 200
WAHR = {"true": True, "1": True, "false": False, "0": False}


class Fehler(Exception):
    """A request this API cannot answer as asked (400)."""


def _json(data, status=200):
    response = JsonResponse(data, status=status, safe=False, json_dumps_params={"ensure_ascii": False})
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Allow-Methods"] = "GET, OPTIONS"
    return response


def endpoint(view):
    """GET only, CORS open, 400 for a malformed request, 404 for an unknown id."""

    def wrapper(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["GET"])
        try:
            return view(request, *args, **kwargs)
        except Fehler as exc:
            return _json({"error": str(exc)}, status=400)
        except LookupError:
            return _json({"error": _("Nicht gefunden.")}, status=404)

    wrapper.__name__ = view.__name__
    wrapper.__doc__ = view.__doc__
    return wrapper


def _bool(request, name) -> bool:
    value = request.GET.get(name, "false").strip().lower()
    if value not in WAHR:
        raise Fehler(_("%(name)s muss true oder false sein.") % {"name": name})
    return WAHR[value]


def _int(request, name, default) -> int:
    value = request.GET.get(name)
    if value in (None, ""):
        return default
    try:
        number = int(value)
    except ValueError:
        raise Fehler(_("%(name)s muss eine ganze Zahl sein.") % {"name": name}) from None
    if number < 1:
        raise Fehler(_("%(name)s muss mindestens 1 sein.") % {"name": name})
    return number


def _format(request) -> str:
    value = request.GET.get("format", "json") or "json"
    if value not in ("json", "ndjson"):
        raise Fehler(_("format muss json oder ndjson sein."))
    return value


def _seite(request, items: list, *, format_=None):
    """The HSDS page envelope; `size` counts the items on this page. A page past the end is empty."""
    if (format_ or _format(request)) == "ndjson":
        lines = (json.dumps(item, ensure_ascii=False) + "\n" for item in items)
        response = StreamingHttpResponse(lines, content_type="application/x-ndjson")
        response["Access-Control-Allow-Origin"] = "*"
        return response
    per_page = min(_int(request, "per_page", PRO_SEITE), MAX_PRO_SEITE)
    page = _int(request, "page", 1)
    total_pages = max(1, math.ceil(len(items) / per_page))
    contents = items[(page - 1) * per_page : page * per_page]
    return _json(
        {
            "total_items": len(items),
            "total_pages": total_pages,
            "page_number": page,
            "size": len(contents),
            "first_page": page == 1,
            "last_page": page >= total_pages,
            "empty": not contents,
            "contents": contents,
        }
    )


def _uuid(value: str):
    try:
        return uuid.UUID(value)
    except ValueError:
        return None


def _eins_zu_eins(data: dict) -> dict:
    """A list item of the API: the object's one-to-one fields, without the arrays of related objects."""
    return {k: v for k, v in data.items() if not isinstance(v, list)}


@endpoint
def index(request):
    """GET /api/hsds/: which HSDS version and profile this API speaks."""
    return _json({"version": hsds.HSDS_VERSION, "profile": hsds.HSDS_PROFILE, "openapi_url": hsds.HSDS_OPENAPI_URL})


def _service_queryset(request):
    queryset = hsds.public_queryset()
    if term := request.GET.get("taxonomy_term_id"):
        slugs = [t.slug for t in Thema.objects.all() if hsds.thema_id(t) == term.lower()]
        queryset = queryset.filter(themen__slug__in=slugs)
    if taxonomy_id := request.GET.get("taxonomy_id"):
        queryset = (
            queryset.filter(themen__isnull=False) if taxonomy_id.lower() == hsds.TAXONOMIE_ID else queryset.none()
        )
    if org := request.GET.get("organization_id"):
        traeger = TraegerPage.objects.filter(hsds_id=_uuid(org)).first() if _uuid(org) else None
        queryset = queryset.child_of(traeger) if traeger else queryset.none()
    if modified_after := request.GET.get("modified_after"):
        try:
            since = datetime.fromisoformat(modified_after.replace("Z", "+00:00"))
        except ValueError:
            raise Fehler(_("modified_after muss ein Zeitpunkt nach ISO 8601 sein.")) from None
        if timezone.is_naive(since):
            since = timezone.make_aware(since, timezone.get_default_timezone())
        queryset = queryset.filter(last_published_at__gte=since)
    queryset = queryset.distinct()
    if text := request.GET.get("search", "").strip():
        # The register's own search (words, lay vocabulary, ranking) picks the Angebote.
        # (through the search page's entry point, so the API follows it wherever the search lives)
        treffer = suche_ausfuehren(SuchAnfrage(q=text[:200], pro_seite=10_000)).treffer
        rang = {t.angebot.pk: n for n, t in enumerate(treffer)}
        pages = sorted(queryset.filter(pk__in=rang), key=lambda p: rang[p.pk])
        return pages
    return queryset


@endpoint
def services(request):
    """GET /api/hsds/services: search, taxonomy_term_id, taxonomy_id, organization_id, modified_after,
    minimal, full, page, per_page, format."""
    minimal, full, format_ = _bool(request, "minimal"), _bool(request, "full"), _format(request)
    pages = _service_queryset(request)
    if minimal:
        # Each item stays a valid HSDS service: id, name and status are required of it.
        items = [
            {
                "id": hsds.angebot_id(p),
                "name": p.title,
                "status": hsds.HSDS_STATUS.get(p.status, "active"),
            }
            | ({"last_modified": p.last_published_at.isoformat(timespec="milliseconds")} if p.last_published_at else {})
            for p in pages
        ]
    else:
        items = hsds.services(pages, request=request)
        if not full:
            items = [_eins_zu_eins(item) for item in items]
    return _seite(request, items, format_=format_)


@endpoint
def service(request, id):
    """GET /api/hsds/services/{id}: one fully nested service."""
    wanted = _uuid(id)
    page = hsds.public_queryset().filter(hsds_id=wanted).first() if wanted else None
    if page is None:
        raise LookupError(id)
    return _json(hsds.services(hsds.public_queryset().filter(pk=page.pk), request=request)[0])


def _traeger_queryset():
    return TraegerPage.objects.originale().live().public().order_by("path")


def _organization_mit_services(traeger, *, full_service: bool, request) -> dict:
    data = hsds.organization(traeger)
    angebote = hsds.public_queryset().child_of(traeger)
    if full_service:
        data["services"] = hsds.services(angebote, request=request)
    else:
        data["services"] = [
            {"id": hsds.angebot_id(p), "name": p.title, "status": hsds.HSDS_STATUS.get(p.status, "active")}
            for p in angebote
        ]
    return data


@endpoint
def organizations(request):
    """GET /api/hsds/organizations: search (in the name and description), full, full_service, paging."""
    full, full_service = _bool(request, "full"), _bool(request, "full_service")
    format_ = _format(request)
    traeger = list(_traeger_queryset())
    if text := request.GET.get("search", "").strip().lower():
        traeger = [t for t in traeger if text in t.title.lower() or text in strip_tags(t.intro or "").lower()]
    if full or full_service:
        items = [_organization_mit_services(t, full_service=full_service, request=request) for t in traeger]
    else:
        items = [_eins_zu_eins(hsds.organization(t)) for t in traeger]
    return _seite(request, items, format_=format_)


@endpoint
def organization(request, id):
    """GET /api/hsds/organizations/{id}: the Träger with its services (full ones with full_service)."""
    wanted = _uuid(id)
    traeger = _traeger_queryset().filter(hsds_id=wanted).first() if wanted else None
    if traeger is None:
        raise LookupError(id)
    return _json(_organization_mit_services(traeger, full_service=_bool(request, "full_service"), request=request))


@endpoint
def taxonomies(request):
    """GET /api/hsds/taxonomies: the one taxonomy of this register, the Themen."""
    format_ = _format(request)
    items = [hsds.taxonomy()]
    if text := request.GET.get("search", "").strip().lower():
        items = [t for t in items if text in t["name"].lower() or text in t["description"].lower()]
    return _seite(request, items, format_=format_)


@endpoint
def taxonomy(request, id):
    if id.lower() != hsds.TAXONOMIE_ID:
        raise LookupError(id)
    return _json(hsds.taxonomy())


@endpoint
def taxonomy_terms(request):
    """GET /api/hsds/taxonomy_terms: the Themen; search, taxonomy_id, top_only, parent_id, paging."""
    format_ = _format(request)
    _bool(request, "top_only")  # checked only: the Themen form a flat list, every term is a top term
    items = [hsds.taxonomy_term(t) for t in Thema.objects.all()]
    if text := request.GET.get("search", "").strip().lower():
        items = [t for t in items if text in t["name"].lower() or text in t["code"] or text in t["description"].lower()]
    if (taxonomy_id := request.GET.get("taxonomy_id")) and taxonomy_id.lower() != hsds.TAXONOMIE_ID:
        items = []
    if request.GET.get("parent_id"):
        items = []  # no Thema has a parent
    return _seite(request, items, format_=format_)


@endpoint
def taxonomy_term(request, id):
    for thema in Thema.objects.all():
        if hsds.thema_id(thema) == id.lower():
            return _json(hsds.taxonomy_term(thema))
    raise LookupError(id)


def _service_at_locations(request, pages, *, full: bool) -> list[dict]:
    items = []
    for item in hsds.services(pages, request=request):
        for sal in item.get("service_at_locations", []):
            if full:
                items.append(sal | {"service": _eins_zu_eins(item)})
            else:
                items.append(sal | {"location": _eins_zu_eins(sal["location"])})
    return items


@endpoint
def service_at_locations(request):
    """GET /api/hsds/service_at_locations: the public Standorte of the services; the service filters,
    full, postcode (the Standort's PLZ) and paging. proximity is not offered."""
    full, format_ = _bool(request, "full"), _format(request)
    if request.GET.get("proximity"):
        raise Fehler(_("proximity wird nicht unterstützt; suchen Sie mit postcode nach Postleitzahl."))
    pages = _service_queryset(request)
    if postcode := request.GET.get("postcode", "").strip():
        with_plz = set(
            Standort.objects.filter(plz=postcode, adresse_vertraulich=False).values_list("angebot_id", flat=True)
        )
        pages = [p for p in pages if p.pk in with_plz]
    items = _service_at_locations(request, pages, full=full)
    if postcode:
        items = [i for i in items if any(a.get("postal_code") == postcode for a in i["location"].get("addresses", []))]
    return _seite(request, items, format_=format_)


@endpoint
def service_at_location(request, id):
    """GET /api/hsds/service_at_locations/{id}: the Standort with its location and service."""
    wanted = _uuid(id)
    if wanted is None:
        raise LookupError(id)
    for item in _service_at_locations(request, hsds.public_queryset(), full=True):
        if item["id"] == str(wanted):
            return _json(item)
    raise LookupError(id)
