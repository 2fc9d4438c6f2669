"""Release before publication: the review of indicator metadata (a Wagtail workflow on the Indikator
snippet, approved by Redaktion) and Sozialplanung's release of values per Indikator and Stichtag."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Count, Q

from wagtail.log_actions import log
from wagtail.models import GroupApprovalTask, Workflow, WorkflowContentType, WorkflowTask

from .models import EBENE_RANG, Ebene, Indikator, Raum, Wert, WertFreigabe, nr_schluessel

WORKFLOW_NAME = "Freigabe Indikatoren"
TASK_NAME = "Prüfung durch die Redaktion"


def indikator_workflow_einrichten(gruppe_name: str = "Redaktion") -> Workflow:
    """Create (or keep) the workflow and assign it to Indikator; safe to run any number of times."""
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first() or GroupApprovalTask.objects.create(name=TASK_NAME)
    task.groups.add(Group.objects.get_or_create(name=gruppe_name)[0])
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowContentType.objects.update_or_create(
        content_type=ContentType.objects.get_for_model(Indikator), defaults={"workflow": workflow}
    )
    return workflow


# --- release of values per Indikator and Stichtag ---------------------------------------------------

AKTION_FREIGEGEBEN = "sozialatlas.werte_freigegeben"
AKTION_ZURUECKGENOMMEN = "sozialatlas.werte_zurueckgenommen"


@dataclass
class Stichtagsstand:
    """One Indikator on one Stichtag as Sozialplanung sees it before (or after) releasing it."""

    indikator: Indikator
    stichtag: date
    werte: int  # values with a number or suppressed, on any level
    ebenen: list[tuple[str, int, int]]  # (Ebene label, Räume with a value, Räume of the level)
    freigabe: WertFreigabe | None = None

    @property
    def vollstaendig(self):
        return all(mit == alle for _e, mit, alle in self.ebenen)


def stichtagsstaende(*, freigegeben: bool | None = None, indikator=None) -> list[Stichtagsstand]:
    """Every (Indikator, Stichtag) that has values, with how complete each level is; `freigegeben`
    limits to released (True) or pending (False) ones."""
    freigaben = {(f.indikator_id, f.stichtag): f for f in WertFreigabe.objects.select_related("freigegeben_von")}
    werte = Wert.objects.filter(Q(wert__isnull=False) | Q(gesperrt=True))
    if indikator is not None:
        werte = werte.filter(indikator=indikator)
    zaehlung = defaultdict(dict)
    for indikator_id, stichtag, ebene, anzahl in (
        werte.values_list("indikator_id", "stichtag", "raum__ebene").annotate(anzahl=Count("id")).order_by()
    ):
        zaehlung[(indikator_id, stichtag)][ebene] = anzahl
    raeume_je_ebene = dict(Raum.objects.values_list("ebene").annotate(anzahl=Count("id")).order_by())
    indikatoren = Indikator.objects.in_bulk({i for i, _t in zaehlung})
    staende = []
    for (indikator_id, stichtag), ebenen in zaehlung.items():
        freigabe = freigaben.get((indikator_id, stichtag))
        if freigegeben is not None and (freigabe is not None) != freigegeben:
            continue
        staende.append(
            Stichtagsstand(
                indikator=indikatoren[indikator_id],
                stichtag=stichtag,
                werte=sum(ebenen.values()),
                ebenen=[
                    (Ebene(e).label, ebenen[e], raeume_je_ebene.get(e, 0)) for e in sorted(ebenen, key=EBENE_RANG.get)
                ],
                freigabe=freigabe,
            )
        )
    return sorted(staende, key=lambda s: (-s.stichtag.toordinal(), nr_schluessel(s.indikator.nr), s.indikator.name))


def werte_freigeben(indikator: Indikator, stichtag: date, user=None) -> WertFreigabe:
    """Release one Indikator's values on one Stichtag (idempotent); logged in the Indikator's history."""
    with transaction.atomic():
        freigabe, neu = WertFreigabe.objects.get_or_create(
            indikator=indikator, stichtag=stichtag, defaults={"freigegeben_von": user}
        )
        if neu:
            log(
                instance=indikator,
                action=AKTION_FREIGEGEBEN,
                user=user,
                data={"stichtag": stichtag.isoformat()},
            )
    return freigabe


def freigabe_zuruecknehmen(indikator: Indikator, stichtag: date, user=None, grund: str = "") -> bool:
    """Withdraw a release: the values leave the public pages until they are released again."""
    with transaction.atomic():
        geloescht, _anzahl = WertFreigabe.objects.filter(indikator=indikator, stichtag=stichtag).delete()
        if geloescht:
            log(
                instance=indikator,
                action=AKTION_ZURUECKGENOMMEN,
                user=user,
                data={"stichtag": stichtag.isoformat(), "grund": grund},
            )
    return bool(geloescht)


def alle_freigeben(user=None) -> int:
    """Release every pending Indikator and Stichtag (the demo loader; data that is public anyway)."""
    paare = set(Wert.objects.values_list("indikator_id", "stichtag").distinct().order_by())
    paare -= set(WertFreigabe.objects.values_list("indikator_id", "stichtag"))
    indikatoren = Indikator.objects.in_bulk({i for i, _t in paare})
    for indikator_id, stichtag in sorted(paare):
        werte_freigeben(indikatoren[indikator_id], stichtag, user)
    return len(paare)
