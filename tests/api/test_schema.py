"""/api/schema/ serves our generated OpenAPI 3 document, valid by drf-spectacular's own validator."""

import pytest
import yaml
from drf_spectacular.validation import validate_schema

pytestmark = pytest.mark.django_db

CATALOGI = ["catalogussen", "zaaktypen", "statustypen", "roltypen", "resultaattypen", "informatieobjecttypen",
            "besluittypen", "eigenschappen"]
# Query parameters of the Catalogi API 1.3 lists (read from the VNG spec; our own list).
PARAMETERS = {
    "catalogussen": {"domein", "domein__in", "rsin", "rsin__in", "page"},
    "zaaktypen": {"catalogus", "identificatie", "trefwoorden", "status", "datumGeldigheid", "page"},
    "statustypen": {"zaaktype", "zaaktypeIdentificatie", "status", "datumGeldigheid", "page"},
    "roltypen": {"zaaktype", "zaaktypeIdentificatie", "omschrijvingGeneriek", "status", "datumGeldigheid", "page"},
    "resultaattypen": {"zaaktype", "zaaktype_identificatie", "status", "datum_geldigheid", "page"},
    "informatieobjecttypen": {"catalogus", "status", "datumGeldigheid", "omschrijving", "page"},
    "besluittypen": {"catalogus", "zaaktypen", "informatieobjecttypen", "status", "omschrijving", "datumGeldigheid",
                     "page"},
    "eigenschappen": {"zaaktype", "zaaktypeIdentificatie", "status", "datumGeldigheid", "page"},
}


@pytest.fixture
def schema(client):
    response = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi")
    assert response.status_code == 200
    return yaml.safe_load(response.content)


def test_schema_is_valid_openapi_3(schema):
    assert schema["openapi"].startswith("3.")
    validate_schema(schema)


def test_schema_has_the_catalogi_paths_and_parameters(schema):
    for name in CATALOGI:
        listing = schema["paths"][f"/api/catalogi/v1/{name}"]["get"]
        assert {p["name"] for p in listing["parameters"] if p["in"] == "query"} == PARAMETERS[name], name
        assert f"/api/catalogi/v1/{name}/{{uuid}}" in schema["paths"]
    assert "JWT-Claims" in schema["components"]["securitySchemes"]
