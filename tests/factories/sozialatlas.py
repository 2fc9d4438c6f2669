import factory

from sozialatlas.models import Ebene, Raum


class RaumFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Raum
        django_get_or_create = ("schluessel",)

    schluessel = factory.Sequence(lambda n: f"R{n:04d}")
    name = factory.Sequence(lambda n: f"Raum {n}")
    ebene = Ebene.GEMEINDE
    lat = 53.9
    lon = 10.2
