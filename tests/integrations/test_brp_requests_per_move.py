"""How many requests one move notification sends to the BRP, from the DigiD login to the filed case.

Counted from the register client's log (one line per request), by step, and guarded: a change that
asks the BRP more often shows up here. The move itself is applied to the BRP later (on the moving
day, by a task), which is not part of filing.
"""

import logging
from datetime import timedelta

import pytest
from django.utils import timezone

from tests.eform_check import confirm
from tests.integrations.test_brp_client import sent  # noqa: F401  (the fixture)
from zaken.processes.verhuizing.models import Verhuizing

pytestmark = pytest.mark.django_db

LOGIN = "/rotterdam/inloggen/digid/"
FORM = "/rotterdam/aanvragen/verhuizing/"
SUZANNE = "999993653"  # lives alone
JOHAN, WILMA = "999999345", "999999357"  # moves with his wife

# Measured: login 1 (the name); form page 2 (the declarant, the residents of the address); form post 2
# (read again to check the answers) + 1 with co-movers (are they alive); check page 2; submit 2 (the
# page's prefill) + 1 (the residents at the new address) + 2 with co-movers (they are checked against
# the BRP once more). Alone: 10, with a co-mover: 13. Every page reads the prefill again, so that
# what the citizen sees and what is filed is the BRP's of that moment.
BUDGET = {SUZANNE: ((), 10), JOHAN: ((WILMA,), 13)}


@pytest.fixture
def brp_requests(caplog):
    caplog.set_level(logging.INFO, logger="samenloket.integrations.http")

    def count() -> int:
        n = sum(1 for r in caplog.records
                if r.name == "samenloket.integrations.http" and r.getMessage().startswith("brp "))
        caplog.clear()
        return n

    return count


@pytest.mark.parametrize("bsn", [SUZANNE, JOHAN])
def test_brp_requests_of_one_move_notification(client, demo, move_form, brp_requests, bsn, sent,
                                               django_capture_on_commit_callbacks):
    meeverhuizers, budget = BUDGET[bsn]
    steps = {}
    response = client.post(LOGIN, {"bsn": bsn, "level": "midden", "next": FORM})
    assert response.status_code == 302
    steps["login"] = brp_requests()
    assert client.get(FORM).status_code == 200
    steps["form"] = brp_requests()
    data = move_form(verhuisdatum=(timezone.localdate() + timedelta(days=14)).isoformat())
    if meeverhuizers:
        data["meeverhuizers"] = list(meeverhuizers)
    response = client.post(FORM, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    steps["post"] = brp_requests()
    with django_capture_on_commit_callbacks(execute=True):
        response = confirm(client, response["Location"])
    assert response["Location"].endswith("/verzonden/")
    steps["check and submit"] = brp_requests()
    verhuizing = Verhuizing.objects.get()
    assert set(verhuizing.personen.values_list("bsn", flat=True)) == {bsn, *meeverhuizers}
    print(f"BRP requests per move ({len(meeverhuizers)} co-movers): {steps}")
    assert sum(steps.values()) <= budget, steps
    # Every one of them said who asks, for what, on whose behalf, and asked for named fields only.
    sent = [r for r in sent if r["path"].startswith("/haalcentraal/api/brp/")]  # the BAG is asked too
    assert len(sent) == sum(steps.values())
    purposes = [(r["headers"]["x-doelbinding"], r["headers"]["x-verwerking"]) for r in sent]
    assert purposes[0] == ("inloggen", "inloggen: naam tonen")
    assert set(purposes[1:]) == {("verhuizing", "verhuizing: aangifte adreswijziging")}
    for request in sent:
        assert request["headers"]["x-origin-oin"] == "00000001212629098000"
        assert request["headers"]["x-gebruiker"] == "BurgerZelf"
        assert request["body"]["fields"] and "naam" not in request["body"]["fields"]
