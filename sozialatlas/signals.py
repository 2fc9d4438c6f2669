"""Recompute the atlas when an indicator's released metadata changes (a new formula changes values)."""

from django.db import transaction

from .tasks import atlas_berechnen_task


def indikator_freigegeben(sender, instance, **kwargs):
    # After commit: the task (possibly another process) must see the released formula.
    transaction.on_commit(atlas_berechnen_task.enqueue)
