from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KonferenzenConfig(AppConfig):
    name = "konferenzen"
    verbose_name = _("Planungskonferenzen")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from portal import seitencache

        from .models import Beitrag, Handlungsempfehlung, Massnahme, Planungsbezug, StatusSchritt, Unterstuetzung

        def oeffentliches_geaendert(**kwargs):
            # Beiträge, supports and Empfehlungen are shown on the conference pages and the Empfehlungen;
            # moderation's bulk decisions raise the version themselves (konferenzen/moderation.py).
            seitencache.invalidieren()

        for model in (Beitrag, Unterstuetzung, Handlungsempfehlung, StatusSchritt, Planungsbezug, Massnahme):
            label = model._meta.label
            post_save.connect(oeffentliches_geaendert, sender=model, weak=False, dispatch_uid=f"cache_{label}_s")
            post_delete.connect(oeffentliches_geaendert, sender=model, weak=False, dispatch_uid=f"cache_{label}_d")
