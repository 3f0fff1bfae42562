"""Query budgets of the DigiD mock login: the page, the POST (fresh and over an earlier login), the mock's part.

The POST needs the municipality (tenancy), the BRP mock's overlay of registered changes (for the name),
and a new session (Django checks the new key is free, then inserts it); a login over an older one also
deletes that session. Nothing may grow with the register, the cases or the person.
"""

import pytest

from tests.factories import ZaakFactory

pytestmark = pytest.mark.django_db

URL = "/rotterdam/inloggen/digid/"
SUZANNE = "999993653"


def login(client, bsn=SUZANNE):
    return client.post(URL, {"bsn": bsn, "level": "midden", "next": "/rotterdam/mijn-zaken/"})


def test_login_page_and_post_stay_small(client, demo, django_assert_max_num_queries):
    client.get(URL)  # the process has parsed the mock register before (once per process, not per request)
    with django_assert_max_num_queries(2):
        assert client.get(URL).status_code == 200
    with django_assert_max_num_queries(7):
        assert login(client).status_code == 302
    ZaakFactory.create_batch(5, gemeente=demo["rotterdam"], initiator_bsn=SUZANNE)
    with django_assert_max_num_queries(10):  # over an earlier login: Django reads, then deletes that session
        assert login(client, "999999345").status_code == 302


def test_the_mock_reads_the_register_once_per_login(client, demo, django_assert_num_queries):
    from zaken.integrations.auth.digid_mock import _display_name

    _display_name(SUZANNE)
    with django_assert_num_queries(1):  # the changes registered in the BRP mock, laid over the fixture
        assert _display_name(SUZANNE) == ("Suzanne Moulin", True)
