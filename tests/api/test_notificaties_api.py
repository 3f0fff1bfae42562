"""Notificaties API 1.0: kanaal, abonnement (one municipality's, auth never shown back, the spec's
validation, a callback URL that cannot reach our own network) and publishing a message."""

import pytest
from django.conf import settings
from django.test import override_settings

from zaken.notificaties.callback import CallbackRefused, check_callback_url
from zaken.notificaties.delivery import post_message
from zaken.notificaties.models import Abonnement, Kanaal, Notificatie
from zaken.notificaties.services import notificatie_schrijven, notificatie_verdelen

from .conftest import auth

pytestmark = pytest.mark.django_db

API = "/api/notificaties/v1"
CALLBACK = "http://127.0.0.1:9/callback"  # tests allow local callbacks (config.settings.test)
CONSUMER = {"component": "nrc", "scopes": ["notificaties.consumeren"]}
STRICT = {"HTTPS_ONLY": True, "PRIVATE_ADDRESSES": False}


@pytest.fixture
def consumer(applicatie):
    return applicatie(client_id="zac", **CONSUMER)


def post(client, path, body, client_id="zac", method="post"):
    return getattr(client, method)(f"{API}/{path}", body, content_type="application/json", **auth(client_id))


def abonnement_body(**kw):
    return {"callbackUrl": CALLBACK, "auth": "Bearer token-van-de-abonnee",
            "kanalen": [{"naam": "zaken", "filters": {"bronorganisatie": "123456789"}}], **kw}


def test_kanalen_list_filter_and_detail(client, consumer):
    listing = client.get(f"{API}/kanaal", **auth("zac"))
    assert listing.status_code == 200 and listing["API-version"] == "1.0.0"
    namen = [k["naam"] for k in listing.json()]
    assert {"zaken", "besluiten", "documenten"} <= set(namen)
    [zaken] = client.get(f"{API}/kanaal", {"naam": "zaken"}, **auth("zac")).json()
    assert "zaaktype" in zaken["filters"]
    assert client.get(zaken["url"], **auth("zac")).json() == zaken
    assert client.get(f"{API}/kanaal/00000000-0000-0000-0000-000000000000", **auth("zac")).status_code == 404


def test_kanaal_create_is_for_publishers(client, applicatie, consumer):
    body = {"naam": "meldingen", "documentatieLink": "https://example.nl/doc", "filters": ["categorie"]}
    assert post(client, "kanaal", body).status_code == 403
    applicatie(client_id="bron", component="nrc", scopes=["notificaties.publiceren"])
    created = post(client, "kanaal", body, client_id="bron")
    assert created.status_code == 201 and created.json()["naam"] == "meldingen"
    assert Kanaal.objects.get(naam="meldingen").filters == ["categorie"]
    again = post(client, "kanaal", body, client_id="bron")
    assert again.status_code == 400 and again.json()["invalidParams"][0]["name"] == "naam"


def test_scopes(client, applicatie):
    applicatie(client_id="zac", component="ztc", scopes=["catalogi.lezen"])
    assert client.get(f"{API}/kanaal", **auth("zac")).status_code == 403
    assert client.get(f"{API}/abonnement", **auth("zac")).status_code == 403
    applicatie(client_id="bron", component="nrc", scopes=["notificaties.publiceren"])
    assert client.get(f"{API}/abonnement", **auth("bron")).status_code == 200
    assert post(client, "abonnement", abonnement_body(), client_id="bron").status_code == 403


def test_abonnement_create_read_and_auth_never_shown(client, consumer):
    response = post(client, "abonnement", abonnement_body())
    assert response.status_code == 201, response.json()
    body = response.json()
    assert set(body) == {"url", "callbackUrl", "kanalen"}
    assert body["kanalen"] == [{"naam": "zaken", "filters": {"bronorganisatie": "123456789"}}]
    abonnement = Abonnement.objects.get()
    assert abonnement.gemeente == consumer.gemeente and abonnement.auth == "Bearer token-van-de-abonnee"
    assert body["url"].endswith(f"/api/notificaties/v1/abonnement/{abonnement.uuid}")
    assert client.get(body["url"], **auth("zac")).json() == body
    assert client.get(f"{API}/abonnement", **auth("zac")).json() == [body]


