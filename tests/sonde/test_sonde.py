"""A repeatable probe of the whole portal against the demo county, through Django's test client on the test
database (nothing mocked): it crawls the public site for confidential shelter addresses, sends hostile
input to every public parameter and form, tries another Träger's admin URLs, and counts what one client gets
accepted per window. Each test prints its counts (`pytest -s tests/sonde`); the limits of the crawl can be
raised with SONDE_SEITEN (pages) and SONDE_PARAMETER (parameter × page pairs) for a longer run.
"""

import os
import re
from collections import Counter
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit

from bs4 import BeautifulSoup

from django.test import Client, override_settings
from django.urls import reverse

MAX_SEITEN = int(os.environ.get("SONDE_SEITEN", "500"))
MAX_PARAMETER = int(os.environ.get("SONDE_PARAMETER", "80"))
MAX_VARIANTEN_JE_PFAD = 4  # query-string variants of one path the crawl follows (facets multiply fast)
START = [
    "/",
    "/hilfe/",
    "/hilfe/?q=Frauenhaus",
    "/hilfe/?q=Gewalt+zu+Hause",
    "/suche/?q=Frauenhaus",
    "/atlas/",
    "/atlas/datenkatalog/",
    "/atlas/daten/katalog.json",
    "/konferenzen/",
    "/berichte/",
    "/sitemap.xml",
    "/api/hsds/",
    "/api/hsds/services/",
    "/api/hsds/services/?per_page=500",
    "/api/hsds/organizations/",
    "/api/hsds/service_at_locations/",
    "/api/hsds/taxonomies/",
    "/api/hsds/taxonomy_terms/",
]
AUSGELASSEN = ("/admin", "/static/", "/media/", "/documents/", "/django-admin")
FEINDLICH = [
    "\x00",
    "a\x00b",
    "%00",
    "x" * 5000,
    "' OR '1'='1' --",
    "1; DROP TABLE angebote_angebotpage; --",
    '"><script>alert(1)</script>',
    "<img src=x onerror=alert(1)>",
    "../../../../etc/passwd",
    "-1",
    "99999999999999999999999",
    "1e999",
    "NaN",
    "{{7*7}}",
    "\u202e\ufeff",
    "[]",
]
SKRIPT = ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>")


def _client(**kwargs):
    return Client(raise_request_exception=False, **kwargs)


def _inhalt(response):
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode("utf-8", "replace")
    return response.content.decode("utf-8", "replace")


def _links(url, response, text):
    """Same-site links of an HTML page, a sitemap or a JSON document."""
    art = response.get("Content-Type", "")
    if "html" in art:
        soup = BeautifulSoup(text, "html.parser")
        roh = [a.get("href") for a in soup.find_all(["a", "link"])] + [f.get("action") for f in soup.find_all("form")]
    elif "xml" in art:
        roh = re.findall(r"<loc>([^<]+)</loc>", text)
    elif "json" in art:
        roh = re.findall(r'"((?:https?://testserver|http://localhost)?/[^"\s]*)"', text)
    else:
        roh = []
    for href in roh:
        if not href or href.startswith(("mailto:", "tel:", "javascript:", "#")):
            continue
        teile = urlsplit(urljoin(url, href))
        if teile.netloc not in ("", "testserver", "localhost"):
            continue
        if teile.path.startswith(AUSGELASSEN):
            continue
        yield teile.path + (f"?{teile.query}" if teile.query else "")


def vertrauliche_angaben():
    """What must never appear in public: each confidential Standort's street, its coordinates, and its
    postcode where no public Standort or Raum shares that postcode."""
    from angebote.models import Standort
    from sozialatlas.models import Raum

    vertraulich = list(Standort.objects.filter(adresse_vertraulich=True))
    assert vertraulich, "the demo has confidential shelter addresses"
    oeffentliche_plz = set(Standort.objects.filter(adresse_vertraulich=False).values_list("plz", flat=True))
    for plz_liste in Raum.objects.values_list("plz", flat=True):
        oeffentliche_plz.update(re.findall(r"\d{5}", str(plz_liste or "")))
    strassen = {s.strasse for s in vertraulich if s.strasse}
    koordinaten = {(f"{s.lat:.4f}", f"{s.lon:.4f}") for s in vertraulich if s.lat is not None and s.lon is not None}
    plz = {s.plz for s in vertraulich if s.plz and s.plz not in oeffentliche_plz}
    return strassen, koordinaten, plz


