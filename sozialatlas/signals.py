"""Recompute the atlas when an indicator's released metadata changes (a new formula changes values)."""

from django.db import connection, transaction
from django.db.models.signals import post_delete, post_save

from . import cache
from .tasks import atlas_berechnen_task


def _neu_berechnen():
    atlas_berechnen_task.enqueue()


def indikator_freigegeben(sender, instance, **kwargs):
    # After commit, so the task (possibly in another process) sees the released formula; once per
    # transaction, however many indicators it releases (the demo loader releases several at once).
    if any(entry[1] is _neu_berechnen for entry in connection.run_on_commit):
        return
    transaction.on_commit(_neu_berechnen)


def oeffentliches_geaendert(**kwargs):
    """A change the public atlas (and every page with an atlas block) may show: stored pages are stale."""
    cache.invalidieren()


def verbinden():
    """Releases and withdrawals of values, the catalogue, the Räume and their Gliederungen. Values
    themselves are written in bulk (imports, `atlas_berechnen`) and become public only through a release;
    `atlas_berechnen` raises the version itself after writing."""
    from wagtail.signals import published, unpublished

    from .models import Handlungsfeld, Indikator, Raum, Teilbereich, WertFreigabe
    from .models.gliederung import Gliederungsraum, Raumgliederung

    for model in (WertFreigabe, Indikator, Raum, Teilbereich, Handlungsfeld, Raumgliederung, Gliederungsraum):
        label = model._meta.label
        post_save.connect(oeffentliches_geaendert, sender=model, dispatch_uid=f"seitencache_{label}_gespeichert")
        post_delete.connect(oeffentliches_geaendert, sender=model, dispatch_uid=f"seitencache_{label}_geloescht")
    for name, signal in (("published", published), ("unpublished", unpublished)):
        signal.connect(oeffentliches_geaendert, sender=Indikator, dispatch_uid=f"seitencache_indikator_{name}")
