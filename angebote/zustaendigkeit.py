"""Zuständigkeit of an Angebot: the Gemeinden whose residents it is responsible for, from its
Zuständigkeitsraum (an area of a Raumgliederung, Analyseräume counting with all their Gemeinden) and its
list of Gemeinden. The register's search asks `zustaendige_gemeinde_ids` ("für Ihren Wohnort zuständig");
HSDS `service_areas` are built from it."""

from collections import defaultdict

from sozialatlas.models import Ebene, Raum


def _gemeinden_unter(raum_ids, kinder, ebene) -> set[int]:
    gefunden, offen = set(), list(raum_ids)
    while offen:
        pk = offen.pop()
        if ebene.get(pk) == Ebene.GEMEINDE:
            gefunden.add(pk)
        offen.extend(kinder.get(pk, ()))
    return gefunden


def _baum():
    kinder, ebene = defaultdict(list), {}
    for pk, parent, e in Raum.objects.values_list("id", "parent_id", "ebene"):
        ebene[pk] = e
        if parent is not None:
            kinder[parent].append(pk)
    return kinder, ebene


def zustaendige_gemeinde_ids_fuer(angebote) -> dict[int, set[int]]:
    """{Angebot page id: Raum ids of the Gemeinden it is responsible for} for many Angebote at once
    (three queries however many); an Angebot that names no Zuständigkeit gets an empty set."""
    from angebote.models import AngebotPage
    from sozialatlas.models import Gliederungsraum

    ids = [a.pk if hasattr(a, "pk") else int(a) for a in angebote]
    direkt = defaultdict(set)
    for angebot_id, raum_id in AngebotPage.zustaendig_fuer.through.objects.filter(angebotpage_id__in=ids).values_list(
        "angebotpage_id", "raum_id"
    ):
        direkt[angebot_id].add(raum_id)
    gebiet_von = dict(
        AngebotPage.objects.filter(pk__in=ids, zustaendigkeitsraum__isnull=False).values_list(
            "pk", "zustaendigkeitsraum_id"
        )
    )
    mitglieder = defaultdict(set)
    if gebiet_von:
        for gebiet_id, raum_id in Gliederungsraum.mitglieder.through.objects.filter(
            gliederungsraum_id__in=set(gebiet_von.values())
        ).values_list("gliederungsraum_id", "raum_id"):
            mitglieder[gebiet_id].add(raum_id)
    if not direkt and not mitglieder:
        return {pk: set() for pk in ids}
    kinder, ebene = _baum()
    return {
        pk: _gemeinden_unter(direkt.get(pk, set()) | mitglieder.get(gebiet_von.get(pk), set()), kinder, ebene)
        for pk in ids
    }


def zustaendige_gemeinde_ids(angebot) -> set[int]:
    """Raum ids of the Gemeinden `angebot` (an AngebotPage or its id) is responsible for; empty when it
    names no Zuständigkeit."""
    pk = angebot.pk if hasattr(angebot, "pk") else int(angebot)
    return zustaendige_gemeinde_ids_fuer([pk])[pk]