def crawl(client, start=START, max_seiten=MAX_SEITEN):
    """Breadth-first over the public site; returns {url: (status, content type, text)}."""
    gesehen, warteschlange, varianten, seiten = set(start), list(start), Counter(), {}
    while warteschlange and len(seiten) < max_seiten:
        url = warteschlange.pop(0)
        response = client.get(url)
        text = _inhalt(response) if response.status_code == 200 else ""
        seiten[url] = (response.status_code, response.get("Content-Type", ""), text)
        for link in _links(url, response, text):
            pfad = link.split("?")[0]
            if link in gesehen or ("?" in link and varianten[pfad] >= MAX_VARIANTEN_JE_PFAD):
                continue
            varianten[pfad] += "?" in link
            gesehen.add(link)
            warteschlange.append(link)
    return seiten


def test_no_confidential_shelter_address_anywhere_public(demo):
    from angebote.models import AngebotPage

    strassen, koordinaten, plz = vertrauliche_angaben()
    extra = []
    for page in AngebotPage.objects.originale().live().filter(standorte__adresse_vertraulich=True).distinct():
        extra += [page.url, f"/api/hsds/services/{page.specific.hsds_id}/"] if page.specific.hsds_id else [page.url]
    client = _client()
    seiten = crawl(client, start=START + extra)
    arten = Counter(
        "json" if "json" in art else "csv" if "csv" in art else "xml" if "xml" in art else "html"
        for status, art, _text in seiten.values()
        if status == 200
    )
    funde = []
    for url, (_status, _art, text) in seiten.items():
        for strasse in strassen:
            if strasse in text:
                funde.append((url, strasse))
        for lat, lon in koordinaten:
            if (lat in text and lon in text) or (lat.replace(".", ",") in text and lon.replace(".", ",") in text):
                funde.append((url, lat, lon))
        for zahl in plz:
            if re.search(rf"\b{zahl}\b", text):
                funde.append((url, zahl))
    fehler = sorted(url for url, (status, _a, _t) in seiten.items() if status >= 500)
    print(  # noqa: T201 (the probe's counts, shown with pytest -s)
        f"\nSONDE Adressen: {len(seiten)} öffentliche Adressen abgerufen ({dict(arten)}), "
        f"{len(strassen)} vertrauliche Straßen, {len(koordinaten)} Koordinaten, {len(plz)} eigene PLZ geprüft; "
        f"Funde: {len(funde)}; 5xx: {len(fehler)}"
    )
    assert len(seiten) >= min(100, MAX_SEITEN)
    assert arten["json"] and arten["html"]
    assert funde == []
    assert fehler == []


def _formulare(seiten):
    """The public forms: (method, action, {field: value}) from every crawled HTML page, each form once."""
    formulare = {}
    for url, (status, art, text) in seiten.items():
        if status != 200 or "html" not in art:
            continue
        for form in BeautifulSoup(text, "html.parser").find_all("form"):
            action = urlsplit(urljoin(url, form.get("action") or url))
            if action.path.startswith(AUSGELASSEN) or action.netloc not in ("", "testserver"):
                continue
            method = (form.get("method") or "get").lower()
            felder = {}
            for feld in form.find_all(["input", "select", "textarea"]):
                name = feld.get("name")
                if not name or feld.get("type") in ("submit", "button", "image", "file"):
                    continue
                if feld.name == "select":
                    option = feld.find("option", value=lambda v: v) or feld.find("option")
                    felder[name] = option.get("value", "") if option else ""
                elif feld.get("type") in ("checkbox", "radio"):
                    felder.setdefault(name, feld.get("value", "on"))
                else:
                    felder[name] = feld.get("value") or feld.text or ""
            felder.pop("csrfmiddlewaretoken", None)
            formulare.setdefault((method, action.path), (action.path, felder))
    return formulare


def _ziele(seiten, formulare):
    """(method, path, base values, parameter) to attack: every GET form field and query parameter found."""
    ziele = {}
    for (method, pfad), (_action, felder) in formulare.items():
        for name in felder:
            ziele.setdefault((method, pfad, name), felder)
    for url in seiten:
        teile = urlsplit(url)
        basis = dict(parse_qsl(teile.query))
        for name in basis:
            ziele.setdefault(("get", teile.path, name), basis)
    for pfad in ("/hilfe/", "/suche/", "/atlas/", "/atlas/vergleich/", "/api/hsds/services/"):
        for name in ("q", "seite", "page", "thema", "ort", "lat", "lon", "x", "y", "per_page", "format"):
            ziele.setdefault(("get", pfad, name), {})
    return [(method, pfad, basis, name) for (method, pfad, name), basis in ziele.items()]


