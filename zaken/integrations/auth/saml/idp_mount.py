"""The local IdPs as a staging stack mounts them: keys under var/saml/idp, SP metadata read from the database.

    from zaken.integrations.auth.saml.idp_mount import demo_idp_apps
    apps = demo_idp_apps("http://127.0.0.1:8001")   # {"/digid/idp/": app, "/eherkenning/idp/": app}

Reading our SP metadata from the database, not over HTTP, lets the IdP run in any process of the
stack, even the portal's own. `base_url` must be the --idp-url given to saml_demo_setup: the IdP's
entity id, and so the metadata stored in the connections, derive from it.
"""

from __future__ import annotations

from pathlib import Path

from django.conf import settings

from zaken.identity import DIGID, EHERKENNING

from .idp import IdpApp, fetch_metadata, make_idp_app
from .models import SamlKoppeling
from .sp import SpUrls, metadata_xml


def idp_key_dir() -> Path:
    return Path(settings.VAR_DIR) / "saml" / "idp"


def sp_metadata_from_db(entity_id: str) -> str | None:
    """Our metadata for a connection whose entity id is its metadata URL (as saml_demo_setup makes them)."""
    koppeling = SamlKoppeling.objects.filter(sp_entity_id=entity_id, actief=True).select_related("gemeente").first()
    if koppeling is None or not entity_id.endswith("/metadata/"):
        return fetch_metadata(entity_id)
    base = entity_id.removesuffix("metadata/")
    return metadata_xml(koppeling, SpUrls(acs=f"{base}acs/", slo=f"{base}slo/", metadata=entity_id))


def demo_idp_apps(base_url: str) -> dict[str, IdpApp]:
    return {f"/{means}/idp/": make_idp_app(means, f"/{means}/idp/", key_dir=idp_key_dir(), base_url=base_url,
                                           sp_metadata=sp_metadata_from_db)
            for means in (DIGID, EHERKENNING)}
