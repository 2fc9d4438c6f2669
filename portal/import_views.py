"""The admin upload every importer shares: upload, dry-run report, then import on confirmation."""

import uuid
from pathlib import Path

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.files.storage import default_storage
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.views import View

from wagtail.admin.menu import MenuItem

UPLOAD_DIR = "imports"


class UploadForm(forms.Form):
    datei = forms.FileField(label=_("Datei (CSV oder XLSX)"))


class ImportView(View):
    """Subclass with `importer_class`, `title`, `permission` and `make_importer` where it needs more files."""

    importer_class = None
    title = ""
    permission = ""
    template_name = "portal/admin/import.html"
    form_class = UploadForm
    url_name = ""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(self.permission):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def render(self, form, result=None, token=None):
        return TemplateResponse(
            self.request,
            self.template_name,
            {"form": form, "result": result, "token": token, "page_title": self.title, "header_title": self.title},
        )

    def get(self, request):
        return self.render(self.form_class())

    def stored_paths(self, token):
        return {name: f"{UPLOAD_DIR}/{token}-{name}" for name in self.form_class.base_fields}

    def make_importer(self, files):
        return self.importer_class()

    def post(self, request):
        token = request.POST.get("token")
        if token:
            return self.confirm(token)
        form = self.form_class(request.POST, request.FILES)
        if not form.is_valid():
            return self.render(form)
        token = uuid.uuid4().hex
        paths = self.stored_paths(token)
        files = {}
        for name, path in paths.items():
            upload = form.cleaned_data.get(name)
            if upload:
                files[name] = default_storage.save(path, upload)
        result = self.run(files, dry_run=True)
        if not result.ok:
            self.cleanup(files)
            token = None
        else:
            request.session[f"import-{token}"] = files
        return self.render(form, result, token)

    def run(self, files, *, dry_run):
        handles = {name: default_storage.open(path, "rb") for name, path in files.items()}
        try:
            importer = self.make_importer({k: v for k, v in handles.items() if k != "datei"})
            return importer.run(handles["datei"], dry_run=dry_run)
        finally:
            for handle in handles.values():
                handle.close()

    def cleanup(self, files):
        for path in files.values():
            default_storage.delete(path)

    def confirm(self, token):
        files = self.request.session.pop(f"import-{token}", None)
        if not files or not all(Path(p).name.startswith(token) for p in files.values()):
            messages.error(
                self.request, _("Die hochgeladene Datei ist nicht mehr vorhanden. Bitte laden Sie sie erneut hoch.")
            )
            return redirect(self.request.path)
        result = self.run(files, dry_run=False)
        self.cleanup(files)
        if result.ok:
            messages.success(self.request, result.summary())
            return redirect(self.request.path)
        return self.render(self.form_class(), result)


class PermissionMenuItem(MenuItem):
    """An admin menu entry shown only to users holding `permission`."""

    def __init__(self, *args, permission, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)
