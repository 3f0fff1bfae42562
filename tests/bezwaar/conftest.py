import pytest

from tests.verhuizing.helpers import file_move, work_task

ESTRELLA = "999997610"  # Rotterdam
NO_HOME = {"postcode": "3034CJ", "huisnummer": 50}  # no woonfunctie: a civil servant decides


@pytest.fixture
def afgewezen(client, demo, rechten, django_capture_on_commit_callbacks):
    """A move rejected by a civil servant of Rotterdam: a besluit sent today, with a bezwaar term."""
    def _make(bsn: str = ESTRELLA):
        with django_capture_on_commit_callbacks(execute=True):
            verhuizing = file_move(bsn=bsn, days=3, **NO_HOME)
            work_task(client, verhuizing, "beoordelen",
                      {"besluit": "afwijzen", "toelichting": "Dit pand is geen woning."}, "behandelaar-rotterdam")
        client.logout()
        assert verhuizing.state == "afgewezen"
        return verhuizing.zaak

    return _make
