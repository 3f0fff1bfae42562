"""saml_demo_setup: connections for every demo municipality against the local IdPs, keys kept on a rerun."""

from io import StringIO

from django.core.management import call_command

from zaken.integrations.auth.saml.idp import make_idp_app
from zaken.integrations.auth.saml.models import SamlKoppeling


def test_demo_setup_connects_every_municipality_to_the_local_idps(demo, tmp_path):
    args = {"base_url": "http://127.0.0.1:8000/", "idp_url": "http://127.0.0.1:8001", "key_dir": str(tmp_path),
            "stdout": StringIO()}
    call_command("saml_demo_setup", **args)
    rows = SamlKoppeling.objects.order_by("gemeente__slug", "middel")
    assert [(k.gemeente.slug, k.middel) for k in rows] == [
        (slug, means) for slug in ("den-haag", "hellevoetsluis", "rotterdam") for means in ("digid", "eherkenning")]
    den_haag = rows.get(gemeente__slug="den-haag", middel="digid")
    assert den_haag.sp_entity_id == "http://127.0.0.1:8000/den-haag/inloggen/digid/metadata/"
    assert den_haag.idp_metadata == make_idp_app("digid", "/digid/idp/", key_dir=tmp_path,
                                                 base_url="http://127.0.0.1:8001").metadata()
    assert len({k.sp_certificaat for k in rows}) == 6  # a key pair of its own per connection
    before = {k.pk: k.sp_sleutel for k in rows}
    call_command("saml_demo_setup", **args)
    assert {k.pk: k.sp_sleutel for k in SamlKoppeling.objects.all()} == before


def test_the_mounted_idps_read_our_metadata_from_the_database_and_log_in(client, demo, saml_settings, settings,
                                                                         tmp_path):
    from zaken.integrations.auth.saml.idp_mount import demo_idp_apps

    from .conftest import post_to_acs, start_login

    settings.VAR_DIR = tmp_path
    call_command("saml_demo_setup", base_url="http://testserver", idp_url="http://idp.test", stdout=StringIO())
    apps = demo_idp_apps("http://idp.test")
    assert set(apps) == {"/digid/idp/", "/eherkenning/idp/"}
    acs, encoded, relay = apps["/digid/idp/"].authn_response(None, start_login(client, "rotterdam"),
                                                             subject={"bsn": "999993653", "level": "midden"})
    assert post_to_acs(client, acs, encoded, relay).status_code == 302
