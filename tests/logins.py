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


def bedrijf_auth(*, level: str = "EH4", **company) -> AuthContext:
    return AuthContext.now(means="eherkenning", level=level, acting_subject="urn:test:medewerker",
                           display_name="Medewerker", **{**DE_MAAS, **company})


def start_view_404_for_companies(rf, view, *, url: str, gemeente, steps) -> None:
    """A DigiD-only e-form's start view itself (not only its decorator) refuses an eHerkenning login at every step."""
    import pytest
    from django.http import Http404

    request = rf.get(url)
    request.auth_context, request.gemeente = bedrijf_auth(), gemeente
    for step in steps:
        with pytest.raises(Http404):
            view(request, gemeente_product=None, definition=None, step=step)


def bedrijf(*, level: str = "EH4", **company) -> Client:
    """A company logged in with eHerkenning in a client of its own (by default Uitvaartcentrum De Maas)."""
    client = Client()
    login_session(client, bedrijf_auth(level=level, **company))
    return client
