"""The public Beitrag form and the filter of the Empfehlungen list."""

from django import forms
from django.utils.translation import gettext_lazy as _

from sozialatlas.models.raum import EBENE_RANG

from .beteiligung import waehlbare_handlungsfelder, waehlbare_raeume
from .models import BeitragArt, EmpfehlungStatus, Handlungsfeld
from .models.beitraege import NAME_MAX, TEXT_MAX, ZIELGRUPPE_MAX

TEXT_MIN = 10


class NameChoiceField(forms.ModelChoiceField):
    """Räume and Handlungsfelder by their plain name (no level, no catalogue number)."""

    def label_from_instance(self, obj):
        return obj.name


def ort_auswahl(raeume):
    """The Ort list: grouped by level, largest first, each group by name. A Raum whose only Teilraum in the
    list is the same place again (the Analyseraum »Bad Segeberg« of the Gemeinde »Bad Segeberg, Stadt«)
    is left out; its Teilraum stands for it."""
    raeume = list(raeume)
    teilraeume = {}
    for raum in raeume:
        teilraeume.setdefault(raum.parent_id, []).append(raum)
    gruppen = {}
    for raum in sorted(raeume, key=lambda r: (EBENE_RANG[r.ebene], r.name)):
        if len(teilraeume.get(raum.pk, [])) == 1:
            continue
        gruppen.setdefault(raum.get_ebene_display(), []).append((raum.pk, raum.name))
    return [("", _("Bitte wählen")), *gruppen.items()]


def oberraeume(raum):
    """The Räume `raum` lies in: its parent, the parent's parent, and so on."""
    ueber = []
    while raum.parent_id and len(ueber) < 10:
        raum = raum.parent
        ueber.append(raum)
    return ueber


def ort_fuer_punkt(konferenz, lat, lon, raeume):
    """The smallest of `raeume` containing the point, or a German message why there is none."""
    from .geo import im_kreis, raum_fuer_punkt

    if not im_kreis(lat, lon):
        return None, _(
            "Der Punkt auf der Karte liegt außerhalb des Kreises. Bitte wählen Sie einen Punkt im "
            "Kreis oder einen Ort aus der Liste."
        )
    raum = raum_fuer_punkt(lat, lon, raeume)
    if raum is None:
        return None, _(
            "Der Punkt auf der Karte liegt nicht im Gebiet dieser Konferenz. Bitte wählen Sie einen "
            "Punkt in %(raeume)s oder einen Ort aus der Liste."
        ) % {"raeume": ", ".join(r.name for r in konferenz.raeume.order_by("name"))}
    return raum, None


