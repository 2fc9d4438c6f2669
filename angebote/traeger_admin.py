"""The Träger's admin: the dashboard panel »Ihre Angebote« with its two small actions (»Angaben sind
aktuell«, the shelter capacity light) and the editors' invitation of Träger users.

Both actions are dedicated POST forms (CSRF), not page edits: they need no moderation and are written to
Wagtail's audit log. Page permissions decide who may use them: `can_edit` on the Angebot.
"""

from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import PermissionDenied
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from wagtail.admin.ui.components import Component
from wagtail.log_actions import log
from wagtail.models import Page, TaskState, WorkflowState

from .kapazitaet import Platzstand, ist_schutzunterkunft, platz_melden, platzstaende
from .models import AngebotPage, TraegerPage
from .pruefung import als_aktuell_bestaetigen, ist_veraltet
from .rechte import traeger_gruppe

LOG_EINLADUNG = "angebote.einladung"

IN_PRUEFUNG, ABGELEHNT, ENTWURF, LIVE, NICHT_LIVE = "pruefung", "abgelehnt", "entwurf", "live", "nicht-live"
ZUSTAENDE = {
    IN_PRUEFUNG: gettext_lazy("in Prüfung bei der Redaktion"),
    ABGELEHNT: gettext_lazy("Änderungen abgelehnt"),
    ENTWURF: gettext_lazy("Entwurf, nicht eingereicht"),
    LIVE: gettext_lazy("veröffentlicht"),
    NICHT_LIVE: gettext_lazy("nicht veröffentlicht"),
}


def traeger_seiten(user):
    """The TraegerPages whose group the user belongs to, each once (the originals: their translations are
    the same Träger)."""
    return traeger_seiten_aller_sprachen(user).originale()


def traeger_seiten_aller_sprachen(user):
    """The same TraegerPages with their translations: the subtrees the user edits in every language."""
    return TraegerPage.objects.filter(group_permissions__group__user=user).distinct().order_by("title")


def ist_traeger_nutzer(user) -> bool:
    """Staff of Träger only: every group of theirs is a Träger group (editors and superusers are not)."""
    if not user.is_authenticated or user.is_superuser:
        return False
    gruppen = set(user.groups.values_list("pk", flat=True))
    traeger_gruppen = set(
        user.groups.filter(page_permissions__page__in=TraegerPage.objects.all()).values_list("pk", flat=True)
    )
    return bool(gruppen) and gruppen == traeger_gruppen


def sichtbare_seiten_ids(user) -> set[int]:
    """What a Träger user may see of the page tree in the admin: its own TraegerPages and their translations
    with everything below them, and the pages above them (root, start page, /hilfe/ in each language), which
    it passes through to get there."""
    eigene = list(traeger_seiten_aller_sprachen(user))
    if not eigene:
        return set()
    darunter = Q()
    for traeger in eigene:
        darunter |= Q(path__startswith=traeger.path)
    ids = set(Page.objects.filter(darunter).values_list("pk", flat=True))
    for traeger in eigene:
        ids |= set(Page.objects.ancestor_of(traeger).values_list("pk", flat=True))
    return ids


@dataclass
class Zeile:
    angebot: AngebotPage
    zustand: str
    kommentar: str
    veraltet: bool
    platzstand: Platzstand | None

    @property
    def zustand_text(self):
        return ZUSTAENDE[self.zustand]


def _workflow_zustaende(angebote) -> dict[str, tuple[str, str]]:
    """Per page id (str) the active workflow state and, when the Redaktion asked for changes, its comment."""
    states = WorkflowState.objects.active().filter(
        base_content_type__app_label="wagtailcore",
        base_content_type__model="page",
        object_id__in=[str(a.pk) for a in angebote],
    )
    result = {}
    for state in states:
        kommentar = ""
        if state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            abgelehnt = (
                TaskState.objects.filter(workflow_state=state, status=TaskState.STATUS_REJECTED)
                .order_by("-finished_at")
                .first()
            )
            kommentar = (abgelehnt.comment if abgelehnt else "") or ""
        result[state.object_id] = (state.status, kommentar)
    return result


def zustand(angebot, workflow_status: str | None) -> str:
    if workflow_status == WorkflowState.STATUS_IN_PROGRESS:
        return IN_PRUEFUNG
    if workflow_status == WorkflowState.STATUS_NEEDS_CHANGES:
        return ABGELEHNT
    if angebot.has_unpublished_changes:
        return ENTWURF
    return LIVE if angebot.live else NICHT_LIVE


def zeilen(user) -> list[Zeile]:
    """The user's Angebote (all pages below their Träger), in a fixed number of queries."""
    result = []
    for traeger in traeger_seiten(user):
        angebote = list(AngebotPage.objects.descendant_of(traeger).order_by("title").prefetch_related("themen"))
        workflow = _workflow_zustaende(angebote)
        lichter = platzstaende(angebote)
        for angebot in angebote:
            status, kommentar = workflow.get(str(angebot.pk), (None, ""))
            result.append(
                Zeile(angebot, zustand(angebot, status), kommentar, ist_veraltet(angebot), lichter.get(angebot.pk))
            )
    return result