def test_abonnement_put_patch_delete(client, consumer):
    url = post(client, "abonnement", abonnement_body()).json()["url"]
    path = url.split("/api/notificaties/v1/")[1]
    put = post(client, path, abonnement_body(kanalen=[{"naam": "besluiten"}], auth="Bearer nieuw"), method="put")
    assert put.status_code == 200 and put.json()["kanalen"] == [{"naam": "besluiten", "filters": {}}]
    assert post(client, path, {"kanalen": [{"naam": "zaken"}]}, method="put").status_code == 400  # PUT is whole
    patch = post(client, path, {"callbackUrl": "http://127.0.0.1:9/nieuw"}, method="patch")
    assert patch.status_code == 200 and patch.json()["kanalen"] == [{"naam": "besluiten", "filters": {}}]
    abonnement = Abonnement.objects.get()
    assert abonnement.callback_url.endswith("/nieuw") and abonnement.auth == "Bearer nieuw"
    assert client.delete(url, **auth("zac")).status_code == 204
    assert client.get(url, **auth("zac")).status_code == 404 and not Abonnement.objects.exists()


def test_another_municipalitys_abonnement_is_a_404(client, applicatie, consumer):
    url = post(client, "abonnement", abonnement_body()).json()["url"]
    applicatie("rotterdam", client_id="ander", **CONSUMER)
    assert client.get(url, **auth("ander")).status_code == 404
    assert client.put(url, abonnement_body(), content_type="application/json", **auth("ander")).status_code == 404
    assert client.patch(url, {}, content_type="application/json", **auth("ander")).status_code == 404
    assert client.delete(url, **auth("ander")).status_code == 404
    assert client.get(f"{API}/abonnement", **auth("ander")).json() == []
    assert Abonnement.objects.count() == 1


@pytest.mark.parametrize("kanalen,name,code", [
    ([{"naam": "bestaat-niet"}], "kanalen.0.naam", "kanaal-bestaat-niet"),
    ([{"naam": "zaken"}, {"naam": "zaken"}], "kanalen.1.naam", "unique"),
    ([{"naam": "zaken", "filters": {"kleur": "rood"}}], "kanalen.0.filters", "kenmerk-onbekend"),
    ([], "kanalen", "empty"),
])
def test_abonnement_follows_the_specs_rules(client, consumer, kanalen, name, code):
    response = post(client, "abonnement", abonnement_body(kanalen=kanalen))
    assert response.status_code == 400
    assert [(p["name"], p["code"]) for p in response.json()["invalidParams"]] == [(name, code)]
    assert not Abonnement.objects.exists()


@pytest.mark.parametrize("url", [
    "http://zac.example.nl/callback",  # not https
    "https://127.0.0.1/callback", "https://localhost/callback", "https://10.1.2.3/callback",
    "https://192.168.0.1/", "https://169.254.169.254/latest/meta-data", "https://[::1]/",
    "https://[::ffff:127.0.0.1]/", "https://user:pw@93.184.216.34/", "ftp://93.184.216.34/",
])
def test_callback_url_may_not_reach_our_own_network(client, consumer, url):
    with override_settings(ZGW_NOTIFICATIES_CALLBACK=STRICT):
        with pytest.raises(CallbackRefused):
            check_callback_url(url)
        response = post(client, "abonnement", abonnement_body(callbackUrl=url))
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["name"] == "callbackUrl"


def test_a_public_https_callback_is_accepted():
    with override_settings(ZGW_NOTIFICATIES_CALLBACK=STRICT):
        check_callback_url("https://93.184.216.34/api/callback")  # an address literal: no DNS needed


def test_delivery_refuses_an_internal_callback_too():
    with override_settings(ZGW_NOTIFICATIES_CALLBACK=STRICT):
        assert post_message(url="https://127.0.0.1:9/x", auth="", body={}, message_id="1") == (None, "CallbackRefused")


def test_wrong_content_type_on_a_write_is_a_415_fout(client, consumer):
    response = client.post(f"{API}/abonnement", "callbackUrl=x", content_type="text/plain", **auth("zac"))
    assert response.status_code == 415
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["code"] == "unsupported_media_type"


