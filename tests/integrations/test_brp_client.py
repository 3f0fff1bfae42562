"""The Haal Centraal BRP client: what it sends (fields, protocolling headers, no BSN in a URL or log),
which connection it uses, its typed errors, and the bijhouding writes with their idempotency key."""

import io
import json
import logging
import re
from datetime import date

import pytest
from django.conf import settings

from zaken.integrations.brp.base import SYSTEEM, Doel
from zaken.integrations.brp.client import BrpHaalCentraal, oin
from zaken.integrations.errors import Misconfigured, NotFound, Unavailable
from zaken.integrations.mockservice import app as mockapp
from zaken.integrations.mockservice import brp as mockbrp
from zaken.integrations.models import BrpMockMutatie, RegisterKoppeling
from zaken.integrations.registry import get_adapter

pytestmark = pytest.mark.django_db

MOULIN = "999993653"
JOHAN, WILMA = "999999345", "999999357"
HOFDIJK_651 = "0599010000110069"
DOEL = Doel(doelbinding="verhuizing", verwerking="verhuizing: aangifte adreswijziging")


@pytest.fixture
def sent(monkeypatch):
    """Every request that reaches the mock registers: method, path, query, headers, JSON body."""
    seen = []
    real = mockapp.application

    def recording(environ, start_response):
        body = environ["wsgi.input"].read(int(environ.get("CONTENT_LENGTH") or 0))
        environ["wsgi.input"] = io.BytesIO(body)
        seen.append({"method": environ["REQUEST_METHOD"], "path": environ["PATH_INFO"],
                     "query": environ.get("QUERY_STRING", ""),
                     "headers": {k[5:].replace("_", "-").lower(): v for k, v in environ.items()
                                 if k.startswith("HTTP_")},
                     "body": json.loads(body or b"null")})
        return real(environ, start_response)

    monkeypatch.setattr(mockapp, "application", recording)
    return seen


def test_persoon_asks_only_the_callers_fields_with_the_protocol_headers(demo, sent):
    persoon = get_adapter("brp", demo["rotterdam"]).persoon(MOULIN, ("naam.volledigeNaam",), doel=DOEL)
    assert persoon == {"naam": {"volledigeNaam": "Suzanne Moulin"}}
    [request] = sent
    assert request["method"] == "POST" and request["path"] == "/haalcentraal/api/brp/personen"
    assert request["query"] == ""
    assert request["body"] == {"type": "RaadpleegMetBurgerservicenummer", "burgerservicenummer": [MOULIN],
                               "fields": ["burgerservicenummer", "naam.volledigeNaam"]}
    headers = request["headers"]
    assert headers["x-origin-oin"] == "00000001212629098000"  # Rotterdam's OIN, from its RSIN
    assert headers["x-doelbinding"] == "verhuizing"
    assert headers["x-verwerking"] == "verhuizing: aangifte adreswijziging"
    assert headers["x-gebruiker"] == "BurgerZelf"
    assert not any(MOULIN in value for value in headers.values())


def test_fields_must_be_a_sequence_of_paths():
    with pytest.raises(TypeError):
        get_adapter("brp").persoon(MOULIN, ("naam"))


def test_oin_of_a_municipality(demo):
    assert oin(demo["den-haag"]) == "00000001002220647000"
    assert oin(demo["den-haag"].pk) == "00000001002220647000"
    assert oin(None) == ""


def test_no_identifier_in_a_url_or_a_log_line(demo, sent, caplog):
    brp = get_adapter("brp", demo["rotterdam"])
    with caplog.at_level(logging.INFO, logger="samenloket.integrations.http"):
        brp.persoon(JOHAN, ("naam",), doel=DOEL)
        brp.personen([JOHAN, WILMA], ("naam",), doel=DOEL)
        brp.bewoners(HOFDIJK_651, doel=DOEL)
        with pytest.raises(NotFound):
            brp.persoon("123456782")
    lines = [r.getMessage() for r in caplog.records if r.name == "samenloket.integrations.http"]
    assert lines and all(re.match(r"^brp POST /personen -> 200 in \d+ ms$", line) for line in lines)
    for identifier in (JOHAN, WILMA, HOFDIJK_651, "123456782"):
        assert identifier not in caplog.text
        assert all(identifier not in r["path"] + r["query"] for r in sent)


def test_a_municipalitys_own_connection_is_used(demo, sent):
    RegisterKoppeling.objects.create(gemeente=demo["rotterdam"], soort="brp", api_key="rotterdam-sleutel",
                                     url=settings.MOCK_REGISTERS_URL + "/haalcentraal/api/brp")
    get_adapter("brp", demo["rotterdam"]).persoon(MOULIN, ("naam",))
    get_adapter("brp", demo["den-haag"]).persoon(MOULIN, ("naam",))
    assert [r["headers"].get("x-api-key") for r in sent] == ["rotterdam-sleutel", None]


