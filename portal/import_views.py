"""The admin upload every importer shares: upload, dry-run report, then import on confirmation.

Small files run inside the request. Files above `IMPORT_HINTERGRUND_AB_BYTES` run as a django-tasks task;
the upload then returns at once and the status page shows rows read, problems found and percent until
the run is done. Either way the dry run comes first, and only its uploader can confirm it.

An uploaded file waits in its own storage ("importe": outside the public media, with no URL, so nothing
serves it) and is deleted when its run ends (a failed dry run, the real run) or, unconfirmed, after
`IMPORT_AUFBEWAHRUNG_STUNDEN`: each upload and `manage.py importe_bereinigen` delete what has expired.
"""

import uuid
from datetime import timedelta

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.files.storage import storages
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views import View

from wagtail.admin.menu import MenuItem

from .models import ImportLauf
from .tasks import execute_import, run_import_task

UPLOAD_DIR = "imports"


def import_speicher():
    return storages["importe"]


def abgelaufen_seit():
    return timezone.now() - timedelta(hours=settings.IMPORT_AUFBEWAHRUNG_STUNDEN)


def abgelaufene_dateien_loeschen() -> int:
    """Delete the files of dry runs nobody confirmed in time; the number of runs cleaned up."""
    speicher = import_speicher()
    alte = ImportLauf.objects.filter(erstellt__lt=abgelaufen_seit()).exclude(dateien={})
    anzahl = 0
    for lauf in alte:
        for pfad in lauf.dateien.values():
            speicher.delete(pfad)
        lauf.dateien = {}
        lauf.save(update_fields=["dateien"])
        anzahl += 1
    return anzahl


TEMPLATE = "portal/admin/import.html"
NICHT_BESTAETIGBAR = _("Dieser Probelauf kann nicht mehr bestätigt werden. Bitte laden Sie die Datei erneut hoch.")


class UploadForm(forms.Form):
    datei = forms.FileField(label=_("Datei (CSV oder XLSX)"))


class ImportView(View):
    """Subclass with `importer_class`, `title`, `permission`; override `make_importer` for extra files."""

    importer_class = None
    title = ""
    permission = ""
    form_class = UploadForm

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(self.permission):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @classmethod
    def make_importer(cls, files, user):
        """`files` maps the form's extra file fields to open files (e.g. a GeoJSON beside the CSV);
        `user` is who uploaded (importers that keep revisions record it)."""
        return cls.importer_class()

    @classmethod
    def run_files(cls, stored, *, dry_run, user, progress=None):
        handles = {name: import_speicher().open(path, "rb") for name, path in stored.items()}
        try:
            importer = cls.make_importer({k: v for k, v in handles.items() if k != "datei"}, user)
            return importer.run(handles["datei"], dry_run=dry_run, progress=progress)
        finally:
            for handle in handles.values():
                handle.close()

    @staticmethod
    def cleanup(stored):
        for path in stored.values():
            import_speicher().delete(path)

    def render(self, form, lauf=None):
        return TemplateResponse(
            self.request, TEMPLATE, {"form": form, "lauf": lauf, "page_title": self.title, "header_title": self.title}
        )

    def get(self, request):
        return self.render(self.form_class())

    def post(self, request):
        token = request.POST.get("token")
        if token:
            return self.confirm(token)
        form = self.form_class(request.POST, request.FILES)
        if not form.is_valid():
            return self.render(form)
        abgelaufene_dateien_loeschen()
        prefix = uuid.uuid4().hex
        stored, size = {}, 0
        for name in self.form_class.base_fields:
            upload = form.cleaned_data.get(name)
            if upload:
                stored[name] = import_speicher().save(f"{UPLOAD_DIR}/{prefix}-{name}", upload)
                size += upload.size
        lauf = ImportLauf.objects.create(
            view=f"{type(self).__module__}.{type(self).__qualname__}",
            url=request.path,
            dateien=stored,
            probelauf=True,
            user=request.user,
        )
        return self.start(lauf, size, form)

    def start(self, lauf, size, form):
        if size > settings.IMPORT_HINTERGRUND_AB_BYTES:
            run_import_task.enqueue(lauf.pk)
            return redirect("portal_import_lauf", token=lauf.token)
        lauf = execute_import(lauf)
        if not lauf.probelauf and lauf.ergebnis["ok"]:
            messages.success(self.request, lauf.ergebnis["summary"])
            return redirect(self.request.path)
        return self.render(form, lauf)

    def confirm(self, token):
        try:
            uuid.UUID(token)
        except ValueError:
            token = None
        probe = ImportLauf.objects.filter(
            token=token,
            user=self.request.user,
            probelauf=True,
            bestaetigt=False,
            status=ImportLauf.Status.FERTIG,
            erstellt__gte=abgelaufen_seit(),
        ).first()
        if (
            probe is None
            or not probe.ergebnis["ok"]
            or not probe.dateien
            or not all(import_speicher().exists(p) for p in probe.dateien.values())
        ):
            messages.error(
                self.request,
                _("Dieser Probelauf kann nicht mehr bestätigt werden. Bitte laden Sie die Datei erneut hoch."),
            )
            return redirect(self.request.path)
        probe.bestaetigt = True
        probe.save(update_fields=["bestaetigt", "aktualisiert"])
        lauf = ImportLauf.objects.create(
            view=probe.view, url=probe.url, dateien=probe.dateien, probelauf=False, user=self.request.user
        )
        size = sum(import_speicher().size(p) for p in probe.dateien.values())
        return self.start(lauf, size, self.form_class())


def import_lauf_status(request, token):
    """The progress, then the report, of one import run; only its uploader sees it."""
    lauf = get_object_or_404(ImportLauf, token=token, user=request.user)
    return TemplateResponse(
        request,
        TEMPLATE,
        {"lauf": lauf, "page_title": _("Import"), "header_title": _("Import"), "zurueck": lauf.url},
    )


class PermissionMenuItem(MenuItem):
    """An admin menu entry shown only to users holding `permission`."""

    def __init__(self, *args, permission, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)
