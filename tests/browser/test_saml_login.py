"""DigiD over SAML in a real browser: the portal, the local IdP on its own port, and back, then single logout."""

import copy
import threading
from wsgiref.simple_server import WSGIRequestHandler, make_server

import pytest
from playwright.sync_api import expect

from zaken.integrations.auth.saml.certs import self_signed
from zaken.integrations.auth.saml.idp import make_idp_app
from zaken.integrations.auth.saml.models import SamlKoppeling

from .conftest import assert_accessible, screenshot

pytestmark = pytest.mark.django_db(transaction=True)

BSN = "999993653"


class _Quiet(WSGIRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture
def digid_idp(tmp_path):
    """The IdP on a free loopback port; 'localhost' like the live server, so both are one site for cookies."""
    server = make_server("127.0.0.1", 0, lambda env, start: app(env, start), handler_class=_Quiet)
    app = make_idp_app("digid", "/digid/idp/", key_dir=tmp_path, base_url=f"http://localhost:{server.server_port}")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield app
    server.shutdown()
    server.server_close()


def test_digid_saml_journey_in_the_browser(page, live_server, demo, digid_idp, settings):
    settings.INTEGRATIONS = {**settings.INTEGRATIONS, "digid": "digid-saml"}
    # The logout form's POST is redirected to the IdP: CSP form-action must name it (SAMENLOKET_CSP_FORM_ACTION).
    idp_origin = digid_idp.base_url
    policy = copy.deepcopy(settings.CONTENT_SECURITY_POLICY)
    policy["DIRECTIVES"]["form-action"] = [*policy["DIRECTIVES"]["form-action"], idp_origin]
    settings.CONTENT_SECURITY_POLICY = policy
    cert, key = self_signed("den-haag digid (browser test)")
    SamlKoppeling.objects.create(
        gemeente=demo["den-haag"], middel="digid", sp_entity_id=f"{live_server.url}/den-haag/inloggen/digid/metadata/",
        sp_certificaat=cert, sp_sleutel=key, idp_metadata=digid_idp.metadata(), minimum_niveau="basis")

    page.goto("/den-haag/inloggen/?next=/den-haag/mijn-zaken/")
    page.get_by_role("link", name="Inloggen met DigiD").click()
    expect(page.get_by_role("heading", name="Lokale DigiD (testomgeving)")).to_be_visible()
    assert_accessible(page, "lokale DigiD-IdP")
    page.get_by_label("Burgerservicenummer").fill(BSN)
    page.get_by_label("midden", exact=True).check()
    page.get_by_role("button", name="Inloggen").click()  # the IdP posts the signed Response back (autopost.js)
    page.wait_for_url("**/den-haag/mijn-zaken/")
    expect(page.get_by_text("Ingelogd als Suzanne Moulin")).to_be_visible()

    page.goto("/den-haag/aanvragen/rijbewijs/")
    expect(page.get_by_text("Voor dit product is een hoger betrouwbaarheidsniveau nodig")).to_be_visible()

    page.goto("/den-haag/uitloggen/")
    page.get_by_role("button", name="Uitloggen").last.click()  # through the IdP's single logout and back
    page.wait_for_url("**/den-haag/")
    expect(page.get_by_text("U bent uitgelogd.")).to_be_visible()
    expect(page.get_by_text("Ingelogd als")).to_have_count(0)


@pytest.mark.parametrize("gemeente", ["den-haag", "rotterdam", "hellevoetsluis"])
def test_saml_error_page_in_every_theme(page, demo, settings, gemeente):
    """A municipality without a DigiD connection: the error page says so, in its own look, and passes axe."""
    settings.INTEGRATIONS = {**settings.INTEGRATIONS, "digid": "digid-saml"}
    page.goto(f"/{gemeente}/inloggen/?next=/{gemeente}/mijn-zaken/")
    page.get_by_role("link", name="Inloggen met DigiD").click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.get_by_text("is bij deze gemeente nog niet mogelijk")).to_be_visible()
    assert_accessible(page, f"SAML-fout ({gemeente})")
    screenshot(page, f"saml-fout-{gemeente}")
