"""Fresh logged-in clients for the tests: another citizen, a company. A new client holds a session that starts
now, so it also serves after a time travel (a DigiD session ends after 15 minutes without a request)."""

from django.test import Client

from tests.conftest import login_session
from zaken.identity import AuthContext

DE_MAAS = {"kvk_nummer": "68750110", "vestigingsnummer": "000037178601",
           "company_name": "Uitvaartcentrum De Maas B.V."}  # Rotterdam; an undertaker, not an applicant


def burger(bsn: str, *, level: str = "midden", naam: str = "Test Persoon") -> Client:
    """A citizen logged in with DigiD in a client of their own."""
    client = Client()
    login_session(client, AuthContext.now(means="digid", level=level, bsn=bsn, display_name=naam))
    return client


def bedrijf(*, level: str = "EH4", **company) -> Client:
    """A company logged in with eHerkenning in a client of its own (by default Uitvaartcentrum De Maas)."""
    client = Client()
    login_session(client, AuthContext.now(means="eherkenning", level=level, acting_subject="urn:test:medewerker",
                                          display_name="Medewerker", **{**DE_MAAS, **company}))
    return client
