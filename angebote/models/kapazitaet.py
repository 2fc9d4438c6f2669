"""The capacity light of a shelter (Frauenhaus): the Träger's latest report, kept outside the page's revisions."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Kapazitaet(models.Model):
    """The latest report per shelter Angebot; the history of reports is in Wagtail's audit log."""

    angebot = models.OneToOneField(
        "angebote.AngebotPage", on_delete=models.CASCADE, primary_key=True, related_name="kapazitaet"
    )
    frei = models.BooleanField(_("mindestens ein Platz frei"))
    gemeldet_am = models.DateTimeField(_("gemeldet am"))
    gemeldet_von = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("Platzmeldung")
        verbose_name_plural = _("Platzmeldungen")

    def __str__(self):
        return f"{self.angebot_id}: {'frei' if self.frei else 'belegt'} ({self.gemeldet_am:%Y-%m-%d %H:%M})"