class IhreAngebotePanel(Component):
    """Dashboard panel of Träger users: their listings with state, »zuletzt geprüft« and the two actions."""

    name = "ihre_angebote"
    template_name = "angebote/admin/ihre_angebote_panel.html"
    order = 50

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        return {
            "zeilen": zeilen(request.user),
            "traeger": list(traeger_seiten(request.user)),
            "request": request,
            # components render without the request's context processors; the forms need the token
            "csrf_token": get_token(request),
        }


def _bearbeitbares_angebot(request, page_id) -> AngebotPage:
    angebot = get_object_or_404(AngebotPage, pk=page_id)
    if not angebot.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return angebot


@require_POST
def angaben_aktuell(request, page_id):
    angebot = _bearbeitbares_angebot(request, page_id)
    als_aktuell_bestaetigen(angebot, request.user)
    messages.success(request, _("»%(titel)s« ist als aktuell bestätigt.") % {"titel": angebot.title})
    return redirect("wagtailadmin_home")


@require_POST
def platz_melden_view(request, page_id):
    angebot = _bearbeitbares_angebot(request, page_id)
    if not ist_schutzunterkunft(angebot) or request.POST.get("frei") not in ("1", "0"):
        raise PermissionDenied
    frei = request.POST["frei"] == "1"
    platz_melden(angebot, frei, request.user)
    text = _("Platz frei") if frei else _("kein Platz frei")
    messages.success(request, _("»%(titel)s«: %(text)s gemeldet.") % {"titel": angebot.title, "text": text})
    return redirect("wagtailadmin_home")


class EinladungForm(forms.Form):
    email = forms.EmailField(label=gettext_lazy("E-Mail-Adresse"))
    first_name = forms.CharField(label=gettext_lazy("Vorname"), max_length=150, required=False)
    last_name = forms.CharField(label=gettext_lazy("Nachname"), max_length=150, required=False)

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        user = get_user_model().objects.filter(email__iexact=email).first()
        if user is not None and (user.is_superuser or (user.groups.exists() and not ist_traeger_nutzer(user))):
            raise forms.ValidationError(
                _("Zu %(email)s gibt es schon ein Konto der Verwaltung; es kann keinem Träger zugeordnet werden.")
                % {"email": email}
            )
        return email


def einladung_senden(request, user, traeger):
    """An email with a link to set the password (Django's password reset token, valid for
    PASSWORD_RESET_TIMEOUT), through Wagtail's own password reset confirmation page."""
    url = request.build_absolute_uri(
        reverse(
            "wagtailadmin_password_reset_confirm",
            kwargs={
                "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
                "token": default_token_generator.make_token(user),
            },
        )
    )
    context = {
        "user": user,
        "traeger": traeger,
        "url": url,
        "login_url": request.build_absolute_uri(reverse("wagtailadmin_login")),
    }
    send_mail(
        _("Einladung: Angebote von %(traeger)s im Hilfeverzeichnis pflegen") % {"traeger": traeger.title},
        render_to_string("angebote/email/einladung.txt", context),
        None,
        [user.email],
    )


def einladen(request, page_id):
    """Editors (who may publish the TraegerPage) invite a person to the Träger's group; an existing
    Träger account is attached (several users per Träger), a new one gets a set-password link."""
    traeger = get_object_or_404(TraegerPage, pk=page_id)
    if not traeger.permissions_for_user(request.user).can_publish():
        raise PermissionDenied
    gruppe = traeger_gruppe(traeger)
    form = EinladungForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        User = get_user_model()
        with transaction.atomic():
            user = User.objects.filter(email__iexact=email).first()
            neu = user is None
            if neu:
                user = User(
                    username=email[:150],
                    email=email,
                    first_name=form.cleaned_data["first_name"],
                    last_name=form.cleaned_data["last_name"],
                )
                user.set_unusable_password()
                user.save()
            user.groups.add(gruppe)
            log(instance=traeger, action=LOG_EINLADUNG, user=request.user, data={"email": email, "neu": neu})
        if neu or not user.has_usable_password():
            einladung_senden(request, user, traeger)
            messages.success(request, _("Einladung an %(email)s versandt.") % {"email": email})
        else:
            messages.success(
                request, _("%(email)s kann jetzt auch die Angebote dieses Trägers pflegen.") % {"email": email}
            )
        return redirect("angebote_traeger_einladen", page_id=traeger.pk)
    context = {
        "traeger": traeger,
        "form": form,
        "mitglieder": gruppe.user_set.order_by("email"),
        "page_title": _("Nutzer*innen von %(traeger)s") % {"traeger": traeger.title},
    }
    return TemplateResponse(request, "angebote/admin/einladen.html", context)


def einladbare_traeger(user):
    """The TraegerPages whose users `user` may invite: those they may publish."""
    return [t for t in TraegerPage.objects.order_by("title") if t.permissions_for_user(user).can_publish()]


def einladen_uebersicht(request):
    """Beside the users admin: every Träger the editor may invite people to, with its users and the link."""
    traeger = einladbare_traeger(request.user)
    if not traeger:
        raise PermissionDenied
    context = {
        "eintraege": [(t, traeger_gruppe(t).user_set.order_by("email")) for t in traeger],
        "page_title": _("Träger-Nutzer*innen einladen"),
    }
    return TemplateResponse(request, "angebote/admin/einladen_uebersicht.html", context)
