"""POST /zaken: the ZGW rules, then the zaaktype's process files the case (bezwaar: a bezwaarschrift by post)."""

import pytest
from django.utils import timezone

from tests.api.zaken.test_statussen import zaak_url
from zaken.api.zaken import refs
from zaken.models import AuditLog, Besluit, Status, Zaak, ZaakType
from zaken.notificaties.models import Notificatie
from zaken.processes.bezwaar.models import Bezwaar

pytestmark = pytest.mark.django_db

LIST = "/api/zaken/v1/zaken"
SCOPES = ("zaken.lezen", "zaken.aanmaken")


def zaaktype_url(gemeente, process):
    zaaktype = ZaakType.objects.get(process_slug=process)
    return f"http://testserver/api/catalogi/v1/zaaktypen/{refs.zaaktype_uuid(gemeente, zaaktype.identificatie)}"


@pytest.fixture
def met_besluit(zaak):
    """A Rotterdam case with a sent besluit, to object to."""
    case = zaak()
    today = timezone.localdate()
    Besluit.objects.create(zaak=case, identificatie="B-1", besluittype="Verlening", datum=today, ingangsdatum=today,
                           verzenddatum=today)
    return case


def body(case, process="bezwaar", **extra):
    return {"zaaktype": zaaktype_url(case.gemeente, process), "bronorganisatie": case.gemeente.rsin,
            "verantwoordelijkeOrganisatie": case.gemeente.rsin, "startdatum": timezone.localdate().isoformat(),
            "toelichting": "Ik ben het niet eens met de verlening.",
            "relevanteAndereZaken": [{"url": zaak_url(case), "aardRelatie": "onderwerp"}], **extra}


def create(client, headers, data):
    return client.post(LIST, data, content_type="application/json", **headers)


def test_a_bezwaar_by_post_becomes_a_case_with_its_process(client, zrc, met_besluit):
    messages = Notificatie.objects.count()
    response = create(client, zrc(scopes=SCOPES), body(met_besluit))
    assert response.status_code == 201, response.json()
    data = response.json()
    assert response["Location"] == data["url"] and response["Content-Crs"] == "EPSG:4326"
    zaak = Zaak.objects.get(uuid=data["uuid"])
    assert zaak.zaaktype.process_slug == "bezwaar" and data["identificatie"] == zaak.identificatie
    assert Bezwaar.objects.get(zaak=zaak).besluit.zaak == met_besluit
    assert Status.objects.filter(zaak=zaak).exists()
    line = AuditLog.objects.get(zaak=zaak, name="zaak_create")
    assert line.actor_type == "applicatie"
    assert Notificatie.objects.filter(resource="zaak", actie="create").count() >= 1
    assert Notificatie.objects.count() > messages


def test_zrc_001_zaaktype_must_be_of_our_catalogus(client, zrc, met_besluit):
    response = create(client, zrc(scopes=SCOPES), body(met_besluit, zaaktype="http://testserver/api/catalogi/v1/"
                                                                             "zaaktypen/" + "0" * 8 + "-0000-0000-0000-" + "0" * 12))
    assert response.status_code == 400 and response.json()["invalidParams"][0]["name"] == "zaaktype"
    # Another municipality's zaaktype URL is not of this client's catalogus either.
    den_haag = Zaak(gemeente=met_besluit.gemeente.__class__.objects.get(slug="den-haag"))
    response = create(client, zrc(client_id="b", scopes=SCOPES),
                      body(met_besluit, zaaktype=zaaktype_url(den_haag.gemeente, "bezwaar")))
    assert response.status_code == 400


def test_zrc_001_a_zaaktype_outside_the_autorisatie_is_403(client, zrc, met_besluit):
    assert create(client, zrc(scopes=SCOPES, zaaktype="verhuizing"), body(met_besluit)).status_code == 403


def test_zrc_002_an_existing_identificatie_is_a_400(client, zrc, met_besluit):
    response = create(client, zrc(scopes=SCOPES), body(met_besluit, identificatie=met_besluit.identificatie))
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["code"] == "identificatie-niet-uniek"


def test_zrc_002_identificatie_comes_from_our_series(client, zrc, met_besluit):
    data = create(client, zrc(scopes=SCOPES), body(met_besluit)).json()
    assert data["identificatie"].startswith(f"ZAAK-{timezone.localdate().year}-")


def test_bronorganisatie_must_be_the_municipalitys_rsin(client, zrc, met_besluit):
    response = create(client, zrc(scopes=SCOPES), body(met_besluit, bronorganisatie="123456782"))
    assert response.status_code == 400 and response.json()["invalidParams"][0]["name"] == "bronorganisatie"


def test_zrc_009_vertrouwelijkheidaanduiding_kept_or_derived(client, zrc, met_besluit):
    derived = create(client, zrc(scopes=SCOPES), body(met_besluit)).json()
    assert derived["vertrouwelijkheidaanduiding"] == ZaakType.objects.get(process_slug="bezwaar").vertrouwelijkheidaanduiding
    Bezwaar.objects.all().delete()
    kept = create(client, zrc(client_id="b", scopes=SCOPES), body(met_besluit, vertrouwelijkheidaanduiding="geheim"))
    assert kept.status_code == 201, kept.json()
    assert kept.json()["vertrouwelijkheidaanduiding"] == "geheim"


def test_zrc_015_producten_of_diensten_of_the_zaaktype(client, zrc, met_besluit):
    response = create(client, zrc(scopes=SCOPES), body(met_besluit, productenOfDiensten=["https://elders.nl/p"]))
    assert response.status_code == 400 and response.json()["invalidParams"][0]["name"] == "productenOfDiensten"


def test_zrc_014_nvt_with_a_betaaldatum_is_a_400(client, zrc, met_besluit):
    response = create(client, zrc(scopes=SCOPES), body(met_besluit, betalingsindicatie="nvt",
                                                          laatsteBetaaldatum="2026-11-01T10:00:00Z"))
    assert response.status_code == 400 and response.json()["invalidParams"][0]["name"] == "laatsteBetaaldatum"


def test_a_process_without_api_creation_is_a_400_that_says_so(client, zrc, met_besluit):
    response = create(client, zrc(scopes=SCOPES), body(met_besluit, process="verhuizing"))
    assert response.status_code == 400
    assert response.json()["invalidParams"][0] == {
        "name": "zaaktype", "code": "aanmaken-niet-ondersteund", "reason": response.json()["invalidParams"][0]["reason"]}


def test_the_process_names_what_it_misses(client, zrc, met_besluit):
    response = create(client, zrc(scopes=SCOPES), body(met_besluit, relevanteAndereZaken=[]))
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["name"] == "relevanteAndereZaken"
    assert Zaak.objects.filter(zaaktype__process_slug="bezwaar").count() == 0


def test_create_needs_the_scope_and_content_crs(client, zrc, met_besluit):
    assert create(client, zrc(scopes=("zaken.lezen",)), body(met_besluit)).status_code == 403
    headers = {k: v for k, v in zrc(client_id="b", scopes=SCOPES).items() if k != "HTTP_CONTENT_CRS"}
    assert create(client, headers, body(met_besluit)).status_code == 412
