"""Public views of the conference pages (called from the pages' routes): thin, the work is in the modules."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404, HttpResponse, HttpResponseNotAllowed, JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from sozialatlas.models import Raum

from .beteiligung import (
    absender_fuer,
    anfrage_zaehlen,
    beitrag_speichern,
    client_ip,
    schon_unterstuetzt,
    unterstuetzen,
    unterstuetzer,
    unterstuetzung_zaehlen,
)
from .datenlage import konferenz_datenlage, massnahme_figur
from .forms import BeitragForm, EmpfehlungFilterForm
from .kalender import ics
from .models import BeitragArt, BeitragStatus, Handlungsempfehlung, Massnahme, Phase

BEITRAEGE_JE_SEITE = 20


def _oeffentliche_beitraege(konferenz):
    return (
        konferenz.beitraege.oeffentlich()
        .select_related("raum", "handlungsfeld")
        .annotate(anzahl_unterstuetzungen=Count("unterstuetzungen"))
        .order_by("-erstellt_am")
    )


def konferenz_context(request, konferenz, form=None):
    absender = absender_fuer(request.user)
    offen = konferenz.beteiligung_offen()
    if offen and form is None:
        form = BeitragForm(konferenz=konferenz, organisation=absender.verifiziert)
    seite = Paginator(_oeffentliche_beitraege(konferenz), BEITRAEGE_JE_SEITE).get_page(request.GET.get("seite"))
    return {
        "beteiligung_offen": offen,
        "form": form if offen else None,
        "absender": absender,
        "page_obj": seite,
        "beitraege": seite.object_list,
        "unterstuetzt": schon_unterstuetzt([b.pk for b in seite.object_list], request),
        "empfehlungen": konferenz.empfehlungen.order_by("titel"),
        "bedarfsmeldung": BeitragArt.BEDARFSMELDUNG,
        "phasen": Phase.choices,
        "datenlage": konferenz_datenlage(konferenz),
        "karte": ort_karte(konferenz) if offen else None,
    }


def ort_karte(konferenz):
    """What the map in the form needs: the area of the conference's Räume and the tile server."""
    import json

    from django.conf import settings

    from .geo import grenzen

    bereich = grenzen(konferenz.raeume.all())
    if bereich is None:
        return None
    return {
        "grenzen_json": json.dumps(bereich),
        "tile_url": settings.MAP_TILE_URL,
        "attribution": settings.MAP_TILE_ATTRIBUTION,
    }


def ort_fuer_punkt(request, konferenz):
    """The place a point on the map belongs to, for the form to show before sending: {"id", "name"} or
    {"fehler"} (400) for a point outside the Kreis or the conference, or no valid coordinates."""
    from .beteiligung import waehlbare_raeume
    from .forms import ort_fuer_punkt as ort_suchen

    try:
        lat, lon = float(request.GET["lat"]), float(request.GET["lon"])
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise ValueError
    except (KeyError, ValueError, OverflowError):
        return JsonResponse({"fehler": _("Bitte wählen Sie einen Punkt auf der Karte.")}, status=400)
    raum, fehler = ort_suchen(konferenz, lat, lon, waehlbare_raeume(konferenz))
    if fehler:
        return JsonResponse({"fehler": str(fehler)}, status=400)
    return JsonResponse({"id": raum.pk, "name": raum.name})


def beitrag_formular(request, konferenz):
    if request.method != "POST":
        return redirect(konferenz.url + "#beteiligen")
    absender = absender_fuer(request.user)
    form = BeitragForm(request.POST, konferenz=konferenz, organisation=absender.verifiziert)
    status = 200
    if not konferenz.beteiligung_offen():
        # Keep what the person typed so it is not lost (e.g. the window closed while they wrote).
        context = konferenz.get_context(request)
        context.update(
            {
                "geschlossen_meldung": _(
                    "Die Beteiligung an dieser Konferenz ist geschlossen. Ihr Beitrag wurde nicht gespeichert."
                ),
                "nicht_gespeicherter_text": request.POST.get("text", "")[:5000],
            }
        )
        return TemplateResponse(request, konferenz.get_template(request), context, status=403)
    if not anfrage_zaehlen(client_ip(request)):
        form.is_valid()
        form.add_error(
            None,
            _(
                "Von Ihrem Anschluss kamen in kurzer Zeit sehr viele Beiträge. Bitte warten Sie einige Minuten und "
                "senden Sie dann erneut; Ihr Text bleibt erhalten."
            ),
        )
        status = 429
    elif form.is_valid():
        beitrag_speichern(konferenz, form.cleaned_data, request.user)
        messages.success(
            request,
            _("Vielen Dank! Ihr Beitrag ist eingegangen. Er erscheint hier, sobald die Sozialplanung ihn geprüft hat."),
        )
        return redirect(konferenz.url + "#beitraege")
    else:
        status = 400
    context = konferenz.get_context(request)
    context["form"] = form
    return TemplateResponse(request, konferenz.get_template(request), context, status=status)


