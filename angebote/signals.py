"""Keeps derived data right when content changes: search text, typo vocabulary and cached pages."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from wagtail.signals import page_published, page_unpublished, post_page_move

from sozialatlas.models import Raum

from .models import AngebotPage, Sprache, Thema, TraegerPage, Zielgruppe
from .search import vokabular_invalidieren
from .suchtext import aktualisiere_suchtext
from .versorgung import nach_commit_neu_berechnen


@receiver(post_save, sender=Thema)
def thema_geaendert(sender, instance, **kwargs):
    """A Thema's Suchbegriffe are part of every filed Angebot's search text."""
    if kwargs.get("raw"):
        return
    for angebot in AngebotPage.objects.filter(themen=instance).prefetch_related(
        "themen", "zielgruppen", "sprachen", "standorte__raum"
    ):
        aktualisiere_suchtext(angebot)
        AngebotPage.objects.filter(pk=angebot.pk).update(suchtext=angebot.suchtext, suchtitel=angebot.suchtitel)
    vokabular_invalidieren()


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def seite_geaendert(sender, instance, **kwargs):
    vokabular_invalidieren()


@receiver(post_save, sender=AngebotPage)
@receiver(post_delete, sender=AngebotPage)
@receiver(post_delete, sender=TraegerPage)
@receiver(post_save, sender=Zielgruppe)
@receiver(post_save, sender=Sprache)
@receiver(post_save, sender=Raum)
@receiver(post_delete, sender=Thema)
def vokabular_geaendert(sender, instance, **kwargs):
    vokabular_invalidieren()


@receiver(page_published, sender=AngebotPage)
@receiver(page_unpublished, sender=AngebotPage)
@receiver(post_page_move, sender=AngebotPage)
@receiver(post_delete, sender=AngebotPage)
def versorgung_geaendert(sender, instance, **kwargs):
    """Standorte are published with their Angebot, so these cover every change of the supply indicators."""
    nach_commit_neu_berechnen()
