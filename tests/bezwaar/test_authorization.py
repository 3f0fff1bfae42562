"""Only the applicant of the case may object in the tracker: another citizen, a company, the applicant under
another municipality and a civil servant of another municipality each get a 404 on every new route."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from tests.backoffice_tasks import open_task
from tests import logins
from tests.logins import burger
from zaken.processes.bezwaar.flows import BezwaarFlow
from zaken.processes.bezwaar.models import Bezwaar

from .conftest import ESTRELLA
from .helpers import bezwaar_data, detail_url, form_url

AMS = ZoneInfo("Europe/Amsterdam")
pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(datetime(2026, 11, 30, 12, tzinfo=AMS))]
SUZANNE = "999993653"  # Rotterdam too


def bedrijf():
    return logins.bedrijf(level="EH3", kvk_nummer="69599068", vestigingsnummer="",
                          company_name="Stichting Haagse Zomerfeesten")


@pytest.mark.parametrize("who", ["another citizen", "a company"])
def test_nobody_else_may_object_or_see_it(afgewezen, who, django_capture_on_commit_callbacks):
    zaak = afgewezen()
    other = burger(SUZANNE) if who == "another citizen" else bedrijf()
    assert other.get(form_url(zaak)).status_code == 404
    assert other.post(form_url(zaak), bezwaar_data()).status_code == 404
    assert not Bezwaar.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        assert burger(ESTRELLA).post(form_url(zaak), bezwaar_data()).status_code == 302
    bezwaar = Bezwaar.objects.get()
    assert other.get(detail_url(bezwaar.zaak)).status_code == 404


def test_the_applicant_under_another_municipality_or_on_another_cases_besluit_gets_404(afgewezen):
    zaak = afgewezen()
    estrella = burger(ESTRELLA)
    assert estrella.get(form_url(zaak).replace("/rotterdam/", "/den-haag/")).status_code == 404
    besluit = zaak.besluiten.get()
    assert estrella.get(f"/rotterdam/mijn-zaken/{zaak.identificatie}/besluiten/{besluit.pk + 1000}/bezwaar/"
                        ).status_code == 404
    other = afgewezen(bsn="999990378")  # Martinus de Beer, Rotterdam: his besluit under Estrella's case
    foreign = other.besluiten.get()
    assert estrella.get(f"/rotterdam/mijn-zaken/{zaak.identificatie}/besluiten/{foreign.pk}/bezwaar/"
                        ).status_code == 404
    assert estrella.get(form_url(zaak)).status_code == 200


def test_a_civil_servant_of_another_municipality(client, afgewezen, django_capture_on_commit_callbacks):
    zaak = afgewezen()
    with django_capture_on_commit_callbacks(execute=True):
        burger(ESTRELLA).post(form_url(zaak), bezwaar_data())
    bezwaar = Bezwaar.objects.get()
    task = open_task(bezwaar, BezwaarFlow.beslissen)
    base = f"/behandelen/taken/flows/{BezwaarFlow.instance.app_label}/{task.process_id}/beslissen/{task.pk}/"
    dossier = reverse("behandelen:zaken:dossier", args=[bezwaar.zaak.pk])
    client.force_login(get_user_model().objects.get(username="behandelaar-den-haag"))
    assert client.get(dossier).status_code == 404
    assert client.post(base + "assign/").status_code == 404
    assert client.get(base + "execute/").status_code == 404
    client.force_login(get_user_model().objects.get(username="behandelaar-rotterdam"))
    assert client.get(dossier).status_code == 200
