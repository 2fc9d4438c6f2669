from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AngeboteConfig(AppConfig):
    name = "angebote"
    verbose_name = _("Angebote")

    def ready(self):
        from django.db.models.signals import post_migrate

        from wagtail.signals import copy_for_translation_done

        from . import signals  # noqa: F401
        from .rechte import uebersetzung_uebernimmt_rechte

        post_migrate.connect(suchindex_fuellen, sender=self)
        copy_for_translation_done.connect(uebersetzung_uebernimmt_rechte, dispatch_uid="angebote_uebersetzung_rechte")


def suchindex_fuellen(sender, using="default", **kwargs):
    """After an upgrade the search index is built once: when it is empty but the register is not, or when
    a Thema has no words of its own yet (an index from before the Themen's words had their own table)."""
    from .models import AngebotPage, SuchEintrag, SuchThema, Thema
    from .suche import index

    leer = not SuchEintrag.objects.using(using).exists() and AngebotPage.objects.using(using).live().exists()
    if leer or Thema.objects.using(using).exclude(pk__in=SuchThema.objects.using(using).values("pk")).exists():
        index.aufbauen()
