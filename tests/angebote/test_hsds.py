"""Open Referral HSDS 3.0.1: export and API valid against the official schemas, round trip, import of the
official examples, filters, privacy."""

import copy
import json
import uuid
from io import StringIO

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from angebote.hsds import TAXONOMIE_ID, export_hsds, thema_id
from angebote.hsds_import import HsdsImporter
from angebote.models import AngebotPage, Standort, Thema, ThemaZuordnung, TraegerPage
from tests.angebote.hsds_validation import EXAMPLES, fehler, pruefe_alle
from tests.factories.users import PASSWORD


def _is_uuid(value) -> bool:
    try:
        return str(uuid.UUID(value)) == value
    except (ValueError, TypeError, AttributeError):
        return False


def _ids(data, path="$"):
    """Every `id` and `*_id` value in a JSON document, with its path."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key.startswith("x_"):
                continue  # this register's own extensions hold its own keys
            if (key == "id" or key.endswith("_id")) and isinstance(value, str):
                yield f"{path}.{key}", value
            yield from _ids(value, f"{path}.{key}")
    elif isinstance(data, list):
        for n, value in enumerate(data):
            yield from _ids(value, f"{path}[{n}]")


# Export ---------------------------------------------------------------------------------------------


def test_every_exported_service_is_valid_hsds_3_0_1_with_uuid_ids(demo_daten, tmp_path):
    path = tmp_path / "hsds.json"
    count = export_hsds(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    validated, valid, problems = pruefe_alle("service", data)
    print(f"HSDS export: {validated} services validated, {valid} valid")  # noqa: T201 (the numbers of the conformance report)
    assert validated == count == AngebotPage.objects.originale().live().count() > 40
    assert valid == validated, problems
    not_uuid = [(p, v) for p, v in _ids(data) if not _is_uuid(v)]
    assert not not_uuid, not_uuid[:5]
    assert all("x_adresse_vertraulich" not in json.dumps(s) for s in data)


def test_export_leaves_confidential_standorte_out_and_the_backup_option_warns(demo_daten, tmp_path):
    public = tmp_path / "public.json"
    out = StringIO()
    call_command("export_angebote", str(public), "--hsds", stdout=out)
    assert "Birkenkoppel" not in public.read_text(encoding="utf-8")
    assert "vertrauliche Standorte ausgelassen" in out.getvalue()
    csv = tmp_path / "public.csv"
    call_command("export_angebote", str(csv), stdout=StringIO())
    assert "Birkenkoppel" not in csv.read_text(encoding="utf-8-sig")

    backup, err = tmp_path / "backup.json", StringIO()
    call_command("export_angebote", str(backup), "--hsds", "--intern-mit-vertraulichen-adressen", stderr=err)
    assert "ACHTUNG" in err.getvalue() and "vertraulichen Adressen" in err.getvalue()
    frauenhaus = next(
        s
        for s in json.loads(backup.read_text(encoding="utf-8"))
        if s["x_sozialatlas"]["externe_id"] == "frauenhaus-nor"
    )
    location = frauenhaus["service_at_locations"][0]["location"]
    assert location["x_adresse_vertraulich"] is True
    assert location["addresses"][0]["address_1"] == "Birkenkoppel 23"
    assert not fehler("service", frauenhaus)


def test_hsds_round_trip_keeps_every_value_and_every_id(demo_daten, tmp_path):
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    count = export_hsds(first, vertrauliche=True)
    result = HsdsImporter().run(first)
    assert result.ok, result.problems
    assert (result.created, result.updated, result.unchanged) == (0, 0, count), [
        c for c in result.changes if "geändert" in c
    ]
    export_hsds(second, vertrauliche=True)
    before, after = json.loads(first.read_text("utf-8")), json.loads(second.read_text("utf-8"))
    diff = [b["id"] for b, a in zip(before, after, strict=True) if a != b]
    print(f"HSDS round trip: {len(diff)} of {count} services differ")  # noqa: T201 (the numbers of the conformance report)
    assert diff == []
    assert Standort.objects.get(angebot__externe_id="frauenhaus-nor").strasse == "Birkenkoppel 23"


def test_importing_the_public_export_keeps_the_confidential_standorte(demo_daten, tmp_path):
    path = tmp_path / "public.json"
    count = export_hsds(path)
    result = HsdsImporter().run(path)
    assert result.ok, result.problems
    assert result.unchanged == count
    assert Standort.objects.get(angebot__externe_id="frauenhaus-nor").strasse == "Birkenkoppel 23"


# Import of other tools' files ------------------------------------------------------------------------


def _example(name):
    return json.loads((EXAMPLES / name).read_text(encoding="utf-8"))


def _sanitised(data):
    """The example with a visitors' address (its only one is postal) and the values a German register must
    refuse put right: coordinates in range, a German PLZ and country. Everything else as Open Referral wrote it."""
    data = copy.deepcopy(data)

    def fix(node):
        if isinstance(node, dict):
            if "latitude" in node:
                node["latitude"], node["longitude"] = 53.72, 9.99
            if "postal_code" in node:
                node["postal_code"], node["country"], node["city"] = "22846", "DE", "Norderstedt"
                node["address_type"] = "physical"
            for value in node.values():
                fix(value)
        elif isinstance(node, list):
            for value in node:
                fix(value)

    fix(data)
    return data


def _run(data, **kwargs):
    return HsdsImporter(**kwargs).run(json.dumps(data).encode())


def test_values_the_csv_import_refuses_are_refused_in_hsds_too(demo_daten):
    service = _example("service_full.json")
    for sal in service["service_at_locations"]:
        sal["location"]["addresses"][0]["address_type"] = "physical"  # so it is the Standort's address
    result = _run(service, thema="sozialberatung")
    columns = {(p.column.split(": ", 1)[1], p.value) for p in result.problems}
    assert ("location.latitude", "100") in columns
    assert ("location.addresses.postal_code", "ABC 1234") in columns
    assert ("location.addresses.country", "US") in columns
    assert not AngebotPage.objects.filter(title="Community Counselling").exists()


def test_official_service_full_imports_with_a_report_of_what_could_not_be_taken_over(demo_daten):
    result = _run(_sanitised(_example("service_full.json")), thema="sozialberatung")
    assert result.ok, result.problems
    page = AngebotPage.objects.get(externe_id="ac148810-d857-441c-9679-408f346de14b")
    assert str(page.hsds_id) == "ac148810-d857-441c-9679-408f346de14b"
    assert page.get_parent().title == "Example Organization Inc."
    assert "non-profit" in page.get_parent().specific.intro
    # byday "TH,FR" is two days, not only Thursday
    assert [str(z) for z in page.oeffnungszeiten.all()] == []  # the example rule has valid_from/until: left out
    standort = page.standorte.get()
    assert standort.bezeichnung == "MyCity Civic Center"
    assert str(standort.hsds_id) == "3a19ff88-4620-4d17-9830-ac1d859eb5d5"
    assert standort.strasse == "1-30 Main Street, MyVillage"
    report = "\n".join(result.changes)
    assert "Nicht übernommen: $.wait_time" in report
    assert "Nicht übernommen: $.minimum_age" in report
    assert "Öffnungszeit nicht übernommen" in report
    assert "Sprache »ur« nicht übernommen" in report
    assert "kein zugeordnetes Thema" in report


def test_a_location_with_only_a_postal_address_is_not_made_a_standort(demo_daten):
    result = _run(_example("service_full.json"), thema="sozialberatung")
    assert result.ok, result.problems
    page = AngebotPage.objects.get(externe_id="ac148810-d857-441c-9679-408f346de14b")
    assert not page.standorte.exists()
    report = "\n".join(result.changes)
    assert "Ort ohne Besucheradresse (physical) nicht als Standort übernommen" in report
    assert "service_at_locations.location.latitude" in report  # listed, not taken over


def test_a_weekly_schedule_on_several_days_becomes_one_opening_time_per_day(demo_daten):
    service = _sanitised(_example("service_full.json"))
    service["schedules"] = [
        {"id": str(uuid.uuid4()), "freq": "WEEKLY", "byday": "TH,FR", "opens_at": "10:00:00", "closes_at": "18:00:00"}
    ]
    result = _run(service, thema="sozialberatung")
    assert result.ok, result.problems
    page = AngebotPage.objects.get(externe_id=service["id"])
    assert [str(z) for z in page.oeffnungszeiten.all()] == ["Do 10:00-18:00", "Fr 10:00-18:00"]


@pytest.mark.parametrize(
    "name,services",
    [
        ("service_full.json", 1),
        ("service_list.json", 1),
        ("organization_full.json", 1),
        ("service_at_location_full.json", 1),
        ("service_at_location_list.json", 1),
        ("organization_list.json", 0),
    ],
)
def test_every_official_example_file_imports_as_it_is(demo_daten, name, services):
    before = AngebotPage.objects.originale().count()
    result = _run(_example(name), thema="sozialberatung")
    assert result.ok, (name, [str(p) for p in result.problems])
    assert AngebotPage.objects.originale().count() - before == services
    assert result.changes  # the report says what was not taken over


def test_official_organization_full_gives_its_services_the_organization(demo_daten):
    result = _run(_example("organization_full.json"), thema="sozialberatung")
    assert result.ok, result.problems
    traeger = TraegerPage.objects.get(title="Example Organization Inc.")
    assert str(traeger.hsds_id) == "d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610"
    assert AngebotPage.objects.child_of(traeger).count() == 1


def test_official_organization_list_creates_the_traeger(demo_daten):
    result = _run(_example("organization_list.json"))
    assert result.ok, result.problems
    assert TraegerPage.objects.filter(title="Example Organization Inc.").exists()


def test_unknown_taxonomy_terms_are_refused_until_mapped_in_the_table(demo_daten):
    service = _sanitised(_example("service_full.json"))
    service["attributes"] = [
        {
            "id": str(uuid.uuid4()),
            "taxonomy_term": {
                "id": str(uuid.uuid4()),
                "code": "BD-1800",
                "name": "Debt",
                "description": "x",
                "taxonomy": "AIRS",
            },
        }
    ]
    refused = _run(service)
    assert not refused.ok
    assert any("Themen-Zuordnungen" in str(p) for p in refused.problems)
    ThemaZuordnung.objects.create(taxonomie="AIRS", code="BD-1800", thema=Thema.objects.get(slug="schuldnerberatung"))
    result = _run(service)
    assert result.ok, result.problems
    assert [t.slug for t in AngebotPage.objects.get(externe_id=service["id"]).themen.all()] == ["schuldnerberatung"]


def test_an_offset_that_is_not_berlins_is_converted_and_reported(demo_daten):
    service = _sanitised(_example("service_full.json"))
    service["schedules"] = [{"id": str(uuid.uuid4()), "byday": "MO", "opens_at": "08:00Z", "closes_at": "09:00Z"}]
    result = _run(service, thema="sozialberatung")
    assert result.ok, result.problems
    assert any("Berliner Ortszeit umgerechnet" in c for c in result.changes)
    zeit = AngebotPage.objects.get(externe_id=service["id"]).oeffnungszeiten.get()
    assert zeit.von.hour in (9, 10)


# API --------------------------------------------------------------------------------------------------


ENDPOINTS = [
    ("/api/hsds/services", {"per_page": 200}, "service"),
    ("/api/hsds/services", {"per_page": 200, "full": "true"}, "service"),
    ("/api/hsds/services", {"per_page": 200, "minimal": "true"}, "service"),
    ("/api/hsds/organizations", {"per_page": 200}, "organization"),
    ("/api/hsds/organizations", {"per_page": 200, "full": "true"}, "organization"),
    ("/api/hsds/service_at_locations", {"per_page": 200}, "service_at_location"),
    ("/api/hsds/service_at_locations", {"per_page": 200, "full": "true"}, "service_at_location"),
    ("/api/hsds/taxonomies", {}, "taxonomy"),
    ("/api/hsds/taxonomy_terms", {"per_page": 200}, "taxonomy_term"),
]


@pytest.mark.parametrize("url,params,schema", ENDPOINTS)
def test_every_object_of_every_api_list_is_valid_hsds(client, demo_daten, url, params, schema):
    response = client.get(url, params)
    assert response.status_code == 200 and response["Access-Control-Allow-Origin"] == "*"
    page = response.json()
    validated, valid, problems = pruefe_alle(schema, page["contents"])
    print(f"{url} {params}: {validated} validated, {valid} valid")  # noqa: T201 (the numbers of the conformance report)
    assert validated == page["size"] == min(page["total_items"], 200) > 0
    assert valid == validated, problems
    assert "Birkenkoppel" not in response.content.decode()
    if schema == "service" and "full" in params:
        for item in page["contents"][:20]:
            detail = client.get(f"/api/hsds/services/{item['id']}")
            assert detail.status_code == 200 and not fehler("service", detail.json())
    if schema == "service_at_location":
        detail = client.get(f"/api/hsds/service_at_locations/{page['contents'][0]['id']}")
        assert detail.status_code == 200 and not fehler("service_at_location", detail.json())


def test_api_index_and_single_objects(client, demo_daten):
    index = client.get("/api/hsds/").json()
    assert index["version"] == "3.0.1" and index["openapi_url"].startswith("https://")
    org = client.get("/api/hsds/organizations", {"per_page": 1}).json()["contents"][0]
    detail = client.get(f"/api/hsds/organizations/{org['id']}", {"full_service": "true"}).json()
    assert not fehler("organization", detail) and detail["services"]
    term = client.get("/api/hsds/taxonomy_terms", {"per_page": 1}).json()["contents"][0]
    assert client.get(f"/api/hsds/taxonomy_terms/{term['id']}").json() == term
    assert client.get(f"/api/hsds/taxonomies/{TAXONOMIE_ID}").json()["name"] == "Sozialatlas-Themen"
    assert client.get(f"/api/hsds/services/{uuid.uuid4()}").status_code == 404


def test_api_filters_select_and_never_silently_return_everything(client, demo_daten):
    def ids(**params):
        return {s["id"] for s in client.get("/api/hsds/services", {"per_page": 200, **params}).json()["contents"]}

    alle = ids()
    schulden = Thema.objects.get(slug="schuldnerberatung")
    by_term = ids(taxonomy_term_id=thema_id(schulden))
    expected = {str(p.hsds_id) for p in AngebotPage.objects.originale().live().filter(themen=schulden)}
    assert by_term and by_term <= expected and by_term < alle
    assert ids(taxonomy_id=TAXONOMIE_ID) == alle
    assert ids(taxonomy_id=str(uuid.uuid4())) == set()
    traeger = AngebotPage.objects.get(externe_id="sucht-kak").get_parent().specific
    assert ids(organization_id=str(traeger.hsds_id)) == {
        str(p.hsds_id) for p in AngebotPage.objects.originale().live().child_of(traeger)
    }
    assert ids(search="Schulden") and ids(search="Schulden") <= expected | ids(search="Schulden")
    assert str(AngebotPage.objects.get(externe_id="sucht-kak").hsds_id) in ids(search="Alkohol")
    assert ids(modified_after="2999-01-01T00:00:00Z") == set()
    assert ids(modified_after="2000-01-01") == alle
    assert client.get("/api/hsds/services", {"modified_after": "gestern"}).status_code == 400
    assert client.get("/api/hsds/services", {"full": "vielleicht"}).status_code == 400
    assert client.get("/api/hsds/service_at_locations", {"proximity": "1000"}).status_code == 400


def test_api_page_envelope_counts_the_items_on_the_page(client, demo_daten):
    total = client.get("/api/hsds/services").json()["total_items"]
    last = -(-total // 10)
    page = client.get("/api/hsds/services", {"per_page": 10, "page": last}).json()
    assert page["size"] == len(page["contents"]) == total - 10 * (last - 1)
    assert page["last_page"] and not page["first_page"]
    beyond = client.get("/api/hsds/services", {"per_page": 10, "page": last + 5})
    assert beyond.status_code == 200
    assert beyond.json()["contents"] == [] and beyond.json()["size"] == 0
    assert client.post("/api/hsds/services").status_code == 405
    ndjson = client.get("/api/hsds/services", {"format": "ndjson"})
    lines = b"".join(ndjson.streaming_content).decode().splitlines()
    assert len(lines) == total and not fehler("service", json.loads(lines[0]))


def test_admin_hsds_upload_reports_what_was_not_taken_over_before_importing(client, redakteurin, demo_daten):
    client.login(username="redaktion", password=PASSWORD)
    ThemaZuordnung.objects.create(code="Debt", thema=Thema.objects.get(slug="schuldnerberatung"))
    service = _example("service_list.json")
    service["contents"][0]["attributes"] = [
        {"id": str(uuid.uuid4()), "taxonomy_term": {"id": str(uuid.uuid4()), "name": "Debt", "description": "x"}}
    ]
    upload = SimpleUploadedFile("feed.json", json.dumps(service).encode())
    response = client.post("/admin/import/angebote-hsds/", {"datei": upload})
    html = response.content.decode()
    assert response.status_code == 200 and "1 neu" in html
    assert "Nicht übernommen" in html and "wait_time" in html
    assert not AngebotPage.objects.filter(title="Community Counselling").exists()
    response = client.post("/admin/import/angebote-hsds/", {"token": str(response.context["lauf"].token)})
    assert response.status_code == 302
    page = AngebotPage.objects.get(title="Community Counselling")
    assert page.live and [t.slug for t in page.themen.all()] == ["schuldnerberatung"]


def test_an_import_updates_an_existing_traeger_and_says_so(demo_daten, tmp_path):
    path = tmp_path / "hsds.json"
    export_hsds(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    service = next(s for s in data if s["x_sozialatlas"]["externe_id"] == "sucht-kak")
    service["organization"]["email"] = "neu@traeger.example"
    result = _run([service])
    assert result.ok, result.problems
    traeger = AngebotPage.objects.get(externe_id="sucht-kak").get_parent().specific
    assert traeger.email == "neu@traeger.example"
    assert any(c.startswith(f"Träger {traeger.title} geändert: email") for c in result.changes)
    again = _run([service])
    assert again.unchanged == 1 and not any(c.startswith("Träger ") for c in again.changes)
