from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SozialatlasConfig(AppConfig):
    name = "sozialatlas"
    verbose_name = _("Sozialatlas")
