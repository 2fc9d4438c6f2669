"""Keeps derived data right when content changes: the search index entries, cached pages, supply.

An Angebot's own entry is written by its save (angebote/models/pages.py); what is here reaches the
entries that a change elsewhere touches: a Thema's words (one row of its own), a Zielgruppe's or Sprache's
name, a Träger's name, a Raum, a view restriction, a move. Small sets are reindexed at once, large ones in the
background, so a publish never waits for the whole register.
"""

from django.conf import settings
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from sozialatlas.models import Gliederungsraum, Raum

from .cache import invalidieren
from .models import AngebotPage, Sprache, Standort, Thema, TraegerPage, Zielgruppe
from .versorgung import nach_commit_neu_berechnen

SOFORT = 200  # up to this many Angebote are reindexed in the request, more in the background


def neu_indexieren(pks, nur_cluster: bool = False) -> None:
    from .suche import elasticsearch, index
    from .tasks import cluster_aktualisieren, suchindex_aktualisieren

    pks = set(pks)
    if not pks:
        return
    # The register lists each Angebot once: a translation (another locale's copy) gets no entry of its own.
    pks -= set(
        AngebotPage.objects.filter(pk__in=pks)
        .exclude(locale__language_code=settings.LANGUAGE_CODE)
        .values_list("pk", flat=True)
    )
    pks = sorted(pks)
    if not pks:
        return
    if nur_cluster:
        transaction.on_commit(lambda: cluster_aktualisieren.enqueue(pks))
    elif len(pks) <= SOFORT:
        index.aktualisieren(pks)
        if elasticsearch.aktiv():
            transaction.on_commit(lambda: cluster_aktualisieren.enqueue(pks))
    else:
        transaction.on_commit(lambda: suchindex_aktualisieren.enqueue(pks))


def veraltete_adressen(page) -> bool:
    """Whether an entry below `page` holds a URL path that no longer begins with the page's (one query)."""
    from .models import SuchEintrag

    return (
        SuchEintrag.objects.filter(angebot__path__startswith=page.path)
        .exclude(url_path__startswith=page.url_path)
        .exists()
    )


def angebote_unter(page) -> list[int]:
    return list(AngebotPage.objects.descendant_of(page, inclusive=True).values_list("pk", flat=True))


@receiver(post_save, sender=Thema)
@receiver(post_save, sender=Zielgruppe)
@receiver(post_save, sender=Sprache)
def vokabel_geaendert(sender, instance, created=False, **kwargs):
    if kwargs.get("raw"):
        return
    invalidieren()
    if sender is Thema:
        # Its words are one row; its entries hold only its id. A cluster's documents carry the words.
        from .suche import elasticsearch, index

        index.themen_aktualisieren([instance.pk])
        if not created and elasticsearch.aktiv():
            neu_indexieren(AngebotPage.objects.filter(themen=instance).values_list("pk", flat=True), nur_cluster=True)
    elif not created:
        feld = {Zielgruppe: "zielgruppen", Sprache: "sprachen"}[sender]
        neu_indexieren(AngebotPage.objects.filter(**{feld: instance}).values_list("pk", flat=True))


@receiver(post_save, sender=Raum)
def raum_geaendert(sender, instance, created=False, **kwargs):
    if kwargs.get("raw"):
        return
    invalidieren()
    if not created:
        pks = set(Standort.objects.filter(raum=instance).values_list("angebot_id", flat=True))
        pks.update(AngebotPage.objects.filter(raum=instance).values_list("pk", flat=True))
        neu_indexieren(pks)


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def seite_geaendert(sender, instance, **kwargs):
    invalidieren()
    specific = instance.specific_class
    if specific is TraegerPage or kwargs.get("url_path_before") is not None:
        neu_indexieren(angebote_unter(instance))
    elif specific is AngebotPage:
        if not instance.live:
            neu_indexieren([instance.pk])
    elif veraltete_adressen(instance):
        # A new slug above the register (/hilfe/ renamed) moves every Angebot's URL.
        neu_indexieren(angebote_unter(instance))


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def sichtbarkeit_geaendert(sender, instance, **kwargs):
    invalidieren()
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        neu_indexieren(angebote_unter(page))


@receiver(post_save, sender=Gliederungsraum)
def zustaendigkeitsraum_geaendert(sender, instance, created=False, **kwargs):
    """The members of an area that Angebote name as their Zuständigkeit."""
    if kwargs.get("raw") or created:
        return
    # After the commit: an area's members are written after the area itself.
    pk = instance.pk
    transaction.on_commit(
        lambda: neu_indexieren(AngebotPage.objects.filter(zustaendigkeitsraum_id=pk).values_list("pk", flat=True))
    )


@receiver(post_delete, sender=AngebotPage)
def angebot_geloescht(sender, instance, **kwargs):
    """The entry goes with the page (a cascade); a cluster's document needs telling."""
    from .suche import elasticsearch
    from .tasks import cluster_aktualisieren

    invalidieren()
    if elasticsearch.aktiv():
        pk = instance.pk
        transaction.on_commit(lambda: cluster_aktualisieren.enqueue([pk]))


@receiver(post_delete, sender=TraegerPage)
@receiver(post_delete, sender=Thema)
@receiver(m2m_changed, sender=AngebotPage.themen.through)
def register_geaendert(sender, **kwargs):
    invalidieren()


@receiver(page_published, sender=AngebotPage)
@receiver(page_unpublished, sender=AngebotPage)
@receiver(post_page_move, sender=AngebotPage)
@receiver(post_delete, sender=AngebotPage)
def versorgung_geaendert(sender, instance, **kwargs):
    """Standorte are published with their Angebot, so these cover every change of the supply indicators."""
    nach_commit_neu_berechnen()
