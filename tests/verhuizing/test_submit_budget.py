"""The final submit files the move in a small, fixed number of queries, whatever the household."""

import pytest

from tests.submit_budget import final_submit

pytestmark = pytest.mark.django_db

FORM = "/rotterdam/aanvragen/verhuizing/"
BUDGET = 82  # measured 80-81 (of which ~25 start the flow and take its automatic steps)


def test_final_submit_budget(client, demo, digid_login, move_form, django_capture_on_commit_callbacks):
    digid_login("999993653")
    assert client.post(FORM, move_form()).status_code == 302
    response, sql = final_submit(client, FORM + "controleren/", django_capture_on_commit_callbacks)
    assert response["Location"].endswith("/verzonden/")
    assert len(sql) <= BUDGET, "\n".join(sql)
