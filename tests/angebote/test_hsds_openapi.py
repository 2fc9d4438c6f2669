"""The HSDS API against the official openapi.json with schemathesis: bounded (few examples per operation),
deterministic (derandomized, no example database) and in-process (the WSGI app, the test's database)."""

import json
import re

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import content_type_conformance, response_schema_conformance

from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections

from tests.angebote.hsds_validation import SCHEMA_DIR

REMOTE = re.compile(
    r"^https://raw\.githubusercontent\.com/openreferral/specification/3\.0/schema/(compiled/)?(\w+)\.json$"
)
# The list schemas of the compiled set are left out of the vendored files; their items are the objects.
LISTEN = {
    "service_list": "service",
    "organization_list": "organization",
    "service_at_location_list": "service_at_location",
}


def _lokal(node):
    """The remote references of openapi.json, and the schemas' references by file name, as components."""
    if isinstance(node, dict):
        return {
            k: (f"#/components/schemas/{_name(v)}" if k == "$ref" and _name(v) else _lokal(v)) for k, v in node.items()
        }
    if isinstance(node, list):
        return [_lokal(v) for v in node]
    return node


def _name(ref):
    if not isinstance(ref, str):
        return None
    if match := REMOTE.match(ref):
        return LISTEN.get(match.group(2), match.group(2))
    if re.fullmatch(r"\w+\.json", ref):
        return ref[: -len(".json")]
    return None


def openapi() -> dict:
    raw = json.loads((SCHEMA_DIR / "schema" / "openapi.json").read_text(encoding="utf-8"))
    schemas = raw["components"].setdefault("schemas", {})
    for path in (SCHEMA_DIR / "schema").glob("*.json"):
        if path.name != "openapi.json":
            schemas[path.stem] = json.loads(path.read_text(encoding="utf-8"))
    raw = _lokal(raw)
    # The spec answers /service_at_locations/{id} with a service schema, though the operation and the
    # official example (service_at_location_full.json) give a service_at_location: validate what it means.
    sal = raw["paths"]["/service_at_locations/{id}"]["get"]["responses"]["200"]["content"]["application/json"]
    sal["schema"] = {"$ref": "#/components/schemas/service_at_location"}
    raw["servers"] = [{"url": "/api/hsds"}]
    return raw


@pytest.fixture
def verbindung_bleibt_offen():
    """What Django's test client does: a request through the bare WSGI app must not close the test's
    database connection (and with it the transaction holding the demo data) when it finishes."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def test_api_conforms_to_the_official_openapi_description(demo_daten, verbindung_bleibt_offen):
    schema = schemathesis.openapi.from_dict(openapi())
    schema.app = get_wsgi_application()
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) == 11
    checks = [not_a_server_error, content_type_conformance, response_schema_conformance]
    for operation in operations:

        @settings(
            max_examples=4,
            derandomize=True,
            database=None,
            deadline=None,
            phases=[Phase.explicit, Phase.generate],
            suppress_health_check=list(HealthCheck),
        )
        @given(case=operation.as_strategy())
        def call(case):
            # Malformed filters are answered with 400 (the spec names no error codes): only 200 answers
            # are held to the response schema, every answer to "no server error".
            response = case.call()
            case.validate_response(response, checks=checks if response.status_code == 200 else [not_a_server_error])

        call()
