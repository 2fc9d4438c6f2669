"""Background work of the Elasticsearch path: keeping the Angebote index in sync (django-tasks)."""

from django_tasks import task

from . import angebote_es


@task()
def angebote_index_aktualisieren(pks: list[int]):
    angebote_es.sicher(angebote_es.aktualisieren, pks)


@task()
def angebote_index_neu_aufbauen():
    angebote_es.sicher(angebote_es.neu_aufbauen)
