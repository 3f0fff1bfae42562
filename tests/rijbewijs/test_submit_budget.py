"""The final submit registers the renewal and starts its payment in a small, fixed number of queries."""

import pytest

from tests.submit_budget import final_submit

from .helpers import FORM, SUZANNE

pytestmark = pytest.mark.django_db
BUDGET = 61  # measured 59, the payment started included


def test_final_submit_budget(client, digid_login, rijbewijs_form, django_capture_on_commit_callbacks):
    digid_login(SUZANNE, level="substantieel")
    assert client.post(FORM, rijbewijs_form()).status_code == 302
    response, sql = final_submit(client, FORM + "controleren/", django_capture_on_commit_callbacks)
    assert "/betalen/" in response["Location"]
    assert len(sql) <= BUDGET, "\n".join(sql)
