"""The VNG reference data and the comparison helper that holds our schema to it."""

import copy
import json
import re
from pathlib import Path

import pytest
from django.urls import NoReverseMatch, Resolver404, resolve, reverse

from tests.zgw.openapi_facts import extract
from tests.zgw.reference import COMPONENTS, compare, load_reference, load_rules

ERR = {"application/problem+json": {"schema": {"$ref": "#/components/schemas/ValidatieFout"}}}
FOUT = {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Fout"}}}


def _doc(prefix="", param="uuid", zaak_name="Zaak"):
    """A tiny Zaken-like OpenAPI document: list/create and a detail read of zaken."""
    ref = {"$ref": f"#/components/schemas/{zaak_name}"}
    page = {
        "type": "object",
        "properties": {
            "count": {"type": "integer"},
            "next": {"type": "string", "nullable": True},
            "previous": {"type": "string", "nullable": True},
            "results": {"type": "array", "items": ref},
        },
    }
    return {
        "openapi": "3.0.3",
        "info": {"title": "t", "version": "1"},
        "paths": {
            f"{prefix}/zaken": {
                "get": {
                    "parameters": [
                        {"name": "zaaktype", "in": "query", "schema": {"type": "string"}},
                        {"name": "page", "in": "query", "schema": {"type": "integer"}},
                        {"name": "Accept-Crs", "in": "header", "required": True},
                    ],
                    "responses": {
                        "200": {"content": {"application/json": {"schema": page}}},
                        "400": {"content": ERR},
                        "401": {"content": FOUT},
                    },
                },
                "post": {
                    "requestBody": {"content": {"application/json": {"schema": ref}}},
                    "responses": {
                        "201": {"content": {"application/json": {"schema": ref}}},
                        "400": {"content": ERR},
                    },
                },
            },
            f"{prefix}/zaken/{{{param}}}": {
                "get": {"responses": {"200": {"content": {"application/json": {"schema": ref}}}}},
            },
            f"{prefix}/klantcontacten": {"get": {"responses": {"200": {}}}},
        },
        "components": {
            "schemas": {
                zaak_name: {
                    "type": "object",
                    "required": ["url", "zaaktype", "startdatum"],
                    "properties": {
                        "url": {"type": "string", "format": "uri", "readOnly": True},
                        "zaaktype": {"type": "string", "format": "uri"},
                        "startdatum": {"type": "string", "format": "date"},
                        "archiefnominatie": {
                            "nullable": True,
                            "oneOf": [
                                {"$ref": "#/components/schemas/ArchiefnominatieEnum"},
                                {"$ref": "#/components/schemas/BlankEnum"},
                                {"$ref": "#/components/schemas/NullEnum"},
                            ],
                        },
                    },
                },
                "ArchiefnominatieEnum": {"type": "string", "enum": ["blijvend_bewaren", "vernietigen"]},
                "BlankEnum": {"enum": [""]},
                "NullEnum": {"enum": [None]},
                "Fout": {
                    "type": "object",
                    "required": ["title", "status", "detail"],
                    "properties": {p: {"type": "string"} for p in ("title", "status", "detail")},
                },
                "ValidatieFout": {
                    "allOf": [
                        {"$ref": "#/components/schemas/Fout"},
                        {
                            "type": "object",
                            "required": ["invalidParams"],
                            "properties": {"invalidParams": {"type": "array", "items": {"type": "object"}}},
                        },
                    ]
                },
            }
        },
    }


@pytest.fixture
def reference():
    return {"prefix": "/api/zaken/v1", **extract(_doc(), "zaken")}


@pytest.fixture
def ours():
    return _doc(prefix="/api/zaken/v1", param="zaak_uuid", zaak_name="ZaakSerializer")


def test_extract_keeps_only_the_exposed_resources_and_the_facts(reference):
    assert set(reference["operations"]) == {"/zaken", "/zaken/{uuid}"}
    listing = reference["operations"]["/zaken"]["get"]
    assert listing["query"] == ["page", "zaaktype"]
    assert listing["headers_required"] == ["Accept-Crs"]
    assert listing["responses"]["200"] == {"paginated": True, "schema": "Zaak"}
    assert listing["responses"]["400"] == {"schema": "ValidatieFout"}
    assert reference["operations"]["/zaken"]["post"]["request"]["required"] == ["startdatum", "zaaktype"]
    zaak = reference["schemas"]["Zaak"]["properties"]
    assert zaak["archiefnominatie"] == {
        "type": "string",
        "enum": ["blijvend_bewaren", "vernietigen"],
        "nullable": True,
    }
    assert reference["schemas"]["ValidatieFout"]["required"] == ["detail", "invalidParams", "status", "title"]


def test_extract_flattens_polymorphic_schemas_to_their_common_required_fields():
    from tests.zgw.openapi_facts import schema_facts

    spec = {"components": {"schemas": {
        "Persoon": {"type": "object", "required": ["url", "bsn"],
                    "properties": {"url": {"type": "string"}, "bsn": {"type": "string"}}},
        "Medewerker": {"type": "object", "required": ["url"],
                       "properties": {"url": {"type": "string"}, "id": {"type": "string"}}},
    }}}
    rol = {"oneOf": [{"$ref": "#/components/schemas/Persoon"}, {"$ref": "#/components/schemas/Medewerker"}]}
    facts = schema_facts(spec, rol)
    assert facts["required"] == ["url"]
    assert set(facts["properties"]) == {"url", "bsn", "id"}


def test_a_conforming_schema_has_no_differences(reference, ours):
    assert compare(ours, "zaken", reference=reference) == []


def test_missing_operation_and_query_parameter(reference, ours):
    del ours["paths"]["/api/zaken/v1/zaken/{zaak_uuid}"]
    ours["paths"]["/api/zaken/v1/zaken"]["get"]["parameters"].pop(0)
    assert compare(ours, "zaken", reference=reference) == [
        "GET /zaken: missing query parameter 'zaaktype'",
        "GET /zaken/{uuid}: missing operation",
    ]


def test_required_fields_headers_and_query_parameters(reference, ours):
    reference = copy.deepcopy(reference)
    reference["operations"]["/zaken"]["get"]["query_required"] = ["zaaktype"]
    ours["paths"]["/api/zaken/v1/zaken"]["get"]["parameters"].pop(2)
    ours["components"]["schemas"]["ZaakSerializer"]["required"] = ["url", "zaaktype"]
    diffs = compare(ours, "zaken", reference=reference)
    assert "GET /zaken: query parameter not required 'zaaktype'" in diffs
    assert "GET /zaken: header not required 'Accept-Crs'" in diffs
    assert "POST /zaken: request field not required 'startdatum'" in diffs
    assert "Zaak (ours: ZaakSerializer): field not required 'startdatum'" in diffs


def test_enum_format_and_status_code_differences(reference, ours):
    schemas = ours["components"]["schemas"]
    schemas["ArchiefnominatieEnum"]["enum"] = ["blijvend_bewaren"]
    schemas["ZaakSerializer"]["properties"]["startdatum"]["format"] = "date-time"
    responses = ours["paths"]["/api/zaken/v1/zaken"]["get"]["responses"]
    del responses["401"]
    responses["418"] = {}
    assert compare(ours, "zaken", reference=reference) == [
        "GET /zaken: missing status code 401",
        "GET /zaken: status code 418 not in the standard",
        "Zaak (ours: ZaakSerializer).archiefnominatie: enum ['blijvend_bewaren'], "
        "standard ['blijvend_bewaren', 'vernietigen']",
        "Zaak (ours: ZaakSerializer).startdatum: format 'date-time', standard 'date'",
    ]


def test_error_bodies_and_pagination(reference, ours):
    ours["components"]["schemas"]["ValidatieFout"]["allOf"].pop()
    get = ours["paths"]["/api/zaken/v1/zaken"]["get"]
    get["responses"]["200"]["content"]["application/json"]["schema"] = {
        "$ref": "#/components/schemas/ZaakSerializer"
    }
    assert compare(ours, "zaken", reference=reference) == [
        "GET /zaken 200: paginated should be True",
        "ValidatieFout (ours: ValidatieFout): field not required 'invalidParams'",
        "ValidatieFout (ours: ValidatieFout): missing property 'invalidParams'",
    ]


@pytest.mark.parametrize("component", COMPONENTS)
def test_reference_data_names_its_source_and_has_error_schemas(component):
    data = load_reference(component)
    source = data["source"]
    assert source["repository"] == f"VNG-Realisatie/{component}-api"
    assert source["file"] == "src/openapi.yaml"
    assert len(source["commit"]) == 40
    assert data["operations"]
    assert {"Fout", "ValidatieFout"} <= set(data["schemas"])
    for ops in data["operations"].values():
        for op in ops.values():
            for entry in op["responses"].values():
                assert entry.get("schema") in (None, *data["schemas"])


def test_rules_have_unique_keys_and_a_judgement():
    rules = load_rules()
    assert len({r["key"] for r in rules}) == len(rules)
    for rule in rules:
        assert re.fullmatch(r"(zrc|ztc|brc|drc)-\d{3}[a-z]?", rule["id"]), rule
        assert rule["key"].startswith(rule["id"])
        assert rule["applies"] in ("yes", "no", "unsure"), rule
        assert rule["component"] in COMPONENTS and rule["summary"] and rule["why"]
    applying = {r["id"] for r in load_rules(applies="yes")}
    assert {"zrc-001", "zrc-006", "zrc-016", "brc-007", "ztc-009"} <= applying


def _our_schema(client):
    try:
        url = reverse("schema")
    except NoReverseMatch:
        url = "/api/schema/"
    try:
        resolve(url)
    except Resolver404:
        pytest.skip("/api/schema/ does not exist yet (issue 13: our ZGW API is being built)")
    response = client.get(url, {"format": "json"}, HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200, response.status_code
    return response.json()


@pytest.mark.django_db
@pytest.mark.parametrize("component", COMPONENTS)
def test_our_schema_matches_the_vng_reference(client, component):
    schema = _our_schema(client)
    prefix = load_reference(component)["prefix"]
    if not any(path.startswith(prefix + "/") for path in schema.get("paths", {})):
        pytest.skip(f"no {component} endpoints under {prefix} in our schema yet; once they exist, write their "
                    f"known differences with `scripts/zgw_reference.py known-differences {component}`")
    differences = set(compare(schema, component))
    known = KNOWN_DIFFERENCES.get(component, set())
    # No new difference may appear; a fixed one must leave the known list, so the list only shrinks.
    assert sorted(differences - known) == [], "new differences from the VNG standard"
    assert sorted(known - differences) == [], "fixed: remove these from tests/zgw/vng/known_differences_*.json"


def _known_differences() -> dict[str, set[str]]:
    found = {}
    for path in (Path(__file__).parent / "vng").glob("known_differences_*.json"):
        data = json.loads(path.read_text())
        found[data["component"]] = set(data["differences"])
    return found


KNOWN_DIFFERENCES = _known_differences()


@pytest.mark.django_db
def test_the_script_writes_the_known_differences_we_hold(tmp_path, monkeypatch):
    """scripts/zgw_reference.py known-differences writes one file per component with paths in our schema."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("zgw_reference", Path(__file__).parents[2] / "scripts/zgw_reference.py")
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    monkeypatch.setattr(script, "VNG_DIR", tmp_path)
    (tmp_path / "known_differences_besluiten.json").write_text("{}")  # stale: no besluiten paths here
    script.main(["known-differences", "catalogi", "besluiten"])
    written = json.loads((tmp_path / "known_differences_catalogi.json").read_text())
    assert written["component"] == "catalogi"
    assert set(written["differences"]) == KNOWN_DIFFERENCES["catalogi"]
    has_paths = any(p.startswith("/api/besluiten/v1/") for p in script.our_schema()["paths"])
    assert (tmp_path / "known_differences_besluiten.json").exists() == has_paths
