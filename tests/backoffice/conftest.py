"""Back-office fixtures: two municipalities, their civil servants and a test-process case each."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from tests.factories import GemeenteFactory
from tests.testprocess.definition import DEFINITION
from tests.testprocess.services import testaanvraag_registreren
from zaken.actors import Actor
from zaken.backoffice.services import groepsrechten_sync
from zaken.backoffice.site import registered_flows
from zaken.models import Medewerkerschap, Product
from zaken.sync import zaaktypen_sync

BSN = "999993653"


@pytest.fixture(scope="session", autouse=True)
def mock_registers():
    """The back office reads no register: skip building the mock registers for these tests."""


@pytest.fixture(autouse=True)
def private_storage(settings, tmp_path):
    """Case documents go to a temporary directory, never into var/."""
    settings.STORAGES = {**settings.STORAGES, "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": tmp_path / "private", "base_url": None}}}


@pytest.fixture(autouse=True)
def testproduct(db):
    """The test process's product (not in a migration: the portal's catalogue stays as it is)."""
    Product.objects.get_or_create(slug=DEFINITION.slug, defaults={"upl_naam": "testaanvraag"})
    zaaktypen_sync()


@pytest.fixture
def rechten(db):
    return groepsrechten_sync(flows=registered_flows())


@pytest.fixture
def gemeente_a(db):
    return GemeenteFactory(slug="gemeente-a", naam="Gemeente A", gemeentecode="9101")


@pytest.fixture
def gemeente_b(db):
    return GemeenteFactory(slug="gemeente-b", naam="Gemeente B", gemeentecode="9102")


@pytest.fixture
def make_medewerker(rechten):
    def _make(username, *gemeenten, group="behandelaar", is_staff=True):
        user = get_user_model().objects.create_user(username, password="x", first_name=username.title(),
                                                    last_name="Test", is_staff=is_staff)
        user.groups.add(Group.objects.get(name=group))
        for gemeente in gemeenten:
            Medewerkerschap.objects.create(user=user, gemeente=gemeente)
        return user

    return _make


@pytest.fixture
def medewerker_a(make_medewerker, gemeente_a):
    return make_medewerker("anna", gemeente_a)


@pytest.fixture
def medewerker_b(make_medewerker, gemeente_b):
    return make_medewerker("bert", gemeente_b)


@pytest.fixture
def registreer():
    def _registreer(gemeente, onderwerp="Testonderwerp", **gegevens):
        return testaanvraag_registreren(
            gemeente=gemeente, onderwerp=onderwerp, actor=Actor.system("test"),
            initiator={"betrokkene_type": "natuurlijk_persoon", "inp_bsn": BSN, "naam": "Jan Jansen",
                       "email": "jan@example.org"},
            gegevens={"onderwerp": onderwerp, "bsn_partner": "999990019", **gegevens})

    return _registreer


@pytest.fixture
def aanvraag_a(registreer, gemeente_a):
    return registreer(gemeente_a, "Aanvraag in A")


@pytest.fixture
def aanvraag_b(registreer, gemeente_b):
    return registreer(gemeente_b, "Aanvraag in B")
