"""Cases filed through the real services and API clients with Zaken API scopes."""

import pytest

from zaken.actors import Actor
from zaken.api.models import Applicatie, Autorisatie
from zaken.models import Gemeente, GemeenteProduct, Product, Rol
from zaken.sync import zaaktypen_sync

from ..conftest import SECRET, auth  # noqa: F401  (auth: used by the tests through this module)

BSN = "999993653"


@pytest.fixture
def testproduct(demo):
    """The test process offered by Den Haag and Rotterdam, so their catalogi hold its zaaktype."""
    product, _ = Product.objects.get_or_create(slug="testaanvraag", defaults={"upl_naam": "testaanvraag"})
    zaaktypen_sync()
    for slug in ("den-haag", "rotterdam"):
        GemeenteProduct.objects.get_or_create(gemeente=demo[slug], product=product, defaults={"actief": True})
    return product


@pytest.fixture
def maak_zaak(testproduct):
    """A case of the test process, through its registration service (zaak_create, the flow's start)."""
    from tests.testprocess.services import testaanvraag_registreren

    def _make(gemeente="den-haag", bsn=BSN, naam="Test Persoon", **initiator):
        gemeente = Gemeente.objects.get(slug=gemeente) if isinstance(gemeente, str) else gemeente
        ini = initiator or {"betrokkene_type": Rol.BetrokkeneType.NATUURLIJK_PERSOON, "inp_bsn": bsn, "naam": naam}
        return testaanvraag_registreren(gemeente=gemeente, initiator=ini, onderwerp="Test",
                                        actor=Actor.system("test")).zaak

    return _make


@pytest.fixture
def zrc_client(demo):
    """An Applicatie with Zaken API autorisaties: scopes, optionally one zaaktype and a maximum level."""

    def _make(client_id="zac", gemeente="den-haag", scopes=("zaken.lezen",), zaaktype=None,
              max_vertrouwelijkheidaanduiding="zeer_geheim", extra=()):
        app = Applicatie.objects.create(gemeente=demo[gemeente], label=client_id, client_id=client_id, secret=SECRET)
        Autorisatie.objects.create(applicatie=app, component="zrc", scopes=list(scopes), zaaktype=zaaktype,
                                   max_vertrouwelijkheidaanduiding=max_vertrouwelijkheidaanduiding)
        for component, comp_scopes in extra:
            Autorisatie.objects.create(applicatie=app, component=component, scopes=list(comp_scopes))
        return app

    return _make
