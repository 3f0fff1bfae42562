"""The final submit files the permit (granted at once here) in a small, fixed number of queries."""

import pytest

from tests.submit_budget import final_submit

from .support import SUZANNE, form_url

pytestmark = pytest.mark.django_db
BUDGET = 93  # measured 91, the besluit and the ZGW outbox messages included (its letter comes from the worker)


def test_final_submit_budget(client, digid_login, parkeer_form, django_capture_on_commit_callbacks):
    digid_login(SUZANNE)
    assert client.post(form_url(), parkeer_form()).status_code == 302
    response, sql = final_submit(client, form_url(step="controleren"), django_capture_on_commit_callbacks)
    assert response["Location"].endswith("/verzonden/")
    assert len(sql) <= BUDGET, "\n".join(sql)
