"""Background work of the register search (django-tasks): reindexing many Angebote after a vocabulary
change, and keeping an Elasticsearch index in step when that engine is on."""

import logging

from django_tasks import task

from .suche import index

logger = logging.getLogger(__name__)


@task()
def suchindex_aktualisieren(pks: list[int]):
    index.aktualisieren(pks)
    cluster_aktualisieren.call(pks)


@task()
def cluster_aktualisieren(pks: list[int]):
    """The cluster's documents of these Angebote; a failure must not break a publish (logged, and
    `manage.py suchindex_aufbauen` repairs)."""
    from .suche import elasticsearch

    if not elasticsearch.aktiv():
        return
    try:
        elasticsearch.aktualisieren(pks)
    except Exception:
        logger.exception("Angebote-Index im Cluster: Aktualisierung fehlgeschlagen")


@task()
def cluster_neu_aufbauen():
    from .suche import elasticsearch

    if not elasticsearch.aktiv():
        return
    try:
        elasticsearch.neu_aufbauen()
    except Exception:
        logger.exception("Angebote-Index im Cluster: Neuaufbau fehlgeschlagen")
