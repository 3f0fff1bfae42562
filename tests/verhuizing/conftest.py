import pytest
from django.core.management import call_command

from zaken.identity import AuthContext


@pytest.fixture
def rechten(demo):
    call_command("backoffice_rechten", verbosity=0)


def digid(bsn: str, level: str = "midden") -> AuthContext:
    return AuthContext.now(means="digid", level=level, bsn=bsn, display_name="Test")


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
