"""Connect the demo municipalities to the local SAML IdPs, for a staging stack on one machine.

    manage.py saml_demo_setup --base-url http://127.0.0.1:8000 --idp-url http://127.0.0.1:8001

Makes the IdPs' test key pairs under var/saml/idp/ (the IdP app reads the same directory, so its
metadata matches), a test key pair per municipality and means, and a SamlKoppeling per active
municipality and means pointing at `<idp-url>/<means>/idp/`. Running it again keeps the keys.
Test keys only: production connections get PKIoverheid certificates through the admin.
"""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from zaken.identity import DIGID, EHERKENNING
from zaken.models import Gemeente

from ...auth.saml.certs import self_signed
from ...auth.saml.idp import default_service_id, make_idp_app
from ...auth.saml.idp_mount import idp_key_dir
from ...auth.saml.models import SamlKoppeling

MINIMUM = {DIGID: "basis", EHERKENNING: "EH2"}  # each product asks its own level on top


class Command(BaseCommand):
    help = "Create SAML test connections of the demo municipalities to the local DigiD/eHerkenning IdPs."

    def add_arguments(self, parser):
        parser.add_argument("--base-url", required=True, help="Where the portal runs, e.g. http://127.0.0.1:8000")
        parser.add_argument("--idp-url", required=True, help="Where the IdPs are mounted (/digid/idp/, ...)")
        parser.add_argument("--key-dir", default="", help="The IdPs' key directory (default var/saml/idp)")

    def handle(self, *args, base_url, idp_url, key_dir, **options):
        base_url, idp_url = base_url.rstrip("/"), idp_url.rstrip("/")
        if not base_url.startswith(("http://", "https://")) or not idp_url.startswith(("http://", "https://")):
            raise CommandError("--base-url and --idp-url are absolute http(s) URLs.")
        keys = Path(key_dir) if key_dir else idp_key_dir()
        made = 0
        for means in (DIGID, EHERKENNING):
            idp_metadata = make_idp_app(means, f"/{means}/idp/", key_dir=keys, base_url=idp_url).metadata()
            for gemeente in Gemeente.objects.filter(actief=True).order_by("slug"):
                made += self._connect(gemeente, means, base_url, idp_metadata)
        self.stdout.write(f"SAML: {made} connections created or updated; IdP keys in {keys}.")
        self.stdout.write("Set SAMENLOKET_DIGID_ADAPTER=digid-saml and SAMENLOKET_EHERKENNING_ADAPTER=eherkenning-saml.")

    def _connect(self, gemeente, means: str, base_url: str, idp_metadata: str) -> int:
        existing = SamlKoppeling.objects.filter(gemeente=gemeente, middel=means).first()
        if existing is not None:
            cert, key = existing.sp_certificaat, existing.sp_sleutel
        else:
            cert, key = self_signed(f"{gemeente.slug} {means} (test)")
        values = {"actief": True, "sp_entity_id": f"{base_url}/{gemeente.slug}/inloggen/{means}/metadata/",
                  "sp_certificaat": cert, "sp_sleutel": key, "idp_metadata": idp_metadata,
                  "minimum_niveau": MINIMUM[means]}
        if means == EHERKENNING:
            values |= {"attribute_consuming_service_index": 1, "dienst_id": default_service_id("", "1")}
        SamlKoppeling.objects.update_or_create(gemeente=gemeente, middel=means, defaults=values)
        return 1
