"""SP metadata per municipality, the admin of the connections, IdP-initiated logout, the IdP standalone."""

import subprocess
import threading
import urllib.request
from urllib.parse import urlsplit
from wsgiref.simple_server import WSGIRequestHandler, make_server

import pytest
from django.contrib.auth.models import Group
from saml2 import md
from saml2.mdstore import InMemoryMetaData

from portal.session import SESSION_KEY
from zaken.admin_site import beheer_group_name
from zaken.integrations.auth.saml.idp import make_idp_app
from zaken.integrations.auth.saml.models import SamlKoppeling

from .conftest import post_to_acs, start_login
from .wsgi import call

ENTITY = md.EntityDescriptor.c_tag


def test_metadata_per_municipality_is_signed_and_names_its_endpoints(client, koppeling, sp_keys, tmp_path):
    koppeling("den-haag")
    koppeling("rotterdam", key=1)
    for slug, key in (("den-haag", 0), ("rotterdam", 1)):
        response = client.get(f"/{slug}/inloggen/digid/metadata/")
        assert response.status_code == 200 and response["Content-Type"] == "application/samlmetadata+xml"
        xml = response.content.decode()
        loaded = InMemoryMetaData(None, xml)
        loaded.load()
        entity_id = f"http://testserver/{slug}/inloggen/digid/metadata/"
        sp = loaded[entity_id]["spsso_descriptor"][0]
        acs = sp["assertion_consumer_service"][0]
        assert (acs["location"], acs["binding"]) == (f"http://testserver/{slug}/inloggen/digid/acs/",
                                                     "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST")
        assert sp["single_logout_service"][0]["location"] == f"http://testserver/{slug}/inloggen/digid/slo/"
        assert sp["authn_requests_signed"] == "true" and sp["want_assertions_signed"] == "true"
        # Signed with this municipality's own key: xmlsec1 verifies it with its certificate.
        (tmp_path / "md.xml").write_text(xml)
        (tmp_path / "cert.pem").write_text(sp_keys[key][0])
        verify = subprocess.run(["xmlsec1", "--verify", "--pubkey-cert-pem", str(tmp_path / "cert.pem"),
                                 "--id-attr:ID", "urn:oasis:names:tc:SAML:2.0:metadata:EntityDescriptor",
                                 str(tmp_path / "md.xml")], capture_output=True, text=True)
        assert verify.returncode == 0, verify.stderr
        assert "PRIVATE KEY" not in xml
    assert client.get("/hellevoetsluis/inloggen/digid/metadata/").status_code == 404


def test_metadata_is_not_served_while_the_mock_is_configured(client, demo):
    assert client.get("/den-haag/inloggen/digid/metadata/").status_code == 404
    assert client.get("/den-haag/inloggen/digid/").status_code == 200  # the one-page mock, unchanged


@pytest.fixture
def beheerder(django_user_model, demo):
    user = django_user_model.objects.create_user("fb", password="x", is_staff=True)
    from django.core.management import call_command

    call_command("backoffice_rechten", verbosity=0)
    user.groups.add(Group.objects.get(name=beheer_group_name()))
    return user


def test_the_functional_administrator_keeps_connections_and_never_sees_the_key(client, beheerder, koppeling, sp_keys,
                                                                              idps):
    client.force_login(beheerder)
    assert client.get("/admin/integrations/samlkoppeling/").status_code == 200
    assert client.get("/admin/integrations/samlkoppeling/add/").status_code == 200
    cert, key = sp_keys[0]
    form = {"gemeente": "", "middel": "digid", "actief": "on", "minimum_niveau": "midden",
            "sp_entity_id": "https://loket.example/den-haag/inloggen/digid/metadata/", "sp_certificaat": cert,
            "sp_sleutel": key, "idp_metadata": idps["digid"].metadata(), "dienst_id": "",
            "attribute_consuming_service_index": "",
            "dienstbeperkingen": "urn:etoegang:1.9:ServiceRestriction:Vestigingsnr"}
    from zaken.models import Gemeente

    form["gemeente"] = str(Gemeente.objects.get(slug="den-haag").pk)
    response = client.post("/admin/integrations/samlkoppeling/add/", form)
    assert response.status_code == 302, [l for l in response.content.decode().splitlines() if "error" in l.lower()][:20]
    saved = SamlKoppeling.objects.get()
    assert saved.sp_sleutel.strip() == key.strip()

    page = client.get(f"/admin/integrations/samlkoppeling/{saved.pk}/change/").content.decode()
    assert "PRIVATE KEY" not in page and key.splitlines()[1] not in page
    # Saving without a key keeps the stored one; a wrong key, broken metadata or a level of the other means is refused.
    assert client.post(f"/admin/integrations/samlkoppeling/{saved.pk}/change/",
                       {**form, "sp_sleutel": "", "minimum_niveau": "substantieel"}).status_code == 302
    saved.refresh_from_db()
    assert saved.sp_sleutel.strip() == key.strip() and saved.minimum_niveau == "substantieel"
    for change, message in (({"sp_sleutel": sp_keys[1][1]}, "Deze sleutel hoort niet bij het certificaat"),
                            ({"idp_metadata": "geen xml <"}, "geen geldige SAML-metadata"),
                            ({"idp_metadata": "<geen/>"}, "precies één identity provider"),
                            ({"sp_certificaat": "nee"}, "geen certificaat in PEM-formaat"),
                            ({"minimum_niveau": "EH3"}, "Kies een niveau van DigiD")):
        page = client.post(f"/admin/integrations/samlkoppeling/{saved.pk}/change/", {**form, **change})
        assert page.status_code == 200 and message in page.content.decode(), change
    # One connection per municipality and means.
    duplicate = client.post("/admin/integrations/samlkoppeling/add/", form)
    assert duplicate.status_code == 200 and SamlKoppeling.objects.count() == 1


