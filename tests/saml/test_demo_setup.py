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
