import factory

from sozialatlas.models import Ebene, Einheit, Handlungsfeld, Indikator, Raum, Teilbereich


class RaumFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Raum
        django_get_or_create = ("schluessel",)

    schluessel = factory.Sequence(lambda n: f"R{n:04d}")
    name = factory.Sequence(lambda n: f"Raum {n}")
    ebene = Ebene.GEMEINDE
    lat = 53.9
    lon = 10.2


class HandlungsfeldFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Handlungsfeld
        django_get_or_create = ("name",)

    nr = "1"
    name = "Demografie"


class TeilbereichFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Teilbereich
        django_get_or_create = ("handlungsfeld", "name")

    handlungsfeld = factory.SubFactory(HandlungsfeldFactory)
    nr = "1.3"
    name = "Räumliche Bevölkerungsentwicklung"


class IndikatorFactory(factory.django.DjangoModelFactory):
    """Released (live) unless `live=False` is passed."""

    class Meta:
        model = Indikator
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"indikator_{n}")
    name = factory.LazyAttribute(lambda o: o.slug.replace("_", " ").title())
    teilbereich = factory.SubFactory(TeilbereichFactory)
    einheit = Einheit.ABSOLUT
    live = True


def wanderung_katalog():
    """The Anhalt-Bitterfeld data concept's indicators 1.3.1-1.3.3 plus Einwohner as the denominator."""
    return {
        "einwohner": IndikatorFactory(slug="einwohner", nr="1.1.1", name="Einwohner*innen"),
        "zuzuege": IndikatorFactory(
            slug="zuzuege", nr="1.3.1", name="Zuzüge über Bundes-, Landes-, Kreis- und Gemeindegrenzen"
        ),
        "fortzuege": IndikatorFactory(
            slug="fortzuege", nr="1.3.2", name="Fortzüge über Bundes-, Landes-, Kreis- und Gemeindegrenzen"
        ),
        "wanderungssaldo": IndikatorFactory(
            slug="wanderungssaldo",
            nr="1.3.3",
            name="Saldo räumlicher Bevölkerungsentwicklung (Wanderungssaldo)",
            formel="zuzuege - fortzuege",
        ),
        "saldo_je_1000": IndikatorFactory(
            slug="saldo_je_1000",
            nr="1.3.3.1",
            name="Wanderungssaldo je 1.000 Einwohner*innen",
            einheit=Einheit.JE_1000,
            formel="(zuzuege - fortzuege) / einwohner * 1000",
        ),
    }


def kleiner_raumbaum():
    """Kreis K > Planungsräume P1 (Analyseräume A1, A2) and P2 (A3)."""
    kreis = RaumFactory(schluessel="K", name="Kreis K", ebene=Ebene.KREIS)
    p1 = RaumFactory(schluessel="P1", name="Planungsraum 1", ebene=Ebene.PLANUNGSRAUM, parent=kreis)
    p2 = RaumFactory(schluessel="P2", name="Planungsraum 2", ebene=Ebene.PLANUNGSRAUM, parent=kreis)
    return {
        "K": kreis,
        "P1": p1,
        "P2": p2,
        "A1": RaumFactory(schluessel="A1", name="Analyseraum 1", ebene=Ebene.ANALYSERAUM, parent=p1),
        "A2": RaumFactory(schluessel="A2", name="Analyseraum 2", ebene=Ebene.ANALYSERAUM, parent=p1),
        "A3": RaumFactory(schluessel="A3", name="Analyseraum 3", ebene=Ebene.ANALYSERAUM, parent=p2),
    }
