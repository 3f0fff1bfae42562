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
