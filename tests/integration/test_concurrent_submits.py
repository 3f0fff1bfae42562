"""With PostgreSQL: many people file a move at the same moment, each its own case, and no 500.

Sixteen persons each reach their check page; then sixteen threads (each its own database connection)
press "versturen" together. Every one gets the sent page and a case with a number of its own.
Skipped without a PostgreSQL DATABASE_URL (`.ci/run` sets one).
"""

import os
import threading

import pytest
from django.db import connection
from django.test import Client

from tests.conftest import login_session
from tests.eform_check import fingerprint_of
from zaken.identity import AuthContext
from zaken.integrations.brp.mock import _register
from zaken.models import Document, Zaak

pytestmark = [
    pytest.mark.integration,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not os.environ.get("DATABASE_URL", "").startswith("postgres"),
                       reason="needs PostgreSQL (DATABASE_URL); `.ci/run` sets it"),
]

FORM = "/rotterdam/aanvragen/verhuizing/"
COUNT = 16


def adults(move_form):
    """Clients of persons who reached the check page of a move to Rotterdam (the register decides who may)."""
    ready = []
    for bsn, persoon in _register().personen.items():
        if len(ready) == COUNT:
            break
        if "overlijden" in persoon or persoon.get("geboorte", {}).get("datum", {}).get("datum", "9") > "2000":
            continue
        client = Client()
        login_session(client, AuthContext.now(means="digid", level="midden", bsn=bsn, display_name="Test"))
        if client.post(FORM, move_form()).status_code == 302:
            ready.append((client, fingerprint_of(client.get(FORM + "controleren/"))))
    assert len(ready) == COUNT
    return ready


def test_sixteen_concurrent_moves_file_sixteen_cases(demo, move_form, django_capture_on_commit_callbacks):
    ready = adults(move_form)
    start = threading.Barrier(COUNT)
    results = [None] * COUNT

    def run(i):
        client, fingerprint = ready[i]
        try:
            start.wait()
            results[i] = client.post(FORM + "controleren/", {"vingerafdruk": fingerprint}).status_code
        except Exception as exc:  # a 500 in the view surfaces here
            results[i] = repr(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(COUNT)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)

    assert results == [302] * COUNT, results
    numbers = list(Zaak.objects.values_list("identificatie", flat=True))
    assert len(numbers) == COUNT and len(set(numbers)) == COUNT
    # The receipts follow outside the requests (here: eagerly, each after its own commit).
    assert Document.objects.filter(kenmerk="ontvangstbevestiging").count() == COUNT


def test_one_person_from_two_browsers_at_once_gets_one_open_move(demo, move_form, monkeypatch):
    """Two logins of the same person (a phone and a laptop) file at the same moment: one case, one refusal.

    No row exists yet to lock for a person without a case; both would pass the "no open move" check.
    """
    from tests.integration.test_double_submit import side_by_side

    bsn = "999993653"
    tabs = []
    for _ in range(2):
        client = Client()
        login_session(client, AuthContext.now(means="digid", level="midden", bsn=bsn, display_name="Test"))
        assert client.post(FORM, move_form()).status_code == 302
        tabs.append((client, fingerprint_of(client.get(FORM + "controleren/"))))
    side_by_side(monkeypatch, "zaken.processes.verhuizing.eform.verhuizing_indienen")
    start = threading.Barrier(2)
    results = [None, None]

    def run(i):
        client, fingerprint = tabs[i]
        try:
            start.wait()
            results[i] = client.post(FORM + "controleren/", {"vingerafdruk": fingerprint}).status_code
        except Exception as exc:
            results[i] = repr(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)

    assert sorted(results) == [302, 409], results  # the second sees the first's case: "loopt al een verhuizing"
    assert Zaak.objects.filter(initiator_bsn=bsn).count() == 1