def test_an_abonnement_made_over_the_api_receives_matching_messages(client, consumer):
    """The API stores what delivery matches on: the municipality, the kanaal and every filter."""
    post(client, "abonnement", abonnement_body())
    abonnement = Abonnement.objects.get()

    def bericht(bronorganisatie, gemeente):
        return notificatie_schrijven(kanaal="zaken", hoofd_object="https://x/zaak", resource="zaak",
                                     resource_url=f"https://x/zaak/{bronorganisatie}/{gemeente.pk}", actie="create",
                                     kenmerken={"bronorganisatie": bronorganisatie}, gemeente_id=gemeente.pk)

    match = bericht("123456789", consumer.gemeente)
    other = bericht("999999999", consumer.gemeente)
    from zaken.models import Gemeente

    elsewhere = bericht("123456789", Gemeente.objects.exclude(pk=consumer.gemeente.pk).first())
    assert [lev.abonnement for lev in notificatie_verdelen(notificatie=match)] == [abonnement]
    assert notificatie_verdelen(notificatie=other) == []
    assert notificatie_verdelen(notificatie=elsewhere) == []


def test_a_publisher_posts_a_notificatie_into_the_outbox(client, applicatie):
    applicatie(client_id="bron", component="nrc", scopes=["notificaties.publiceren"])
    message = {"kanaal": "zaken", "hoofdObject": "https://bron.example.nl/zaken/1", "resource": "zaak",
               "resourceUrl": "https://bron.example.nl/zaken/1", "actie": "create",
               "aanmaakdatum": "2026-03-01T10:00:00Z", "kenmerken": {"bronorganisatie": "123456789"}}
    response = post(client, "notificaties", message, client_id="bron")
    assert response.status_code == 200 and response.json()["kanaal"] == "zaken"
    notificatie = Notificatie.objects.get(resource_url="https://bron.example.nl/zaken/1")
    assert notificatie.gemeente.slug == "den-haag" and notificatie.aanmaakdatum.isoformat().startswith("2026-03-01")
    unknown = post(client, "notificaties", {**message, "kanaal": "onbekend"}, client_id="bron")
    assert unknown.status_code == 400 and unknown.json()["invalidParams"][0]["name"] == "kanaal"


@pytest.mark.parametrize("count", [1, 20])
def test_abonnement_list_query_count_is_constant(client, consumer, count, django_assert_max_num_queries):
    for _ in range(count):
        post(client, "abonnement", abonnement_body())
    with django_assert_max_num_queries(4):  # the client, its autorisaties, the abonnementen, their kanalen
        assert len(client.get(f"{API}/abonnement", **auth("zac")).json()) == count


def test_settings_refuse_local_callbacks_outside_dev_and_test():
    from config.settings import base

    assert base.ZGW_NOTIFICATIES_CALLBACK == {"HTTPS_ONLY": True, "PRIVATE_ADDRESSES": False}
    assert settings.ZGW_NOTIFICATIES_CALLBACK["PRIVATE_ADDRESSES"]  # the tests' own subscriber is local


def test_a_messages_zaaktype_is_the_url_the_catalogi_api_serves(client, applicatie, demo, settings):
    """kenmerken.zaaktype names the zaaktype as the Catalogi API does (its uuid5), not our primary key."""
    from tests.notificaties.helpers import zaak_maken
    from zaken.models import GemeenteProduct, Product, ZaakType

    settings.ZGW_API_BASE_URL = "http://testserver/api"
    gemeente = demo["den-haag"]
    zaak = zaak_maken(gemeente)
    # The test process's product, offered by the municipality, so that its catalogus has the zaaktype.
    GemeenteProduct.objects.get_or_create(gemeente=gemeente, product=Product.objects.get(slug="testaanvraag"),
                                          defaults={"actief": True})
    applicatie()
    identificatie = ZaakType.objects.get(pk=zaak.zaaktype_id).identificatie
    [served] = client.get("/api/catalogi/v1/zaaktypen", {"identificatie": identificatie}, **auth("zac")).json()["results"]
    message = Notificatie.objects.filter(resource="zaak", resource_url__endswith=str(zaak.uuid)).get()
    assert message.kenmerken["zaaktype"] == served["url"]
    assert client.get(message.kenmerken["zaaktype"], **auth("zac")).status_code == 200