class BeitragForm(forms.Form):
    art = forms.ChoiceField(
        label=_("Art des Beitrags"),
        choices=BeitragArt.choices,
        widget=forms.RadioSelect,
        initial=BeitragArt.BEDARFSMELDUNG,
    )
    raum = NameChoiceField(
        label=_("Ort"),
        queryset=None,
        required=False,
        empty_label=_("Bitte wählen"),
        help_text=_("Für welche Stadt, welches Amt oder welche Gemeinde gilt Ihr Beitrag?"),
    )
    # A point chosen on the map (optional; the script fills these in): resolved to the Raum containing it.
    lat = forms.FloatField(required=False, min_value=-90, max_value=90, widget=forms.HiddenInput)
    lon = forms.FloatField(required=False, min_value=-180, max_value=180, widget=forms.HiddenInput)
    handlungsfeld = NameChoiceField(label=_("Thema"), queryset=None, empty_label=_("Bitte wählen"))
    zielgruppe = forms.CharField(
        label=_("Für wen? (freiwillig)"),
        required=False,
        max_length=ZIELGRUPPE_MAX,
        help_text=_("z. B. Alleinerziehende, ältere Menschen, Jugendliche"),
    )
    text = forms.CharField(
        label=_("Ihr Beitrag"),
        min_length=TEXT_MIN,
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Bei einer Bedarfsmeldung: Was fehlt, für wen und wo? Höchstens %(max)d Zeichen.")
        % {"max": TEXT_MAX},
    )
    name = forms.CharField(
        label=_("Ihr Name (freiwillig, wird angezeigt)"), required=False, max_length=NAME_MAX, strip=True
    )
    email = forms.EmailField(
        label=_("Ihre E-Mail-Adresse (freiwillig, wird nie angezeigt)"),
        required=False,
        help_text=_("Nur für eine Nachricht, wenn Ihr Beitrag beantwortet wird oder eine Empfehlung daraus entsteht."),
    )
    einwilligung = forms.BooleanField(
        label=_(
            "Ich bin einverstanden, dass meine E-Mail-Adresse gespeichert wird, um mich über meinen Beitrag zu "
            "benachrichtigen. Ich kann die Einwilligung jederzeit widerrufen."
        ),
        required=False,
    )
    # Honeypot: hidden from people (CSS and aria-hidden), filled in by naive bots.
    webseite = forms.CharField(label=_("Bitte leer lassen"), required=False)

    def __init__(self, *args, konferenz, organisation=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.konferenz = konferenz
        self.fields["raum"].queryset = waehlbare_raeume(konferenz)
        self.fields["raum"].choices = ort_auswahl(self.fields["raum"].queryset)
        self.fields["handlungsfeld"].queryset = waehlbare_handlungsfelder(konferenz)
        self.fields["webseite"].widget.attrs.update({"autocomplete": "off", "tabindex": "-1"})
        self.fields["email"].widget.attrs.update({"autocomplete": "email"})
        self.fields["name"].widget.attrs.update({"autocomplete": "name"})
        if organisation:
            # Organisations post under their verified name; no name/email fields for them.
            for feld in ("name", "email", "einwilligung"):
                del self.fields[feld]

        for name, feld in self.fields.items():
            if feld.help_text:
                feld.widget.attrs["aria-describedby"] = f"id_{name}-hilfe"

    def full_clean(self):
        super().full_clean()
        # Screen readers announce the error with the field it belongs to.
        for name in self.errors:
            if name in self.fields:
                feld = self.fields[name]
                beschrieben = [feld.widget.attrs.get("aria-describedby", ""), f"id_{name}-fehler"]
                feld.widget.attrs.update(
                    {"aria-invalid": "true", "aria-describedby": " ".join(filter(None, beschrieben))}
                )

    def clean(self):
        daten = super().clean()
        if daten.get("webseite"):
            raise forms.ValidationError(
                _("Ihr Beitrag konnte nicht angenommen werden. Bitte lassen Sie das Feld »Bitte leer lassen« leer."),
                code="honeypot",
            )
        self._ort_pruefen(daten)
        if daten.get("email") and not daten.get("einwilligung"):
            self.add_error(
                "einwilligung",
                _(
                    "Wenn Sie eine E-Mail-Adresse angeben, bestätigen Sie bitte die Einwilligung, "
                    "oder lassen Sie die Adresse weg."
                ),
            )
        return daten

    def _ort_pruefen(self, daten):
        """A point on the map wins over the list: it becomes the Raum containing it. When the list names a
        place the point is not in, that choice is kept as `raum_liste` for the moderators."""
        lat, lon = daten.get("lat"), daten.get("lon")
        if lat is not None and lon is not None:
            raum, fehler = ort_fuer_punkt(self.konferenz, lat, lon, self.fields["raum"].queryset)
            if fehler:
                self.add_error("raum", fehler)
                return
            liste = daten.get("raum")
            if liste and liste != raum and liste.pk not in {r.pk for r in oberraeume(raum)}:
                daten["raum_liste"] = liste
            daten["raum"] = raum
        elif not daten.get("raum") and "raum" not in self.errors:
            self.add_error("raum", _("Bitte wählen Sie einen Ort aus der Liste oder auf der Karte."))


class EmpfehlungFilterForm(forms.Form):
    status = forms.ChoiceField(label=_("Stand"), required=False, choices=[("", _("alle"))] + EmpfehlungStatus.choices)
    handlungsfeld = NameChoiceField(
        label=_("Thema"), required=False, queryset=Handlungsfeld.objects.all(), empty_label=_("alle")
    )
    raum = NameChoiceField(label=_("Raum"), required=False, queryset=None, empty_label=_("alle"))

    def __init__(self, *args, raeume, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["raum"].queryset = raeume
