"""The demo conferences: one open, one past, for the demo Planungsräume, loaded idempotently."""

from django.utils import timezone

from home.demo import load_demo
from konferenzen.models import Beitrag, BeitragStatus, Handlungsempfehlung, KonferenzPage


class _Still:
    def write(self, *args):
        pass


def test_demo_has_an_open_and_a_past_conference_with_beitraege_and_a_recommendation(demo, client):
    jetzt = timezone.now()
    konferenzen = list(KonferenzPage.objects.live())
    assert [k.beteiligung_offen(jetzt) for k in sorted(konferenzen, key=lambda k: k.beginn)] == [False, True]
    schluessel = {r.schluessel for k in konferenzen for r in k.raeume.all()}
    assert schluessel == {"PR-NORD", "PR-WEST", "PR-SUED"}
    assert Beitrag.objects.filter(status=BeitragStatus.FREIGEGEBEN).count() >= 3
    assert Beitrag.objects.filter(status=BeitragStatus.EINGEREICHT).count() >= 2
    empfehlung = Handlungsempfehlung.objects.get()
    assert empfehlung.status == "fachausschuss" and empfehlung.beitraege.count() == 2

    load_demo(_Still())
    assert KonferenzPage.objects.count() == 2 and Handlungsempfehlung.objects.count() == 1
    assert Beitrag.objects.count() == 8

    for url in ["/konferenzen/", "/konferenzen/empfehlungen/", *[k.url for k in konferenzen]]:
        assert client.get(url).status_code == 200, url
