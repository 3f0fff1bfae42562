"""Who may file and who may see: levels, means, company scope and municipality scope."""

import pytest
from django.contrib.auth import get_user_model

from .helpers import MAAS, file_death

pytestmark = pytest.mark.django_db

FORM = "/rotterdam/aanvragen/aangifte-overlijden/"


def test_eh2plus_refused_by_default_but_accepted_when_configured(client, demo, eherkenning_login):
    eherkenning_login(MAAS, level="EH2+")
    response = client.get(FORM)
    assert response.status_code == 403 and "eHerkenning EH3" in response.content.decode()
    gp = demo["rotterdam"].producten.get(product__slug="aangifte-overlijden")
    gp.min_level_eherkenning = "EH2+"
    gp.save()
    assert client.get(FORM).status_code == 200


def test_digid_citizen_gets_wrong_means(client, demo, digid_login):
    digid_login("999993653", level="hoog")
    assert client.get(FORM).status_code == 403


@pytest.fixture
def zaak(demo, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return file_death().zaak


def test_other_company_and_citizen_get_404(client, zaak, eherkenning_login, digid_login):
    url = f"/rotterdam/mijn-zaken/{zaak.identificatie}/"
    document = zaak.documenten.first()
    eherkenning_login(MAAS, company="Uitvaartcentrum De Maas B.V.")
    assert client.get(url).status_code == 200
    eherkenning_login("69599084", company="Uitvaartzorg Hofstad B.V.")
    assert client.get(url).status_code == 404
    assert client.get(f"{url}documenten/{document.uuid}/").status_code == 404
    digid_login("999990378")  # even the deceased's own BSN sees nothing
    assert client.get(url).status_code == 404


def test_vestiging_scope(client, demo, eherkenning_login, django_capture_on_commit_callbacks):
    from .helpers import undertaker

    with django_capture_on_commit_callbacks(execute=True):
        zaak = file_death(auth=undertaker("69599084", vestiging="000038417369",
                                          company="Uitvaartzorg Hofstad B.V.")).zaak
    url = f"/rotterdam/mijn-zaken/{zaak.identificatie}/"
    eherkenning_login("69599084", company="Uitvaartzorg Hofstad B.V.")  # the whole company
    assert client.get(url).status_code == 200
    eherkenning_login("69599084", vestiging="000038417369", company="Uitvaartzorg Hofstad B.V.")
    assert client.get(url).status_code == 200
    eherkenning_login("69599084", vestiging="000038417350", company="Uitvaartzorg Hofstad B.V.")
    assert client.get(url).status_code == 404


def test_civil_servant_of_another_municipality_gets_404(client, rechten, zaak):
    from viewflow.workflow.models import Task

    task = Task.objects.filter(process__seed_object_id=zaak.pk).exclude(flow_task_type="START").first()
    client.force_login(get_user_model().objects.get(username="behandelaar-den-haag"))
    assert client.get(f"/behandelen/zaken/{zaak.pk}/").status_code == 404
    assert client.get(f"/behandelen/taken/flows/overlijden/{task.process_id}/controleren/{task.pk}/").status_code == 404
    page = client.get("/behandelen/werklijst/aangifte-overlijden/")
    assert page.status_code == 200 and zaak.identificatie not in page.content.decode()
    client.force_login(get_user_model().objects.get(username="behandelaar-rotterdam"))
    assert client.get(f"/behandelen/zaken/{zaak.pk}/").status_code == 200


@pytest.mark.parametrize("kvk, company", [("69599084", "Uitvaartzorg Hofstad B.V."),
                                          ("68750110", "Uitvaartcentrum De Maas B.V."),
                                          ("68727720", "Voorne Uitvaartbegeleiding B.V.")])
def test_demo_undertakers_reach_the_form(client, demo, eherkenning_login, kvk, company):
    eherkenning_login(kvk, company=company)
    response = client.get(FORM)
    assert response.status_code == 200 and 'name="bsn"' in response.content.decode()


@pytest.mark.parametrize("kvk, company", [("69599068", "Stichting Haagse Zomerfeesten"),
                                          ("90004760", "Havenbakkerij Voorne V.O.F.")])
def test_other_companies_cannot_look_up_a_person(client, demo, eherkenning_login, kvk, company):
    from zaken.models import AuditLog

    eherkenning_login(kvk, company=company)
    response = client.get(FORM)
    html = response.content.decode()
    assert response.status_code == 403 and 'name="bsn"' not in html
    assert "Alleen uitvaartondernemingen" in html and "aan de balie" in html
    response = client.post(FORM, {"aangever_naam": "X", "email": "x@example.nl", "telefoon": "010 1234567",
                                  "bsn": "999990378"})
    assert response.status_code == 403 and "999990378" not in response.content.decode()
    assert not AuditLog.objects.filter(name="brp_opzoeken").exists()
    for step in ("overlijden/", "controleren/"):
        assert client.get(FORM + step).status_code == 403


def test_municipality_admits_a_company_by_kvk_number(client, demo, eherkenning_login):
    gp = demo["rotterdam"].producten.get(product__slug="aangifte-overlijden")
    gp.toegang_kvk_nummers = "90004760"
    gp.save()
    eherkenning_login("90004760", company="Havenbakkerij Voorne V.O.F.")
    assert client.get(FORM).status_code == 200
    assert client.get("/hellevoetsluis/aanvragen/aangifte-overlijden/").status_code == 403  # only in Rotterdam