def _oeffentlicher_beitrag(konferenz, pk):
    beitrag = (
        konferenz.beitraege.oeffentlich()
        .select_related("raum", "handlungsfeld")
        .annotate(anzahl_unterstuetzungen=Count("unterstuetzungen"))
        .filter(pk=pk)
        .first()
    )
    if beitrag is None:
        raise Http404
    return beitrag


def beitrag_detail(request, konferenz, pk):
    beitrag = _oeffentlicher_beitrag(konferenz, pk)
    return TemplateResponse(
        request,
        "konferenzen/beitrag.html",
        {
            "page": konferenz,
            "beitrag": beitrag,
            "empfehlungen": beitrag.empfehlungen.all(),
            "unterstuetzt": schon_unterstuetzt([beitrag.pk], request),
            "bedarfsmeldung": BeitragArt.BEDARFSMELDUNG,
        },
    )


def beitrag_unterstuetzen(request, konferenz, pk):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    beitrag = _oeffentlicher_beitrag(konferenz, pk)
    wer = unterstuetzer(request)
    if request.POST.get("zurueck") == "detail":
        ziel = konferenz.url + konferenz.reverse_subpage("beitrag", args=(pk,))
    else:
        ziel = f"{konferenz.url}#beitrag-{pk}"
    if not unterstuetzung_zaehlen(wer):
        messages.warning(
            request,
            _(
                "Von Ihrem Anschluss kamen in kurzer Zeit sehr viele Unterstützungen. Bitte versuchen Sie es in "
                "einigen Minuten erneut."
            ),
        )
        return redirect(ziel)
    # No session for this: a support is counted per account or address, and the page stays cacheable.
    if unterstuetzen(beitrag, wer):
        messages.success(request, _("Danke, Ihre Unterstützung wurde gezählt."))
    elif beitrag.status == BeitragStatus.FREIGEGEBEN and beitrag.art == BeitragArt.BEDARFSMELDUNG:
        messages.info(request, _("Von Ihrem Anschluss wurde diese Bedarfsmeldung bereits unterstützt."))
    return redirect(ziel)


def konferenz_ics(request, konferenz):
    inhalt = ics(konferenz, konferenz.get_full_url(request), request.get_host().split(":")[0])
    antwort = HttpResponse(inhalt, content_type="text/calendar; charset=utf-8")
    antwort["Content-Disposition"] = f'attachment; filename="{konferenz.slug}.ics"'
    return antwort


def empfehlungen_liste(request, index):
    raeume = Raum.objects.filter(empfehlungen__isnull=False).distinct().order_by("name")
    form = EmpfehlungFilterForm(request.GET or None, raeume=raeume)
    empfehlungen = Handlungsempfehlung.objects.select_related("handlungsfeld").prefetch_related("raeume")
    if form.is_valid():
        if form.cleaned_data["status"]:
            empfehlungen = empfehlungen.filter(status=form.cleaned_data["status"])
        if form.cleaned_data["handlungsfeld"]:
            empfehlungen = empfehlungen.filter(handlungsfeld=form.cleaned_data["handlungsfeld"])
        if form.cleaned_data["raum"]:
            empfehlungen = empfehlungen.filter(raeume=form.cleaned_data["raum"])
    seite = Paginator(empfehlungen.order_by("-aktualisiert_am"), 20).get_page(request.GET.get("seite"))
    return TemplateResponse(
        request,
        "konferenzen/handlungsempfehlung_liste.html",
        {"page": index, "form": form, "page_obj": seite, "empfehlungen": seite.object_list},
    )


def empfehlung_detail(request, index, pk):
    empfehlung = Handlungsempfehlung.objects.select_related("handlungsfeld", "konferenz").filter(pk=pk).first()
    if empfehlung is None:
        raise Http404
    return TemplateResponse(
        request,
        "konferenzen/handlungsempfehlung.html",
        {
            "page": index,
            "empfehlung": empfehlung,
            "schritte": empfehlung.schritte.select_related("dokument"),
            "beitraege": empfehlung.beitraege.oeffentlich().select_related("konferenz", "raum"),
            "massnahmen": empfehlung.massnahmen.select_related("indikator", "raum", "gebiet"),
        },
    )


def massnahme_detail(request, index, pk, massnahme):
    """A Maßnahme's Wirkungsziel: the indicator's actual course in the Raum against the target line."""
    massnahme = (
        Massnahme.objects.select_related("empfehlung", "indikator", "raum", "gebiet")
        .filter(pk=massnahme, empfehlung_id=pk, indikator__live=True)
        .first()
    )
    if massnahme is None:
        raise Http404
    return TemplateResponse(
        request,
        "konferenzen/massnahme.html",
        {
            "page": index,
            "massnahme": massnahme,
            "empfehlung": massnahme.empfehlung,
            "figur": massnahme_figur(massnahme),
        },
    )
