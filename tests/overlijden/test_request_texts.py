"""The request for missing documents names its deadline as "uiterlijk op" and what follows without an answer."""

import pytest

from zaken.models import Verzoek

from .helpers import file_death, work_task

pytestmark = pytest.mark.django_db


def test_request_mail_says_uiterlijk_op(client, demo, rechten, django_capture_on_commit_callbacks, mailoutbox):
    with django_capture_on_commit_callbacks(execute=True):
        overlijden = file_death()
        work_task(client, overlijden, "controleren", {"uitkomst": "onvolledig",
                                                      "vraag": "Het A-formulier is onleesbaar."}, "behandelaar-rotterdam")
    termijn = Verzoek.objects.get(zaak=overlijden.zaak).termijn
    mail = next(m for m in mailoutbox if "ontbreken" in m.subject)
    assert f"uiterlijk op {termijn.strftime('%d-%m-%Y')}" in mail.body and "vóór" not in mail.body
    assert "geen verlof tot begraven of cremeren" in mail.body
