"""Admin forms the portal replaces: the login form with German labels."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms.auth import LoginForm


class AnmeldeForm(LoginForm):
    """Wagtail's login form names its password field in code ("Password"); this one says it in German."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Passwort")
        self.fields["password"].widget.attrs["placeholder"] = _("Passwort eingeben")
