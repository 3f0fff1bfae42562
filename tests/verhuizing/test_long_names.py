"""The RvIG test set has four persons whose full name is longer than 200 characters: each walks the journey.

Names are stored whole wherever a register's name lands (roles, the move's persons, statuses, audit,
term events). PostgreSQL enforces column lengths (SQLite does not), so CI is where this bites.
"""

import pytest

from tests.eform_check import send
from zaken.integrations.registry import get_adapter
from zaken.models import AuditLog, Document, Rol, Status, Zaak
from zaken.processes.verhuizing.models import VerhuizingPersoon

pytestmark = pytest.mark.django_db

LONG_NAMES = ("999991000", "999993331", "999993902")  # living, 206-230 characters
DECEASED_LONG_NAME = "999991139"  # 233 characters
FORM = "/rotterdam/aanvragen/verhuizing/"


def full_name(bsn: str) -> str:
    return get_adapter("brp").persoon(bsn)["naam"]["volledigeNaam"]


@pytest.mark.parametrize("bsn", LONG_NAMES)
def test_a_long_name_logs_in_files_a_move_and_follows_it(client, demo, move_form, bsn,
                                                         django_capture_on_commit_callbacks):
    naam = full_name(bsn)
    assert len(naam) > 200
    response = client.post("/rotterdam/inloggen/digid/", {"bsn": bsn, "level": "midden", "next": FORM})
    assert response.status_code == 302 and response["Location"] == FORM
    with django_capture_on_commit_callbacks(execute=True):
        response = send(client, FORM, move_form())
    assert response.status_code == 302 and response["Location"].endswith("/verzonden/")

    zaak = Zaak.objects.get(initiator_bsn=bsn)
    assert Rol.objects.get(zaak=zaak, roltype=Rol.RolType.INITIATOR).naam == naam
    assert VerhuizingPersoon.objects.get(verhuizing__zaak=zaak, bsn=bsn).naam == naam
    assert Status.objects.filter(zaak=zaak, gezet_door=naam).exists()
    assert AuditLog.objects.filter(zaak=zaak, actor_label=naam).exists()
    assert Document.objects.filter(zaak=zaak, kenmerk="ontvangstbevestiging").exists()
    assert client.get(f"/rotterdam/mijn-zaken/{zaak.identificatie}/").status_code == 200


def test_a_deceased_long_name_logs_in_and_is_refused_politely(client, demo):
    assert len(full_name(DECEASED_LONG_NAME)) > 200
    response = client.post("/rotterdam/inloggen/digid/", {"bsn": DECEASED_LONG_NAME, "level": "midden",
                                                          "next": FORM})
    assert response.status_code == 302
    assert client.get(FORM).status_code == 403  # the BRP says deceased: a refusal page, not a 500