def test_hostile_requests_get_no_server_error_and_no_live_markup(demo):
    client = _client()
    seiten = crawl(client, max_seiten=min(MAX_SEITEN, 250))
    formulare = _formulare(seiten)
    ziele = _ziele(seiten, formulare)
    get_ziele = [z for z in ziele if z[0] == "get"][:MAX_PARAMETER]
    post_ziele = [z for z in ziele if z[0] == "post"]
    anfragen, fehler, skripte = 0, [], []
    for i, (method, pfad, basis, name) in enumerate(get_ziele + post_ziele):
        for j, wert in enumerate(FEINDLICH):
            daten = {**basis, name: wert}
            # a new address each time, so the rate limits do not keep the payload from the form
            anfrager = _client(REMOTE_ADDR=f"10.{i % 250}.{j}.{(i // 250) % 250 + 1}")
            senden = anfrager.get if method == "get" else anfrager.post
            response = senden(f"{pfad}?{urlencode(daten)}") if method == "get" else senden(pfad, daten)
            anfragen += 1
            if response.status_code >= 500:
                fehler.append((method, pfad, name, repr(wert[:20]), response.status_code))
            elif response.status_code == 200 and "html" in response.get("Content-Type", ""):
                text = _inhalt(response)
                skripte += [(method, pfad, name) for s in SKRIPT if s in wert and s in text]
    # and the paths themselves
    for pfad in ["/hilfe/%00/", "/atlas/indikator/%00/", "/atlas/raum/'--/", "/hilfe/" + "a" * 3000 + "/"]:
        anfragen += 1
        if _client().get(pfad).status_code >= 500:
            fehler.append(("get", pfad, "", "", 500))
    print(  # noqa: T201 (the probe's counts, shown with pytest -s)
        f"\nSONDE feindliche Anfragen: {anfragen} ({len(get_ziele)} GET-Parameter, {len(post_ziele)} Formularfelder "
        f"in {len([f for f in formulare if f[0] == 'post'])} POST-Formularen, je {len(FEINDLICH)} Werte); "
        f"5xx: {len(fehler)}; unmaskiertes Markup: {len(skripte)}"
    )
    assert post_ziele, "the crawl found the public POST forms (Beitrag, support)"
    assert fehler == []
    assert skripte == []


def _fremde_admin_urls(page):
    """Every admin URL on the page (as the Träger permission tests try them) and the ways into it."""
    from tests.angebote.test_traeger_zugriff import admin_urls

    return [
        *admin_urls(page),
        ("get", reverse("wagtailadmin_pages:move_confirm", args=[page.pk, page.get_parent().pk])),
        ("get", reverse("wagtailadmin_choose_page_child", args=[page.pk])),
        ("get", reverse("wagtailadmin_explore", args=[page.pk])),
        ("get", reverse("angebote_angaben_aktuell", args=[page.pk])),
        ("post", reverse("angebote_angaben_aktuell", args=[page.pk])),
        ("post", reverse("angebote_platz_melden", args=[page.pk])),
        ("get", reverse("angebote_traeger_einladen", args=[page.pk])),
    ]


