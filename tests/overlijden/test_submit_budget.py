"""The final submit files the death registration in a small, fixed number of queries."""

import pytest

from tests.submit_budget import final_submit

from .helpers import FORM, STEP1

pytestmark = pytest.mark.django_db
BUDGET = 56  # measured 54


def test_final_submit_budget(client, demo, maas, death_form, django_capture_on_commit_callbacks):
    assert client.post(FORM, STEP1).status_code == 302
    assert client.post(FORM + "overlijden/", death_form()).status_code == 302
    response, sql = final_submit(client, FORM + "controleren/", django_capture_on_commit_callbacks)
    assert response["Location"].endswith("/verzonden/")
    assert len(sql) <= BUDGET, "\n".join(sql)
