"""Background tasks of the cross-app layer: running an admin import."""

import time

from django_tasks import task

from django.utils.module_loading import import_string

from .models import ImportLauf

PROGRESS_INTERVAL_SECONDS = 0.5


def execute_import(lauf: ImportLauf):
    """Run an ImportLauf to the end, reporting progress on the row so the admin can poll it."""
    view_class = import_string(lauf.view)
    ImportLauf.objects.filter(pk=lauf.pk).update(status=ImportLauf.Status.LAEUFT)
    last = [0.0]

    def progress(phase, done, total):
        now = time.monotonic()
        if now - last[0] >= PROGRESS_INTERVAL_SECONDS or done == total:
            last[0] = now
            ImportLauf.objects.filter(pk=lauf.pk).update(phase=str(phase), zeilen_fertig=done, zeilen_gesamt=total)

    try:
        result = view_class.run_files(lauf.dateien, dry_run=lauf.probelauf, user=lauf.user, progress=progress)
    except Exception:
        ImportLauf.objects.filter(pk=lauf.pk).update(status=ImportLauf.Status.ABGEBROCHEN)
        view_class.cleanup(lauf.dateien)
        raise
    lauf.refresh_from_db()
    lauf.ergebnis = result.as_dict()
    lauf.status = ImportLauf.Status.FERTIG
    lauf.save(update_fields=["ergebnis", "status", "aktualisiert"])
    if not lauf.probelauf or not result.ok:
        view_class.cleanup(lauf.dateien)
    return lauf


@task()
def run_import_task(lauf_pk: int):
    execute_import(ImportLauf.objects.get(pk=lauf_pk))


@task()
def cdn_purgen_task():
    """Every public page out of the reverse proxy or CDN (portal/cdn.py)."""
    from .cdn import alle_seiten_purgen

    alle_seiten_purgen()
