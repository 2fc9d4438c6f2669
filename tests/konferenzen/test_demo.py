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


def test_each_demo_conference_offers_its_own_themen_each_once(demo):
    from konferenzen.forms import BeitragForm

    for konferenz in KonferenzPage.objects.live():
        gewaehlt = [f for f in BeitragForm(konferenz=konferenz).fields["handlungsfeld"].queryset]
        namen = [f.name for f in gewaehlt]
        assert namen and set(namen) == set(konferenz.handlungsfelder.values_list("name", flat=True))
        assert len({f.nr for f in gewaehlt}) == len(gewaehlt), namen  # no field twice under two names
        assert "Demografie" not in namen and "Versorgung" not in namen  # atlas-only fields
        for name in namen:
            assert not [n for n in namen if n != name and n.startswith(name)], namen
    nord = KonferenzPage.objects.get(slug="planungskonferenz-nord")
    assert "Gesundheit" in nord.handlungsfelder.values_list("name", flat=True)
