"""Recompute the atlas when an indicator's released metadata changes (a new formula changes values)."""

from django.db import connection, transaction

from .tasks import atlas_berechnen_task


def _neu_berechnen():
    atlas_berechnen_task.enqueue()


def indikator_freigegeben(sender, instance, **kwargs):
    # After commit, so the task (possibly in another process) sees the released formula; once per
    # transaction, however many indicators it releases (the demo loader releases several at once).
    if any(entry[1] is _neu_berechnen for entry in connection.run_on_commit):
        return
    transaction.on_commit(_neu_berechnen)
