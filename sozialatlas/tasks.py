"""Background tasks of the atlas (django-tasks): the full recomputation."""

from django_tasks import task

from .berechnung import atlas_berechnen


@task()
def atlas_berechnen_task():
    return atlas_berechnen()
