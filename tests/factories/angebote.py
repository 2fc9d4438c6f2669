"""Factories for the register: vocabularies via factory_boy, pages via `angebot_anlegen`."""

from datetime import time

import factory

from angebote.imports import traeger_page
from angebote.models import AngebotPage, Oeffnungszeit, Sprache, Standort, Thema, Zielgruppe


class ThemaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Thema
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"thema-{n}")
    name = factory.Sequence(lambda n: f"Thema {n}")
    suchbegriffe = ""


class ZielgruppeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Zielgruppe
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Zielgruppe {n}")


class SpracheFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Sprache
        django_get_or_create = ("code",)

    code = "de"
    name = "Deutsch"


def standort(ort="Teststadt", *, raum=None, lat=None, lon=None, **kwargs) -> Standort:
    result = Standort(ort=ort, raum=raum, **kwargs)
    result.set_koordinaten(lat, lon)
    return result


def angebot_anlegen(
    title="Testangebot",
    *,
    traeger="Test-Träger e. V.",
    themen=(),
    standorte=(),
    oeffnungszeiten=(),
    zielgruppen=(),
    sprachen=(),
    live=True,
    **fields,
) -> AngebotPage:
    """A published AngebotPage below a (created) TraegerPage; needs the site tree."""
    parent = traeger_page(traeger)
    page = AngebotPage(title=title, **fields)
    page.themen = list(themen) or [ThemaFactory(slug="schuldnerberatung")]
    page.zielgruppen = list(zielgruppen)
    page.sprachen = list(sprachen)
    page.standorte = list(standorte)
    page.oeffnungszeiten = [Oeffnungszeit(tag=tag, von=time(*von), bis=time(*bis)) for tag, von, bis in oeffnungszeiten]
    parent.add_child(instance=page)
    revision = page.save_revision()
    if live:
        revision.publish()
    else:
        page.unpublish()
    page.refresh_from_db()
    return page
