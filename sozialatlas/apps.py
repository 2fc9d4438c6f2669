from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SozialatlasConfig(AppConfig):
    name = "sozialatlas"
    verbose_name = _("Sozialatlas")

    def ready(self):
        from wagtail.signals import published

        from .models import Indikator
        from .signals import indikator_freigegeben, verbinden

        verbinden()

        published.connect(indikator_freigegeben, sender=Indikator, dispatch_uid="sozialatlas_indikator_freigegeben")
