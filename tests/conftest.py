"""Shared fixtures: mock registers built once per run, demo municipalities, logins."""

import pytest
from django.conf import settings
from django.core.management import call_command

from zaken.identity import AuthContext


@pytest.fixture(scope="session", autouse=True)
def mock_registers(tmp_path_factory):
    """Convert the RvIG test set once per run, into a directory of its own."""
    target = tmp_path_factory.mktemp("mockdata")
    call_command("mock_registers_build", target=str(target), verbosity=0)
    settings.MOCK_DATA_DIR = target
    return target


@pytest.fixture(autouse=True)
def empty_cache():
    """Counters (BRP look-ups per hour) and cached register answers must not leak from test to test."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def demo(db):
    """The demo municipalities, products and civil-servant accounts."""
    call_command("demo_data", zonder_zaken=True, verbosity=0)
    from zaken.models import Gemeente

    return {g.slug: g for g in Gemeente.objects.all()}


def login_session(client, auth: AuthContext):
    """Put a DigiD/eHerkenning login in the test client's session, as the login view does."""
    import time

    from portal.session import ACTIVITY_KEY, SESSION_KEY

    session = client.session
    session[SESSION_KEY] = auth.to_session()
    session[ACTIVITY_KEY] = time.time()
    session.save()


@pytest.fixture
def digid_login(client):
    def _login(bsn: str, level: str = "midden", name: str = "Test Persoon"):
        login_session(client, AuthContext.now(means="digid", level=level, bsn=bsn, display_name=name))
        return client

    return _login


@pytest.fixture
def eherkenning_login(client):
    def _login(kvk: str, vestiging: str = "", level: str = "EH3", company: str = "Testbedrijf B.V."):
        login_session(client, AuthContext.now(means="eherkenning", level=level, kvk_nummer=kvk,
                                              vestigingsnummer=vestiging, company_name=company,
                                              acting_subject="urn:test:medewerker", display_name="Medewerker"))
        return client

    return _login
