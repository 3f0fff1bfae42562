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

    from zaken import gemeente_cache

    cache.clear()
    yield
    cache.clear()
    gemeente_cache._seen.update(version=None, until=0.0)  # nor a process's trusted read of the stamp


@pytest.fixture(autouse=True)
def register_circuits_closed():
    """A register that one test took down is up again in the next (the breakers live per process)."""
    from zaken.integrations.http.client import reset_breakers

    reset_breakers()
    yield
    reset_breakers()


@pytest.fixture(autouse=True)
def atw_decree_days_fresh():
    """Each test reads the decree days of its own database state, never a cached earlier one."""
    from zaken.termijnen import besluitdagen_vergeten

    besluitdagen_vergeten()
    yield
    besluitdagen_vergeten()


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


@pytest.fixture
def rechten(demo):
    """The demo groups' back-office permissions (the back-office tests bring their own)."""
    call_command("backoffice_rechten", verbosity=0)


@pytest.fixture
def move_form():
    """POST data for the e-form; override what a test is about."""
    def _data(**overrides):
        from django.utils import timezone

        data = {"postcode": "3035 AW", "huisnummer": "60", "huisletter": "", "huisnummertoevoeging": "",
                "verhuisdatum": timezone.localdate().isoformat(), "inwoning": "nee", "email": "test@example.nl",
                "telefoon": "", "verklaring": "on"}
        data.update(overrides)
        return data

    return _data


@pytest.fixture
def death_form():
    """POST data for step 2 of the e-form: a natural death in Rotterdam, funeral inside the window."""
    def _data(**overrides):
        from datetime import timedelta

        from django.core.files.uploadedfile import SimpleUploadedFile
        from django.utils import timezone

        death = timezone.localtime() - timedelta(hours=10)
        data = {"overlijdensdatum": death.date().isoformat(), "overlijdenstijd": death.strftime("%H:%M"),
                "plaats_soort": "adres", "postcode": "3035 AW", "huisnummer": "60", "huisletter": "",
                "huisnummertoevoeging": "", "plaats_gemeente": "", "doodsoorzaak": "natuurlijk", "wijze": "cremeren",
                "uitvaart_datum": (death.date() + timedelta(days=3)).isoformat(), "uitvaart_tijd": "11:00",
                "uitvaart_plaats": "Crematorium Hofwijk", "uittreksels": "2",
                "a_formulier": SimpleUploadedFile("a-formulier.pdf", b"%PDF-1.7 A", content_type="application/pdf")}
        data.update(overrides)
        return {k: v for k, v in data.items() if v is not None}

    return _data
