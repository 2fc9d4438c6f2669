"""The atlas admin: catalogue snippets for Redaktion, value upload for Sozialplanung, by role."""

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile

from sozialatlas.models import Indikator, Wert
from tests.factories.sozialatlas import kleiner_raumbaum, wanderung_katalog
from tests.factories.users import PASSWORD
from tests.sozialatlas.test_werte_import import GUTE_DATEI

WERTE_URL = "/admin/import/werte/"
INDIKATOREN_URL = "/admin/import/indikatoren/"


def login(client, user):
    assert client.login(username=user.username, password=PASSWORD)


@pytest.fixture
def atlas(db):
    kleiner_raumbaum()
    return wanderung_katalog()


@pytest.mark.parametrize(
    ("rolle", "werte", "indikatoren"),
    [("planerin", True, False), ("redakteurin", False, True), ("superuser", True, True)],
)
def test_import_uploads_follow_the_roles(client, request, atlas, rolle, werte, indikatoren):
    login(client, request.getfixturevalue(rolle))
    for url, erlaubt in ((WERTE_URL, werte), (INDIKATOREN_URL, indikatoren)):
        response = client.get(url)
        # Wagtail's admin turns a refusal into a redirect to the dashboard with a message.
        assert (response.status_code, response.get("Location")) == ((200, None) if erlaubt else (302, "/admin/"))


def test_planner_uploads_values_sees_the_dry_run_then_confirms(client, planerin, atlas):
    login(client, planerin)
    upload = SimpleUploadedFile("werte.csv", GUTE_DATEI.encode("cp1252"), content_type="text/csv")
    response = client.post(WERTE_URL, {"datei": upload})
    assert response.status_code == 200
    assert "9 Zeilen: 9 neu" in response.content.decode()
    assert not Wert.objects.exists()
    token = str(response.context["lauf"].token)
    response = client.post(WERTE_URL, {"token": token})
    assert response.status_code == 302
    assert Wert.objects.get(indikator__slug="zuzuege", raum__schluessel="K").wert == 1600


def test_a_bad_upload_lists_the_problems_and_offers_no_confirmation(client, planerin, atlas):
    login(client, planerin)
    upload = SimpleUploadedFile("werte.csv", b"indikator;raum;stichtag;wert\nzuzuege;A9;2023;1\n")
    response = client.post(WERTE_URL, {"datei": upload})
    html = response.content.decode()
    assert "Zeile 2, Spalte »raum«: »A9«: unbekannter Raum." in html
    assert "Jetzt importieren" not in html
    assert not Wert.objects.exists()


@pytest.mark.parametrize(
    "url",
    [
        "/admin/snippets/sozialatlas/indikator/",
        "/admin/snippets/sozialatlas/teilbereich/",
        "/admin/snippets/sozialatlas/raum/",
    ],
)
def test_editors_find_and_filter_the_catalogue(client, redakteurin, atlas, url):
    login(client, redakteurin)
    response = client.get(url, {"q": "Zuzüge"} if "indikator" in url else {})
    assert response.status_code == 200
    if "indikator" in url:
        html = response.content.decode()
        assert "Zuzüge über Bundes-" in html
        assert "Fortzüge" not in html
        response = client.get(url, {"einheit": "je_1000"})
        assert "Wanderungssaldo je 1.000" in response.content.decode()
        assert "Zuzüge über Bundes-" not in response.content.decode()


def test_editor_can_release_an_indicator_draft(client, redakteurin, atlas):
    indikator = Indikator.objects.get(slug="zuzuege")
    Indikator.objects.filter(pk=indikator.pk).update(live=False)
    login(client, redakteurin)
    url = f"/admin/snippets/sozialatlas/indikator/edit/{indikator.pk}/"
    response = client.get(url)
    assert response.status_code == 200
    assert "action-publish" in response.content.decode()