def test_another_traegers_admin_urls_are_all_closed(demo):
    from django.contrib.auth import get_user_model

    from wagtail.models import Page

    from angebote.models import AngebotPage, TraegerPage
    from angebote.rechte import traeger_gruppe
    from tests.angebote.conftest import verweigert

    eigener = TraegerPage.objects.originale().order_by("title").first()  # a translation shares its title
    person = get_user_model().objects.create_user("sonde-traeger", "sonde@traeger.example", "x")
    person.groups.add(traeger_gruppe(eigener))
    client = _client()
    client.force_login(person)
    weg = eigener.get_parent().specific
    # Its translations are its own too (the group edits its TraegerPage in every language).
    eigene = list(TraegerPage.objects.filter(translation_key=eigener.translation_key))
    fremde = [weg] + list(TraegerPage.objects.exclude(translation_key=eigener.translation_key))
    andere_traeger = {t.title for t in fremde[1:] if t.title != eigener.title}
    # One Angebot of each state (live, draft changes, locked) under each other Träger page, in each language:
    # the Angebote of one Träger in one state share every permission, and trying each again only costs time.
    je_art = {}
    unter_eigenen = AngebotPage.objects.none()
    for seite in eigene:
        unter_eigenen |= AngebotPage.objects.descendant_of(seite)
    for angebot in AngebotPage.objects.exclude(pk__in=unter_eigenen.values("pk")).order_by("path"):
        art = (angebot.path[: -Page.steplen], angebot.live, angebot.has_unpublished_changes, angebot.locked)
        je_art.setdefault(art, angebot)
    fremde += list(je_art.values())
    vorher = list(Page.objects.order_by("pk").values_list("pk", "title", "path", "live", "locked"))
    versuche, offen, fehler = 0, [], []
    for page in fremde:
        for method, url in _fremde_admin_urls(page):
            response = getattr(client, method)(url)
            versuche += 1
            if response.status_code >= 500:
                fehler.append((method, url, response.status_code))
            elif response.status_code == 405:
                continue  # a GET on a POST-only action: refused before any permission or data is looked at
            elif response.status_code == 302 and response.url in (
                reverse("wagtailadmin_pages:history", args=[page.pk]),
                reverse("wagtailadmin_explore", args=[eigener.pk]),
            ):
                # the revisions index redirects to the history (checked itself); the explorer sends the
                # person back to their own Träger page
                continue
            elif response.status_code == 200 and (
                "choose-page" in url or url == reverse("wagtailadmin_explore", args=[page.pk])
            ):
                # The chooser and the explorer may open on the person's own pages and on the way to them
                # (/hilfe/, which they name as where they are), but list no other Träger there.
                inhalt = _inhalt(response)
                if page.pk == weg.pk:
                    if any(t in inhalt for t in andere_traeger):
                        offen.append((method, url, response.status_code))
                elif page.title in inhalt:
                    offen.append((method, url, response.status_code))
            elif not verweigert(response):
                offen.append((method, url, response.status_code))
    # the chooser's search lists none of the other pages' titles
    titel = [p.title for p in fremde if len(p.title) > 12]
    suche = _inhalt(client.get(reverse("wagtailadmin_choose_page_search"), {"q": "beratung"}))
    versuche += 1
    gezeigt = [t for t in titel if t in suche]
    print(  # noqa: T201 (the probe's counts, shown with pytest -s)
        f"\nSONDE Admin als anderer Träger: {versuche} URLs auf {len(fremde)} fremden Seiten versucht; "
        f"offen: {len(offen)}; 5xx: {len(fehler)}; fremde Titel in der Auswahl-Suche: {len(gezeigt)}"
    )
    assert offen == [] and fehler == [] and gezeigt == []
    assert list(Page.objects.order_by("pk").values_list("pk", "title", "path", "live", "locked")) == vorher


@override_settings(KONFERENZEN_PROXYS=0)
def test_one_client_gets_only_the_limit_of_posts_and_supports_per_window(demo, settings):
    from django.contrib.sessions.models import Session

    from konferenzen.forms import BeitragForm
    from konferenzen.models import Beitrag, BeitragArt, KonferenzPage, Unterstuetzung

    konferenz = next(k for k in KonferenzPage.objects.live() if k.specific.beteiligung_offen())
    form = BeitragForm(konferenz=konferenz)
    raum = form.fields["raum"].queryset.first()
    feld = form.fields["handlungsfeld"].queryset.first()
    adresse = "203.0.113.99"
    vorher, sitzungen = Beitrag.objects.count(), Session.objects.count()
    versuche = 20
    for i in range(versuche):
        _client(REMOTE_ADDR=adresse).post(
            konferenz.url + "beitrag/",
            {
                "art": "bedarfsmeldung",
                "raum": raum.pk,
                "handlungsfeld": feld.pk,
                "text": f"Sondenbeitrag Nummer {i}: hier fehlt eine Beratung am Abend.",
            },
        )
    beitraege = Beitrag.objects.count() - vorher
    ziele = list(Beitrag.objects.filter(status="freigegeben", art=BeitragArt.BEDARFSMELDUNG, konferenz__live=True)[:5])
    assert ziele, "the demo has approved Bedarfsmeldungen to support"
    unterstuetzt_vorher = Unterstuetzung.objects.count()
    stuetz_versuche = 0
    for _ in range(30):
        for beitrag in ziele:
            _client(REMOTE_ADDR=adresse).post(f"{beitrag.konferenz.url}beitrag/{beitrag.pk}/unterstuetzen/")
            stuetz_versuche += 1
    unterstuetzungen = Unterstuetzung.objects.count() - unterstuetzt_vorher
    neue_sitzungen = Session.objects.count() - sitzungen
    print(  # noqa: T201 (the probe's counts, shown with pytest -s)
        f"\nSONDE ein Client je Fenster ({settings.KONFERENZEN_FENSTER_SEKUNDEN} s): {beitraege} von {versuche} "
        f"Beiträgen angenommen (Grenze {settings.KONFERENZEN_BEITRAEGE_JE_FENSTER}), {unterstuetzungen} von "
        f"{stuetz_versuche} Unterstützungen für {len(ziele)} Bedarfsmeldungen gezählt, "
        f"neue Sitzungen: {neue_sitzungen}"
    )
    assert beitraege == settings.KONFERENZEN_BEITRAEGE_JE_FENSTER
    assert unterstuetzungen <= len(ziele)
    assert neue_sitzungen == 0
