"""The scope matrix of every operation of rollen, resultaten, zaakobjecten, zaakeigenschappen and audittrail."""

import json

import pytest

from zaken.models import Rol

from ..conftest import auth

LEZEN, BIJWERKEN, AUDIT = "zaken.lezen", "zaken.bijwerken", "audittrails.lezen"


def operations(zaak, rol):
    z = f"/api/zaken/v1/zaken/{zaak.uuid}"
    return [
        ("get", "/api/zaken/v1/rollen", LEZEN),
        ("get", f"/api/zaken/v1/rollen/{rol.uuid}", LEZEN),
        ("post", "/api/zaken/v1/rollen", BIJWERKEN),
        ("delete", "/api/zaken/v1/rollen/00000000-0000-4000-8000-000000000000", BIJWERKEN),
        ("get", "/api/zaken/v1/resultaten", LEZEN),
        ("post", "/api/zaken/v1/resultaten", BIJWERKEN),
        ("get", "/api/zaken/v1/zaakobjecten", LEZEN),
        ("get", f"{z}/zaakeigenschappen", LEZEN),
        ("get", f"{z}/audittrail", AUDIT),
    ]


@pytest.mark.parametrize("granted", [(), (LEZEN,), (BIJWERKEN,), (AUDIT,), (LEZEN, BIJWERKEN, AUDIT)])
def test_scope_matrix(client, zrc_client, maak_zaak, granted):
    zaak = maak_zaak()
    rol = Rol.objects.get(zaak=zaak)
    zrc_client(scopes=granted)
    for method, path, needed in operations(zaak, rol):
        response = getattr(client, method)(path, json.dumps({}), content_type="application/json", **auth("zac")) \
            if method == "post" else getattr(client, method)(path, **auth("zac"))
        if needed not in granted:
            assert response.status_code == 403, (method, path, granted, response.status_code)
        else:  # allowed: a 2xx, a 400 for the empty body, a 404 for the unknown rol
            assert response.status_code in (200, 400, 404), (method, path, granted, response.status_code)
            assert response.status_code != 404 or "00000000" in path


def test_unsupported_methods_are_405(client, zrc_client, maak_zaak):
    zaak = maak_zaak()
    zrc_client(scopes=(LEZEN, BIJWERKEN, AUDIT))
    assert client.put(f"/api/zaken/v1/rollen/{Rol.objects.get().uuid}", "{}", content_type="application/json",
                      **auth("zac")).status_code == 405
    assert client.post("/api/zaken/v1/zaakobjecten", "{}", content_type="application/json",
                       **auth("zac")).status_code == 405
    assert client.post(f"/api/zaken/v1/zaken/{zaak.uuid}/audittrail", "{}", content_type="application/json",
                       **auth("zac")).status_code == 405


def test_no_token_is_401(client, maak_zaak):
    assert client.get("/api/zaken/v1/rollen").status_code == 401