def test_idp_initiated_logout_ends_the_login_and_answers(client, koppeling, idps):
    koppeling("den-haag")
    idp = idps["digid"]
    acs, encoded, relay = idp.authn_response(None, start_login(client, "den-haag"),
                                             subject={"bsn": "999993653", "level": "midden"})
    assert post_to_acs(client, acs, encoded, relay).status_code == 302
    session_index = client.session[SESSION_KEY]["extra"]["saml"]["session_index"]
    location = idp.logout_url(None, session_index)
    assert location.startswith("http://testserver/den-haag/inloggen/digid/slo/?SAMLRequest=")
    parts = urlsplit(location)
    # Without its signature the same LogoutRequest ends nothing.
    unsigned = "&".join(p for p in parts.query.split("&") if not p.startswith("Signature="))
    assert client.get(f"{parts.path}?{unsigned}").status_code == 302 and SESSION_KEY in client.session
    assert "bent u uitgelogd" not in client.get("/den-haag/").content.decode()  # and claims nothing
    answer = client.get(f"{parts.path}?{parts.query}")
    assert answer.status_code == 302 and SESSION_KEY not in client.session
    status, _headers, page = call(idp, "GET", answer["Location"])
    assert status == 200 and "U bent uitgelogd" in page


def test_a_logout_message_without_a_valid_signature_is_refused(client, koppeling):
    koppeling("den-haag")
    for query in ("SAMLRequest=abc", "SAMLResponse=abc&SigAlg=x&Signature=y", ""):
        response = client.get(f"/den-haag/inloggen/digid/slo/?{query}")
        assert response.status_code == 302 and response["Location"] == "/den-haag/"


class _Quiet(WSGIRequestHandler):
    def log_message(self, *args):
        pass


def test_the_idp_runs_standalone_over_http(tmp_path):
    app = make_idp_app("eherkenning", "/eherkenning/idp/", key_dir=tmp_path)
    server = make_server("127.0.0.1", 0, app, handler_class=_Quiet)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        base = f"http://127.0.0.1:{server.server_port}"
        with urllib.request.urlopen(f"{base}/eherkenning/idp/metadata/", timeout=5) as answer:
            xml = answer.read().decode()
        loaded = InMemoryMetaData(None, xml)
        loaded.load()
        assert loaded[f"{base}/eherkenning/idp/metadata/"]["idpsso_descriptor"]
        assert (tmp_path / "idp-eherkenning.key").stat().st_mode & 0o077 == 0
    finally:
        server.shutdown()
        server.server_close()


def test_an_idp_logout_for_someone_else_leaves_this_login(client, koppeling, idps):
    from django.test import Client

    koppeling("den-haag")
    idp = idps["digid"]
    other = Client()
    for browser, bsn in ((client, "999993653"), (other, "999990019")):
        acs, encoded, relay = idp.authn_response(None, start_login(browser, "den-haag"),
                                                 subject={"bsn": bsn, "level": "midden"})
        assert post_to_acs(browser, acs, encoded, relay).status_code == 302
    location = idp.logout_url(None, other.session[SESSION_KEY]["extra"]["saml"]["session_index"])
    parts = urlsplit(location)
    answer = client.get(f"{parts.path}?{parts.query}")  # delivered to the wrong browser
    assert answer.status_code == 302 and answer["Location"].startswith("http://idp.test/digid/idp/slo/")
    assert client.session[SESSION_KEY]["bsn"] == "999993653"