def test_a_planner_can_submit_an_indicator_draft_for_review_but_not_release_it(client, planerin, atlas):
    from sozialatlas.freigabe import indikator_workflow_einrichten

    indikator_workflow_einrichten()
    indikator = Indikator.objects.get(slug="zuzuege")
    login(client, planerin)
    html = client.get(f"/admin/snippets/sozialatlas/indikator/edit/{indikator.pk}/").content.decode()
    assert "action-submit" in html
    assert "action-publish" not in html


@pytest.mark.django_db(transaction=True)
def test_a_large_upload_runs_through_the_database_queue_with_a_status_page(client, settings):
    import io

    from django.core.management import call_command

    from home.site_setup import setup_site
    from home.site_setup.roles import setup_roles
    from tests.factories.users import UserFactory

    def worker():
        call_command("db_worker", "--batch", "--no-startup-delay", stdout=io.StringIO(), stderr=io.StringIO())

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.IMPORT_HINTERGRUND_AB_BYTES = 10
    groups = {g.name: g for g in setup_roles(setup_site(kreis_name="Kreis Test"))}
    planerin = UserFactory(username="planung")
    planerin.groups.add(groups["Sozialplanung"])
    kleiner_raumbaum()
    wanderung_katalog()
    login(client, planerin)
    response = client.post(WERTE_URL, {"datei": SimpleUploadedFile("werte.csv", GUTE_DATEI.encode())})
    status_url = response["Location"]
    assert status_url.startswith("/admin/import/lauf/")
    html = client.get(status_url).content.decode()
    assert "Probelauf läuft" in html and 'http-equiv="refresh"' in html

    worker()
    response = client.get(status_url)
    assert "Probelauf erfolgreich" in response.content.decode()
    assert not Wert.objects.exists()
    response = client.post(WERTE_URL, {"token": str(response.context["lauf"].token)})
    status_url = response["Location"]
    assert "Import läuft" in client.get(status_url).content.decode()
    assert not Wert.objects.exists()

    worker()
    html = client.get(status_url).content.decode()
    assert "Import abgeschlossen" in html and "9 Zeilen: 9 neu" in html
    assert 'http-equiv="refresh"' not in html
    # The import enqueued the recomputation; the worker runs it too.
    worker()
    assert Wert.objects.get(indikator__slug="zuzuege", raum__schluessel="K").wert == 1600
    assert client.get("/admin/import/lauf/00000000-0000-0000-0000-000000000000/").status_code == 404


def test_editors_see_the_partition_report_and_others_do_not(client, redakteurin, atlas):
    from tests.factories.sozialatlas import RaumFactory

    RaumFactory(schluessel="A9", name="Analyseraum 9", ebene="analyseraum")
    login(client, redakteurin)
    html = client.get("/admin/raumgliederung/").content.decode()
    assert "1 Lücke gefunden" in html
    assert "Analyseraum 9 (A9): hat keinen übergeordneten Raum." in html


def test_the_partition_report_needs_the_raum_permission(client, db):
    from tests.factories.users import UserFactory

    user = UserFactory(username="ohne")
    from django.contrib.auth.models import Permission

    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    login(client, user)
    assert client.get("/admin/raumgliederung/")["Location"] == "/admin/"


@pytest.mark.parametrize(
    ("url", "rolle"),
    [(WERTE_URL, "planerin"), (INDIKATOREN_URL, "redakteurin"), ("/admin/import/raeume/", "superuser")],
)
def test_a_truncated_xlsx_upload_gets_a_german_report_not_a_server_error(client, request, atlas, url, rolle):
    import io

    from openpyxl import Workbook

    mappe = Workbook()
    mappe.active.append(["indikator", "raum", "stichtag", "wert"])
    puffer = io.BytesIO()
    mappe.save(puffer)
    login(client, request.getfixturevalue(rolle))
    upload = SimpleUploadedFile("werte.xlsx", puffer.getvalue()[:300])
    response = client.post(url, {"datei": upload})
    assert response.status_code == 200
    html = response.content.decode()
    assert "keine lesbare XLSX-Datei" in html
    assert "Jetzt importieren" not in html
