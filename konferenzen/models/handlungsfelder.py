"""A stand-in Handlungsfeld until sozialatlas.Handlungsfeld exists (see docs/architecture/konferenzen.md).

Every other module imports Handlungsfeld through `konferenzen.models`, and every foreign key to it is
named `handlungsfeld`/`handlungsfelder`, so switching to the atlas's model is one migration per field
(matched by slug) plus this file's removal.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Handlungsfeld(models.Model):
    name = models.CharField(_("Name"), max_length=120, unique=True)
    slug = models.SlugField(_("Kurzname"), max_length=80, unique=True)
    reihenfolge = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)

    class Meta:
        verbose_name = _("Handlungsfeld")
        verbose_name_plural = _("Handlungsfelder")
        ordering = ["reihenfolge", "name"]

    def __str__(self):
        return self.name
