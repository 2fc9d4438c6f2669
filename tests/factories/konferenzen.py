from datetime import timedelta

import factory

from django.utils import timezone

from konferenzen.models import Beitrag, BeitragArt, BeitragStatus, KonferenzIndexPage, KonferenzPage
from sozialatlas.models import Ebene
from tests.factories.sozialatlas import HandlungsfeldFactory, RaumFactory


class PlanungsraumFactory(RaumFactory):
    ebene = Ebene.PLANUNGSRAUM
    name = factory.Sequence(lambda n: f"Planungsraum {n}")


class KonferenzPageFactory(factory.django.DjangoModelFactory):
    """A published KonferenzPage under the site's KonferenzIndexPage (needs the `site_tree` fixture),
    with its participation window open unless told otherwise."""

    class Meta:
        model = KonferenzPage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Planungskonferenz {n}")
    slug = factory.Sequence(lambda n: f"konferenz-{n}")
    beginn = factory.LazyFunction(lambda: timezone.now() + timedelta(days=14))
    beteiligung_ab = factory.LazyFunction(lambda: timezone.now() - timedelta(days=1))
    beteiligung_bis = factory.LazyFunction(lambda: timezone.now() + timedelta(days=7))
    ort = "Kreishaus, Sitzungssaal"

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        page = model_class(*args, **kwargs)
        KonferenzIndexPage.objects.get().add_child(instance=page)
        page.save_revision().publish()
        return page

    @factory.post_generation
    def raeume(self, create, extracted, **kwargs):
        raeume = extracted if extracted is not None else [PlanungsraumFactory()]
        self.raeume.set(raeume)
        self.save()


class BeitragFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Beitrag

    konferenz = factory.SubFactory(KonferenzPageFactory)
    art = BeitragArt.BEDARFSMELDUNG
    text = factory.Sequence(lambda n: f"Es fehlt ein Angebot Nummer {n} für Familien.")
    raum = factory.LazyAttribute(lambda b: b.konferenz.raeume.first())
    handlungsfeld = factory.SubFactory(HandlungsfeldFactory)
    status = BeitragStatus.EINGEREICHT
