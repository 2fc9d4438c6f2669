"""The demo county (Kreis Segeberg frame, Beispieldaten); each app adds its part in `DEMO_STEPS`."""

from django.db import transaction

from wagtail.models import Site

from angebote.demo import load_angebote, load_versorgung
from home.demo.bericht import load_bericht
from home.demo.gliederungen import load_gliederungen
from home.demo.uebersetzungen import load_uebersetzungen
from home.site_setup import setup_site
from home.site_setup.roles import setup_roles
from konferenzen.demo import load_konferenzen
from portal.models import PortalEinstellungen
from search.demo import load_suche_demo
from sozialatlas.demo import load_atlas_demo, load_raeume

DEMO_KREIS = "Kreis Segeberg"


# Run in dependency order; an app with demo data appends its loader here.
DEMO_STEPS = [
    load_raeume,
    load_atlas_demo,
    load_angebote,
    load_versorgung,
    load_konferenzen,
    load_gliederungen,
    load_bericht,
    load_suche_demo,
    load_uebersetzungen,
]


@transaction.atomic
def load_demo(stdout):
    home = setup_site(kreis_name=DEMO_KREIS)
    setup_roles(home)
    einstellungen = PortalEinstellungen.for_site(Site.objects.get(is_default_site=True))
    einstellungen.kreis_name = DEMO_KREIS
    einstellungen.herausgeber = "Kreisverwaltung Segeberg, Sozialplanung (Beispiel)"
    einstellungen.kontakt_email = "sozialplanung@example.org"
    einstellungen.kontakt_telefon = "04551 000-0"
    einstellungen.beispieldaten = True
    einstellungen.anschrift = "Hamburger Straße 30\n23795 Bad Segeberg (Beispieladresse)"
    einstellungen.vertretung = "die Landrätin oder den Landrat (Beispiel)"
    einstellungen.aufsichtsbehoerde = "Ministerium für Inneres des Landes Schleswig-Holstein (Beispiel)"
    einstellungen.verantwortlich_inhalt = "Fachdienst Sozialplanung, Anschrift wie oben (Beispiel)"
    einstellungen.datenschutzbeauftragte = (
        "Behördliche Datenschutzbeauftragte der Kreisverwaltung\ndatenschutz@example.org"
    )
    einstellungen.datenschutz_aufsicht = (
        "Unabhängiges Landeszentrum für Datenschutz Schleswig-Holstein (ULD)\nHolstenstraße 98, 24103 Kiel"
    )
    einstellungen.save()
    for step in DEMO_STEPS:
        step(stdout)
