from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Redaktionelle Seiten")

    def ready(self):
        import mimetypes

        # Captions of the Gebärdensprache videos are served as documents; browsers want text/vtt for them.
        mimetypes.add_type("text/vtt", ".vtt")
