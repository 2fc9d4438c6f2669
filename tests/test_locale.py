"""The Django catalogues in locale/: every UI string of the citizen side is translated into every language
of the citizen side, nothing fuzzy, and the compiled catalogue is what Django serves."""

import fnmatch
import subprocess
from pathlib import Path

import polib
import pytest

from django.conf import settings
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import translation

SPRACHEN = ["en", "tr", "ar", "uk", "ru"]
LOCALE = Path(settings.LOCALE_PATHS[0])

# Where the citizen side's UI strings come from: the site frame, error pages, home (with the legal and
# accessible pages), the register's public pages, and a Planungskonferenz with its form and answers. The admin, the
# Sozialatlas and e-mails to staff may stay German for now.
BUERGERSEITE = [
    "templates/base.html",
    "templates/404.html",
    "templates/500.html",
    "templates/includes/*",
    "templates/blocks/*",
    "templates/home/*",
    "templates/angebote/*",
    "templates/konferenzen/includes/beitrag_form.html",
    "templates/konferenzen/includes/feld.html",
    "templates/konferenzen/konferenz_page.html",
    "templates/konferenzen/beitrag.html",
    "konferenzen/views.py",
    "angebote/views.py",
    "angebote/kapazitaet.py",
    "angebote/gewaltschutz.py",
    "angebote/detail.py",
    "konferenzen/forms.py",
]
NICHT_BUERGERSEITE = ["*/admin/*", "*/email/*"]
# Choice labels that model files hold but citizen pages show (weekdays of the opening hours, a
# Standort's access, the state of an Angebot, the kind of a Beitrag).
AUS_MODELLEN = {
    "Montag",
    "Dienstag",
    "Mittwoch",
    "Donnerstag",
    "Freitag",
    "Samstag",
    "Sonntag",
    "teilweise barrierefrei",
    "nicht barrierefrei",
    "keine Angabe",
    "aktiv",
    "eingestellt",
    "Kommentar",
    "Bedarfsmeldung",
    "Hinweis auf ein Angebot",
}


def ist_buergerseite(eintrag) -> bool:
    if eintrag.msgid in AUS_MODELLEN:
        return True
    dateien = [datei.removeprefix("./") for datei, _zeile in eintrag.occurrences]
    dateien = [d for d in dateien if not any(fnmatch.fnmatch(d, m) for m in NICHT_BUERGERSEITE)]
    return any(fnmatch.fnmatch(d, m) for d in dateien for m in BUERGERSEITE)


def katalog(sprache):
    return polib.pofile(str(LOCALE / sprache / "LC_MESSAGES" / "django.po"))


def buergerseite(sprache):
    return [e for e in katalog(sprache) if ist_buergerseite(e) and not e.obsolete]


def test_locale_paths_point_at_an_existing_folder_with_every_language():
    assert LOCALE.is_dir()
    for sprache in SPRACHEN:
        assert (LOCALE / sprache / "LC_MESSAGES" / "django.po").is_file(), sprache


@pytest.mark.parametrize("sprache", SPRACHEN)
def test_every_citizen_side_string_is_translated_and_none_is_fuzzy(sprache):
    eintraege = buergerseite(sprache)
    assert len(eintraege) > 200  # the catalogue really holds the citizen side
    offen = [e.msgid for e in eintraege if not e.translated() or "fuzzy" in e.flags]
    assert offen == [], f"{sprache}: {len(offen)} unübersetzt oder fuzzy: {offen[:10]}"


@pytest.mark.parametrize("sprache", SPRACHEN)
def test_plural_forms_are_all_filled(sprache):
    po = katalog(sprache)
    anzahl = int(po.metadata["Plural-Forms"].split("nplurals=")[1].split(";")[0])
    for eintrag in buergerseite(sprache):
        if eintrag.msgid_plural:
            assert len(eintrag.msgstr_plural) == anzahl and all(eintrag.msgstr_plural.values()), eintrag.msgid


@pytest.mark.parametrize("sprache", SPRACHEN)
def test_catalogue_compiles_without_format_errors(sprache, tmp_path):
    po = LOCALE / sprache / "LC_MESSAGES" / "django.po"
    result = subprocess.run(  # noqa: S603
        ["msgfmt", "--check-format", "-o", str(tmp_path / "django.mo"), str(po)],  # noqa: S607
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    ("sprache", "erwartet"),
    [
        ("en", "Skip to content"),
        ("tr", "İçeriğe geç"),
        ("ar", "الانتقال إلى المحتوى"),
        ("uk", "Перейти до змісту"),
        ("ru", "Перейти к содержанию"),
    ],
)
def test_the_site_frame_speaks_the_active_language(db, sprache, erwartet):
    request = RequestFactory().get("/")
    with translation.override(sprache):
        html = render_to_string("404.html", request=request)
    assert erwartet in html
    assert f'<html lang="{sprache}"' in html
    assert ('dir="rtl"' in html) is (sprache == "ar")
