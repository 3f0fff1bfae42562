"""The final submit registers the application in a small, fixed number of queries."""

import pytest

from tests.submit_budget import final_submit

from .support import SUZANNE, antwoorden, form_url, invullen, klein

pytestmark = pytest.mark.django_db
BUDGET = 72  # measured 70 (a permit, the payment started) and 59 (a melding), each with its ZGW outbox messages


@pytest.mark.parametrize("data", [antwoorden, klein], ids=["vergunning", "melding"])
def test_final_submit_budget(client, demo, digid_login, data, django_capture_on_commit_callbacks):
    digid_login(SUZANNE)
    invullen(client, data())
    response, sql = final_submit(client, form_url(step="controleren"), django_capture_on_commit_callbacks)
    assert len(sql) <= BUDGET, "\n".join(sql)