def test_personen_in_batches_of_twenty_in_the_callers_order(sent, mock_registers):
    personen = json.loads((mock_registers / "brp" / "personen.json").read_text(encoding="utf-8"))
    bsns = [p["burgerservicenummer"] for p in personen][:45]
    found = get_adapter("brp").personen(list(reversed(bsns)), ("burgerservicenummer", "geslacht"))
    assert [len(r["body"]["burgerservicenummer"]) for r in sent] == [20, 20, 5]
    assert [p["burgerservicenummer"] for p in found] == list(reversed(bsns))


def test_bewoners_oldest_first_with_just_the_asked_fields(sent):
    bewoners = get_adapter("brp").bewoners(HOFDIJK_651, ("burgerservicenummer",))
    assert all(set(b) == {"burgerservicenummer"} for b in bewoners) and len(bewoners) == 5
    assert sent[0]["body"] == {"type": "ZoekMetAdresseerbaarObjectIdentificatie",
                               "adresseerbaarObjectIdentificatie": HOFDIJK_651, "fields": ["burgerservicenummer"]}
    everything = get_adapter("brp").bewoners(HOFDIJK_651)
    assert {b["burgerservicenummer"] for b in everything} == {b["burgerservicenummer"] for b in bewoners}
    born = [b["geboorte"]["datum"]["datum"] for b in everything]
    assert born == sorted(born)


def test_typed_errors(monkeypatch, settings):
    brp = get_adapter("brp")
    with pytest.raises(NotFound):
        brp.persoon("123456782")  # not in the register
    with pytest.raises(NotFound):
        brp.bewoners("not-an-id")  # the API refuses it (400): a Rejected, which is a NotFound
    monkeypatch.setattr(mockbrp, "ROUTES", [
        ("POST", re.compile(re.escape(mockbrp.PERSONEN_PATH)),
         lambda request: mockapp.foutbericht(request, 403, code="authorization", title="Niet geautoriseerd.")),
        *mockbrp.ROUTES])
    with pytest.raises(Misconfigured):
        brp.persoon(MOULIN)
    settings.MOCK_UNAVAILABLE = {"brp"}
    with pytest.raises(Unavailable):
        brp.persoon(MOULIN)


def test_writes_carry_the_case_reference_and_register_once(demo, sent):
    brp = get_adapter("brp", demo["rotterdam"])
    [adres] = get_adapter("bag").adres_zoeken(postcode="2562 hg", huisnummer=180)
    for _ in range(2):  # a retried task
        brp.adres_wijzigen(bsn=JOHAN, adres=adres, datum_aanvang=date(2026, 3, 1), referentie="ZAAK-2026-0000042",
                           doel=DOEL, gebruiker=SYSTEEM)
    writes = [r for r in sent if r["path"].startswith("/gemeente/brp/bijhouding/v1/")]
    assert [r["path"] for r in writes] == ["/gemeente/brp/bijhouding/v1/verhuizingen"] * 2
    body = writes[0]["body"]
    assert body["referentie"] == "ZAAK-2026-0000042" and body["burgerservicenummer"] == JOHAN
    assert body["datumAanvangAdreshouding"] == "2026-03-01"
    assert body["adres"]["adresseerbaarObjectIdentificatie"] == "0518010000990001"
    assert body["adres"]["gemeentecode"] == "0518" and body["adres"]["huisnummer"] == 180
    assert writes[0]["headers"]["x-gebruiker"] == "Samenloket"
    assert BrpMockMutatie.objects.filter(bsn=JOHAN, soort="adres").count() == 1
    assert brp.persoon(JOHAN, ("verblijfplaats.adresseerbaarObjectIdentificatie",))["verblijfplaats"][
        "adresseerbaarObjectIdentificatie"] == "0518010000990001"


def test_a_write_without_reference_is_not_retried_after_it_was_sent(monkeypatch):
    calls = []
    real_post = BrpHaalCentraal._bijhouding

    def spy(self):
        client = real_post(self)
        original = client.post
        client.post = lambda *a, **kw: calls.append(kw["idempotent"]) or original(*a, **kw)
        return client

    monkeypatch.setattr(BrpHaalCentraal, "_bijhouding", spy)
    brp = get_adapter("brp")
    brp.overlijden_registreren(bsn=WILMA, datum=date(2026, 2, 14), plaats_gemeentecode="0599")
    brp.overlijden_registreren(bsn=JOHAN, datum=date(2026, 2, 14), plaats_gemeentecode="0599", referentie="Z-1")
    assert calls == [False, True]


def test_the_client_counts_as_a_mock_while_either_connection_is_ours(settings):
    adapter = get_adapter("brp")
    assert adapter.is_mock
    real = {**settings.REGISTERS["brp"], "url": "https://brp.example.nl/haalcentraal/api/brp"}
    settings.REGISTERS = {**settings.REGISTERS, "brp": real}
    assert adapter.is_mock  # the bijhouding still goes to the mock registers
    settings.REGISTERS = {**settings.REGISTERS, "bijhouding": {**real, "url": "https://brp.example.nl/bijhouding"}}
    assert not adapter.is_mock
