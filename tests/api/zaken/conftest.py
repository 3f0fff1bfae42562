"""Zaken API clients and cases: a Rotterdam client with Zaken API scopes, and parkeervergunning cases."""

import pytest

from tests.api.conftest import auth
from tests.machines import zaak_for
from zaken.api.models import Applicatie, Autorisatie
from zaken.models import Gemeente, ZaakType

ALL_SCOPES = ("zaken.lezen", "zaken.aanmaken", "zaken.bijwerken", "zaken.statussen.toevoegen", "zaken.heropenen",
              "zaken.geforceerd-bijwerken")


@pytest.fixture
def zrc(demo):
    """zrc(gemeente, client_id, scopes, max=..., zaaktype=process slug) -> the auth headers of a new client."""

    def _make(gemeente="rotterdam", client_id="zac", scopes=("zaken.lezen",), max="zeer_geheim", zaaktype=None,
              catalogi=True):
        app = Applicatie.objects.create(gemeente=Gemeente.objects.get(slug=gemeente), label=client_id,
                                        client_id=client_id, secret="een-geheim-van-minstens-tweeëndertig-tekens")
        Autorisatie.objects.create(applicatie=app, component="zrc", scopes=list(scopes),
                                   max_vertrouwelijkheidaanduiding=max,
                                   zaaktype=ZaakType.objects.get(process_slug=zaaktype) if zaaktype else None)
        if catalogi:
            Autorisatie.objects.create(applicatie=app, component="ztc", scopes=["catalogi.lezen"])
        return {**auth(client_id), "HTTP_ACCEPT_CRS": "EPSG:4326", "HTTP_CONTENT_CRS": "EPSG:4326"}

    return _make


@pytest.fixture
def zaak(demo):
    """zaak(gemeente="rotterdam", process="parkeervergunning") -> a case of that real zaaktype."""

    def _make(gemeente="rotterdam", process="parkeervergunning", **kwargs):
        return zaak_for(process, Gemeente.objects.get(slug=gemeente))

    return _make
