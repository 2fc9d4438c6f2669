"""Export -> import never publishes a Träger's draft past the Redaktion's approval."""

from io import StringIO

from django.core.management import call_command

from angebote.imports import AngebotImporter
from angebote.models import AngebotPage, Thema


def _entwurf_eines_traegers():
    """What a Träger's group does in the admin: a new Angebot saved (and submitted), never published."""
    traeger = AngebotPage.objects.get(externe_id="sucht-kak").get_parent().specific
    page = AngebotPage(title="Geheimer Entwurf Suchtberatung", slug="geheimer-entwurf", live=False)
    traeger.add_child(instance=page)
    page.themen = [Thema.objects.get(slug="suchtberatung")]
    page.save_revision()
    return page


def test_export_then_import_does_not_publish_a_draft(demo_daten, tmp_path):
    entwurf = _entwurf_eines_traegers()
    path = tmp_path / "angebote.csv"
    call_command("export_angebote", str(path), stdout=StringIO())
    assert "Geheimer Entwurf" not in path.read_text(encoding="utf-8-sig")
    result = AngebotImporter().run(path)
    assert result.ok, result.problems
    assert result.created == 0
    seiten = AngebotPage.objects.filter(title="Geheimer Entwurf Suchtberatung")
    assert [(p.pk, p.live) for p in seiten] == [(entwurf.pk, False)]


def test_an_export_with_drafts_marks_them_and_the_import_keeps_them_drafts(demo_daten, tmp_path):
    entwurf = _entwurf_eines_traegers()
    path = tmp_path / "angebote.csv"
    call_command("export_angebote", str(path), "--mit-entwuerfen", stdout=StringIO())
    zeilen = [z for z in path.read_text(encoding="utf-8-sig").splitlines() if "Geheimer Entwurf" in z]
    assert len(zeilen) == 1 and zeilen[0].rstrip().endswith(";ja")
    geaendert = path.read_text(encoding="utf-8-sig").replace("Geheimer Entwurf Suchtberatung", "Geänderter Entwurf")
    path.write_text(geaendert, encoding="utf-8-sig")
    result = AngebotImporter().run(path)
    assert result.ok, result.problems
    assert result.created == 0 and result.updated == 1
    entwurf.refresh_from_db()
    assert not entwurf.live
    assert entwurf.get_latest_revision_as_object().title == "Geänderter Entwurf"
    assert not AngebotPage.objects.originale().live().filter(title__contains="Entwurf").exists()
