import pytest


@pytest.fixture
def maas(eherkenning_login):
    """Logged in as a demo undertaker (SBI 96031) in Rotterdam."""
    from .helpers import MAAS

    return eherkenning_login(MAAS, company="Uitvaartcentrum De Maas B.V.")
