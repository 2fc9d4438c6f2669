"""What the detail page of an Angebot shows, and its schema.org JSON-LD (public data only)."""

import json

from django.utils.safestring import mark_safe

from . import gewaltschutz
from .geo import haversine_km
from .kapazitaet import ist_schutzunterkunft, platzstand
from .models import AngebotPage, AngebotStatus, Kapazitaet, TraegerPage
from .oeffnungszeiten import BYDAY_SCHEMA, ist_offen, rund_um_die_uhr, wochenplan
from .pruefung import ist_veraltet, pruefintervall_monate

WEITERE_ANZAHL = 5


def json_ld_script(data: dict) -> str:
    """A <script type="application/ld+json"> that cannot be broken out of by any text in the data."""
    text = json.dumps(data, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308 (escaped above)


def oeffentliche_standorte(angebot) -> list[dict]:
    result = []
    for standort in angebot.standorte.all():
        adresse = standort.oeffentliche_adresse
        adresse.update(
            bezeichnung=standort.bezeichnung,
            vertraulich=standort.adresse_vertraulich,
            barrierefrei=standort.get_barrierefrei_display() if standort.barrierefrei else "",
            barrierefrei_wert=standort.barrierefrei,
            barrierefrei_hinweis=standort.barrierefrei_hinweis,
        )
        result.append(adresse)
    return result


def schema_org(angebot, traeger, standorte: list[dict], url: str) -> dict:
    places = []
    for s in standorte:
        address = {"@type": "PostalAddress", "addressLocality": s["ort"], "addressCountry": "DE"}
        if not s["vertraulich"]:
            address.update(streetAddress=s["strasse"], postalCode=s["plz"])
        place = {"@type": "Place", "address": address}
        if s["lat"] is not None and not s["vertraulich"]:
            place["geo"] = {"@type": "GeoCoordinates", "latitude": s["lat"], "longitude": s["lon"]}
        places.append(place)
    channel = {"@type": "ServiceChannel", "serviceUrl": angebot.website or url}
    if angebot.telefonnummern:
        channel["servicePhone"] = {"@type": "ContactPoint", "telephone": angebot.telefonnummern[0]}
    if places:
        channel["serviceLocation"] = places
    data = {
        "@context": "https://schema.org",
        "@type": "Service",
        "name": angebot.title,
        "description": angebot.kurzbeschreibung,
        "url": url,
        "serviceType": ", ".join(t.name for t in angebot.themen.all()),
        "availableChannel": channel,
        "hoursAvailable": [
            {
                "@type": "OpeningHoursSpecification",
                "dayOfWeek": f"https://schema.org/{BYDAY_SCHEMA[z.tag]}",
                "opens": f"{z.von:%H:%M}",
                "closes": f"{z.bis:%H:%M}",
            }
            for z in angebot.oeffnungszeiten.all()
        ],
        "availableLanguage": [s.name for s in angebot.sprachen.all()],
    }
    if traeger:
        data["provider"] = {"@type": "Organization", "name": traeger.title}
    if angebot.raum_id:
        data["areaServed"] = {"@type": "AdministrativeArea", "name": angebot.raum.name}
    return data


def weitere_angebote(angebot, traeger) -> list[dict]:
    """The Träger's other live Angebote, nearest first (public points only)."""
    if traeger is None:
        return []
    andere = list(
        AngebotPage.objects.child_of(traeger)
        .live()
        .public()
        .exclude(pk=angebot.pk)
        .exclude(status=AngebotStatus.EINGESTELLT)
        .prefetch_related("standorte__raum")
    )
    eigene = [(s.oeffentlich_lat, s.oeffentlich_lon) for s in angebot.standorte.all() if s.oeffentlich_lat]
    result = []
    for anderes in andere:
        punkte = [(s.oeffentlich_lat, s.oeffentlich_lon) for s in anderes.standorte.all() if s.oeffentlich_lat]
        distanz = None
        if eigene and punkte:
            distanz = min(haversine_km(*a, *b) for a in eigene for b in punkte)
        orte = sorted({s.ort_anzeige for s in anderes.standorte.all()})
        result.append({"angebot": anderes, "distanz_km": distanz, "orte": orte})
    result.sort(key=lambda r: (r["distanz_km"] is None, r["distanz_km"] or 0, r["angebot"].title))
    return result[:WEITERE_ANZAHL]


def detail_context(angebot, request) -> dict:
    traeger = TraegerPage.objects.filter(pk=angebot.get_parent().pk).first()
    zeiten = list(angebot.oeffnungszeiten.all())
    standorte = oeffentliche_standorte(angebot)
    url = angebot.get_full_url(request)
    themen = list(angebot.themen.all())
    immer = rund_um_die_uhr(zeiten)
    return {
        **gewaltschutz.kontext(request, [t.slug for t in themen]),
        "traeger": traeger,
        "themen": themen,
        "standorte": standorte,
        "wochenplan": wochenplan(zeiten) if zeiten and not immer else [],
        "rund_um_die_uhr": immer,
        "offen": (angebot.status == AngebotStatus.AKTIV and (immer or ist_offen(zeiten))) if zeiten else None,
        "json_ld": json_ld_script(schema_org(angebot, traeger, standorte, url)),
        "weitere": weitere_angebote(angebot, traeger),
        # A translation shows the report of its original (the Träger reports on the original page).
        "platzstand": platzstand(
            Kapazitaet.objects.filter(angebot__translation_key=angebot.translation_key).order_by("-gemeldet_am").first()
        )
        if ist_schutzunterkunft(angebot)
        else None,
        "veraltet": ist_veraltet(angebot),
        "pruefintervall_monate": pruefintervall_monate(),
    }
