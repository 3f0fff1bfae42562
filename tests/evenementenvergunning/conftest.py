import pytest


@pytest.fixture
def bedrijf_login(eherkenning_login):
    def _login(kvk="69599084"):
        return eherkenning_login(kvk, level="EH3", company="Testbedrijf B.V.")

    return _login
