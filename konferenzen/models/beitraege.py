"""Beiträge (contributions) to a Planungskonferenz and the supports a Bedarfsmeldung collects."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

TEXT_MAX = 2000
NAME_MAX = 100
ZIELGRUPPE_MAX = 200


class BeitragArt(models.TextChoices):
    KOMMENTAR = "kommentar", _("Kommentar")
    BEDARFSMELDUNG = "bedarfsmeldung", _("Bedarfsmeldung")
    ANGEBOTSHINWEIS = "angebotshinweis", _("Hinweis auf ein Angebot")


class Rolle(models.TextChoices):
    BUERGER = "buerger", _("Bürger*in")
    TRAEGER = "traeger", _("Träger")
    GEMEINDE = "gemeinde", _("Gemeinde")
    VERWALTUNG = "verwaltung", _("Verwaltung")


class BeitragStatus(models.TextChoices):
    EINGEREICHT = "eingereicht", _("wartet auf Prüfung")
    FREIGEGEBEN = "freigegeben", _("freigegeben")
    ABGELEHNT = "abgelehnt", _("abgelehnt")
    ENTFERNT = "entfernt", _("entfernt")


class BeitragQuerySet(models.QuerySet):
    def oeffentlich(self):
        """What the public may see: approved, plus removed ones as a placeholder note without their text."""
        return self.filter(status__in=[BeitragStatus.FREIGEGEBEN, BeitragStatus.ENTFERNT])

    def freigegeben(self):
        return self.filter(status=BeitragStatus.FREIGEGEBEN)


class Beitrag(models.Model):
    konferenz = models.ForeignKey(
        "konferenzen.KonferenzPage", on_delete=models.CASCADE, related_name="beitraege", verbose_name=_("Konferenz")
    )
    art = models.CharField(_("Art"), max_length=20, choices=BeitragArt.choices, default=BeitragArt.KOMMENTAR)
    text = models.TextField(_("Text"), max_length=TEXT_MAX)
    raum = models.ForeignKey(
        "sozialatlas.Raum", on_delete=models.PROTECT, related_name="beitraege", verbose_name=_("Raum")
    )
    # Set only when the point on the map (which decides `raum`) lies outside the place chosen in the list:
    # moderators see that the two disagree.
    raum_liste = models.ForeignKey(
        "sozialatlas.Raum",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("in der Liste gewählter Ort"),
        help_text=_("Nur gesetzt, wenn der Punkt auf der Karte in einem anderen Ort liegt."),
    )
    handlungsfeld = models.ForeignKey(
        "sozialatlas.Handlungsfeld", on_delete=models.PROTECT, related_name="beitraege", verbose_name=_("Handlungsfeld")
    )
    zielgruppe = models.CharField(_("Zielgruppe"), max_length=ZIELGRUPPE_MAX, blank=True)
    handlungsraum = models.ForeignKey(
        "sozialatlas.Gliederungsraum",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="beitraege",
        verbose_name=_("Handlungsraum"),
        limit_choices_to={"gliederung__art": "handlungsraeume"},
        help_text=_("Optional: der Handlungsraum einer Fachplanung, auf den sich der Beitrag bezieht."),
    )

    # Who wrote it. Name and email are personal data: wiped on request and after the retention period.
    rolle = models.CharField(_("Rolle"), max_length=20, choices=Rolle.choices, default=Rolle.BUERGER)
    organisation = models.CharField(_("Organisation"), max_length=200, blank=True)
    verifiziert = models.BooleanField(_("verifizierte Organisation"), default=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Konto"),
    )
    name = models.CharField(_("Name"), max_length=NAME_MAX, blank=True)
    email = models.EmailField(_("E-Mail (nie öffentlich)"), blank=True, db_index=True)
    einwilligung = models.BooleanField(_("Einwilligung in Benachrichtigungen"), default=False)
    personendaten_geloescht_am = models.DateTimeField(_("Personendaten gelöscht am"), null=True, blank=True)

    # The interface language the Beitrag was written in (residents post in any of the citizen languages).
    sprache = models.CharField(
        _("Sprache"), max_length=8, choices=[(code, name) for code, name in settings.LANGUAGES], default="de"
    )
    erstellt_am = models.DateTimeField(_("eingereicht am"), auto_now_add=True, db_index=True)
    status = models.CharField(
        _("Status"), max_length=20, choices=BeitragStatus.choices, default=BeitragStatus.EINGEREICHT, db_index=True
    )
    links_freigegeben = models.BooleanField(
        _("Links anklickbar"), default=False, help_text=_("Adressen im Text werden nur nach Prüfung zu Links.")
    )
    moderiert_am = models.DateTimeField(_("geprüft am"), null=True, blank=True)
    moderiert_von = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("geprüft von"),
    )
    grund = models.TextField(_("Begründung der Ablehnung oder Entfernung"), blank=True)
    stellungnahme = models.TextField(_("Stellungnahme der Sozialplanung"), blank=True)
    stellungnahme_am = models.DateTimeField(_("Stellungnahme vom"), null=True, blank=True)

    objects = BeitragQuerySet.as_manager()

    class Meta:
        verbose_name = _("Beitrag")
        verbose_name_plural = _("Beiträge")
        ordering = ["-erstellt_am"]
        indexes = [models.Index(fields=["konferenz", "status"])]

    def __str__(self):
        return f"{self.get_art_display()} #{self.pk}: {self.text[:60]}"

    @property
    def url(self):
        """The public page of this Beitrag (what became of it), below its conference."""
        return self.konferenz.url + self.konferenz.reverse_subpage("beitrag", args=(self.pk,))

    @property
    def absender(self):
        """The public byline: a verified organisation, or "Bürger*in aus <Raum>" (with the name, if given)."""
        if self.verifiziert and self.organisation:
            return self.organisation
        herkunft = _("Bürger*in aus %(raum)s") % {"raum": self.raum.name}
        return f"{self.name} ({herkunft})" if self.name else herkunft

    @property
    def unterstuetzungen_anzahl(self):
        return self.unterstuetzungen.count()


class Unterstuetzung(models.Model):
    """One support of a Bedarfsmeldung per supporter: a keyed hash of the Beitrag and the account or address
    (konferenzen.beteiligung.unterstuetzer), which nobody can turn back into the address."""

    beitrag = models.ForeignKey(Beitrag, on_delete=models.CASCADE, related_name="unterstuetzungen")
    unterstuetzer = models.CharField(max_length=64)
    erstellt_am = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Unterstützung")
        verbose_name_plural = _("Unterstützungen")
        constraints = [
            models.UniqueConstraint(fields=["beitrag", "unterstuetzer"], name="unterstuetzung_einmal_je_unterstuetzer")
        ]

    def __str__(self):
        return f"Unterstützung für Beitrag #{self.beitrag_id}"


class Benachrichtigung(models.Model):
    """News for a consenting author, waiting for (or recorded in) an email; see konferenzen.benachrichtigungen."""

    email = models.EmailField(_("E-Mail"), db_index=True)
    beitrag = models.ForeignKey(Beitrag, on_delete=models.CASCADE, related_name="benachrichtigungen")
    text = models.TextField(_("Nachricht"))
    erstellt_am = models.DateTimeField(auto_now_add=True)
    gesendet_am = models.DateTimeField(null=True, blank=True, db_index=True)

    class Meta:
        verbose_name = _("Benachrichtigung")
        verbose_name_plural = _("Benachrichtigungen")
        ordering = ["erstellt_am", "id"]

    def __str__(self):
        return f"{self.email}: {self.text[:60]}"
