"""The civil servant's dossier of a renewal: the process's own facts, read access logged."""

import pytest
from django.contrib.auth import get_user_model

from zaken.models import AuditLog

from .helpers import SUZANNE, aanvragen_en_betalen

pytestmark = pytest.mark.django_db


def test_dossier_shows_order_and_counter(client, balies, digid_login, rijbewijs_form, rechten,
                                         django_capture_on_commit_callbacks):
    digid_login(SUZANNE, level="substantieel")
    rijbewijs = aanvragen_en_betalen(client, rijbewijs_form(), django_capture_on_commit_callbacks)
    rijbewijs.refresh_from_db()
    client.force_login(get_user_model().objects.get(username="behandelaar-rotterdam"))
    html = client.get(f"/behandelen/zaken/{rijbewijs.zaak.pk}/").content.decode()
    assert rijbewijs.rdw_order_id in html and "Stadswinkel Centrum" in html and "€ 51,10" in html
    assert AuditLog.objects.filter(zaak=rijbewijs.zaak, operation=AuditLog.Operation.READ).exists()
    client.force_login(get_user_model().objects.get(username="behandelaar-den-haag"))
    assert client.get(f"/behandelen/zaken/{rijbewijs.zaak.pk}/").status_code == 404
