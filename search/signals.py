"""Keeps the Elasticsearch Angebote index in sync after commit: publish, unpublish, move, delete, and
vocabulary changes (a Thema's Suchbegriffe are the index's synonyms, so those rebuild it). Does nothing
while the database engine is on."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from wagtail.signals import page_published, page_unpublished, post_page_move

from angebote.models import AngebotPage, Sprache, Thema, TraegerPage, Zielgruppe
from sozialatlas.models import Raum

from .angebote_es import aktiv
from .tasks import angebote_index_aktualisieren, angebote_index_neu_aufbauen


def _angebote_unter(page) -> list[int]:
    if isinstance(page.specific_deferred, AngebotPage):
        return [page.pk]
    return list(AngebotPage.objects.descendant_of(page).values_list("pk", flat=True))


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def seite_geaendert(sender, instance, **kwargs):
    if not aktiv():
        return
    pks = _angebote_unter(instance)
    if pks:
        transaction.on_commit(lambda: angebote_index_aktualisieren.enqueue(pks))


@receiver(post_delete, sender=AngebotPage)
def angebot_geloescht(sender, instance, **kwargs):
    if aktiv():
        pk = instance.pk
        transaction.on_commit(lambda: angebote_index_aktualisieren.enqueue([pk]))


@receiver(post_delete, sender=TraegerPage)
@receiver(post_save, sender=Thema)
@receiver(post_delete, sender=Thema)
@receiver(post_save, sender=Zielgruppe)
@receiver(post_save, sender=Sprache)
@receiver(post_save, sender=Raum)
def vokabular_geaendert(sender, instance, **kwargs):
    if not aktiv() or kwargs.get("raw"):
        return
    # Once per transaction: an import or the demo loader saves many Räume and Themen in one go.
    connection = transaction.get_connection()
    if not any(callback is _neu_aufbauen for _, callback, _ in connection.run_on_commit):
        transaction.on_commit(_neu_aufbauen, robust=True)


def _neu_aufbauen():
    angebote_index_neu_aufbauen.enqueue()
