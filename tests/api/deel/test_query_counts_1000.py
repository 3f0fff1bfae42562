"""Every list endpoint of the ZGW APIs answers in the same number of queries for 1 and for 1,000 zaken.

The cases are filed through the test process's registration service (zaak, status, initiator), then get a
resultaat, a stored document and a besluit through the services the back office uses. The other tests
check 1 against 50; this one fills ten pages, so a query per row or per page would show. The zaakobjecten
come from filed moves (test_zaakobjecten.py counts those).
"""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from zaken.actors import Actor
from zaken.api.models import Autorisatie
from zaken.documents.besluit import besluit_nemen
from zaken.models import Document, Resultaat
from zaken.services import document_store

from ..conftest import auth

pytestmark = pytest.mark.django_db
ACTOR = Actor.system("test")
ZAKEN = 1000

# (method, path, query or body builder given the first zaak and besluit)
ENDPOINTS = {
    "zaken": ("get", "/api/zaken/v1/zaken", lambda zaak, besluit: {}),
    "zaken expand": ("get", "/api/zaken/v1/zaken",
                     lambda zaak, besluit: {"expand": "zaaktype,status.statustype,rollen,resultaat"}),
    "zaken _zoek": ("post", "/api/zaken/v1/zaken/_zoek", lambda zaak, besluit: {"bronorganisatie": zaak.bronorganisatie}),
    "statussen": ("get", "/api/zaken/v1/statussen", lambda zaak, besluit: {}),
    "rollen": ("get", "/api/zaken/v1/rollen", lambda zaak, besluit: {}),
    "resultaten": ("get", "/api/zaken/v1/resultaten", lambda zaak, besluit: {}),
    "zaakinformatieobjecten": ("get", "/api/zaken/v1/zaakinformatieobjecten",
                               lambda zaak, besluit: {"zaak": f"http://testserver/api/zaken/v1/zaken/{zaak.uuid}"}),
    "besluiten": ("get", "/api/besluiten/v1/besluiten", lambda zaak, besluit: {}),
    "besluitinformatieobjecten": ("get", "/api/besluiten/v1/besluitinformatieobjecten",
                                  lambda zaak, besluit: {"besluit": f"http://testserver/api/besluiten/v1/besluiten/"
                                                                    f"{besluit.uuid}"}),
    "enkelvoudiginformatieobjecten": ("get", "/api/documenten/v1/enkelvoudiginformatieobjecten",
                                      lambda zaak, besluit: {}),
}


@pytest.fixture
def private_storage(settings, tmp_path):
    """A thousand letters go to a temporary directory."""
    settings.STORAGES = {**settings.STORAGES, "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": tmp_path / "private", "base_url": None}}}


def file_case(maak_zaak, letter: bool = False):
    """One case with every part the lists show: status and initiator (registration), resultaat, document,
    besluit (with its letter, a rendered PDF, when asked)."""
    zaak = maak_zaak()
    Resultaat.objects.create(zaak=zaak, omschrijving="Verleend")
    document_store(zaak=zaak, soort=Document.Soort.BRIEF, titel="Ontvangstbevestiging", content=b"%PDF-1.4 brief",
                   bestandsnaam="brief.pdf", formaat="application/pdf")
    besluit = besluit_nemen(zaak=zaak, actor=ACTOR, document=letter, besluittype="Testbesluit",
                            motivering="Volgens de regels.", grondslag="Testverordening",
                            ingangsdatum=date(2026, 12, 1), vervaldatum=None)
    return zaak, besluit


def statements(captured) -> int:
    """The queries, with a bulk INSERT that the backend splits into batches counted once (SQLite takes 999
    parameters: the audit lines of a page of 100 cases go in two INSERTs there, in one on PostgreSQL)."""
    count, previous = 0, None
    for query in captured:
        insert = query["sql"].partition(" (")[0] if query["sql"].startswith("INSERT INTO") else None
        count += not (insert and insert == previous)
        previous = insert
    return count


def counts(client, headers, zaak, besluit) -> dict[str, tuple[int, int]]:
    """Per endpoint: (queries, results on the page)."""
    found = {}
    for name, (method, path, params) in ENDPOINTS.items():
        data = params(zaak, besluit)
        call = (lambda: client.post(path, data, content_type="application/json", **headers)) if method == "post" \
            else (lambda: client.get(path, data, **headers))
        call()  # steady state: per-process caches (the catalogue) are filled
        with CaptureQueriesContext(connection) as ctx:
            response = call()
        assert response.status_code == 200, (name, response.status_code, response.content[:300])
        body = response.json()
        found[name] = (statements(ctx.captured_queries), len(body["results"] if isinstance(body, dict) else body))
    return found


def test_every_list_endpoint_needs_the_same_queries_for_1_and_1000_zaken(client, maak_zaak, zrc_client,
                                                                          private_storage):
    app = zrc_client(scopes=("zaken.lezen",), extra=(("brc", ("besluiten.lezen",)), ("ztc", ("catalogi.lezen",))))
    Autorisatie.objects.create(applicatie=app, component="drc", scopes=["documenten.lezen"],
                               max_vertrouwelijkheidaanduiding="zeer_geheim")
    headers = {**auth("zac"), "HTTP_ACCEPT_CRS": "EPSG:4326", "HTTP_CONTENT_CRS": "EPSG:4326"}
    zaak, besluit = file_case(maak_zaak, letter=True)  # the besluitinformatieobjecten list filters on it
    one = counts(client, headers, zaak, besluit)
    assert all(results >= 1 for _queries, results in one.values()), {k: v for k, v in one.items() if v[1] < 1}
    for _ in range(ZAKEN - 1):
        file_case(maak_zaak)
    many = counts(client, headers, zaak, besluit)
    # Full pages now (100 per page), in the same number of queries.
    assert {name: queries for name, (queries, _results) in many.items()} == \
        {name: queries for name, (queries, _results) in one.items()}
    assert many["zaken"][1] == many["statussen"][1] == many["besluiten"][1] == 100
