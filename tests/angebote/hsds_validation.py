"""Validation against the vendored official HSDS 3.0.1 schemas (tests/hsds_schema/), format checks on."""

import json
from functools import cache
from pathlib import Path

from jsonschema import Draft202012Validator
from referencing import Registry, Resource

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "hsds_schema"
EXAMPLES = SCHEMA_DIR / "examples"


@cache
def registry() -> Registry:
    resources = []
    for path in (SCHEMA_DIR / "schema").glob("*.json"):
        if path.name == "openapi.json":
            continue
        schema = json.loads(path.read_text(encoding="utf-8"))
        schema.setdefault("$schema", "https://json-schema.org/draft/2020-12/schema")
        resources.append((path.name, Resource.from_contents(schema)))
    return Registry().with_resources(resources)


@cache
def validator(name: str) -> Draft202012Validator:
    schema = registry().contents(f"{name}.json")
    return Draft202012Validator(schema, registry=registry(), format_checker=Draft202012Validator.FORMAT_CHECKER)


def fehler(name: str, data) -> list[str]:
    """Every schema violation of one object, as `path: message`."""
    return [f"{'/'.join(str(p) for p in e.absolute_path)}: {e.message}" for e in validator(name).iter_errors(data)]


def pruefe_alle(name: str, objects: list) -> tuple[int, int, list[str]]:
    """(validated, valid, the first problems) for a list of objects of one HSDS type."""
    problems = [fehler(name, o) for o in objects]
    return len(objects), sum(1 for p in problems if not p), [m for p in problems for m in p][:10]
