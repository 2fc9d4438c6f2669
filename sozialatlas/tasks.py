"""Background tasks of the atlas (django-tasks): the full recomputation, and a confirmed Werte upload."""

from django_tasks import task

from django.core.files.storage import default_storage

from .berechnung import atlas_berechnen


@task()
def atlas_berechnen_task():
    return atlas_berechnen()


@task()
def werte_importieren_task(pfad: str) -> dict:
    """Import an uploaded Werte file (already checked by a dry run) from storage, then delete it."""
    from .imports import WertImporter

    try:
        with default_storage.open(pfad, "rb") as handle:
            result = WertImporter().run(handle)
    finally:
        default_storage.delete(pfad)
    return {
        "ok": result.ok,
        "summary": result.summary(),
        "problems": [str(p) for p in result.problems],
        "changes": result.changes[:200],
    }
