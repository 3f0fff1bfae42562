"""File a death through the service (as the e-form does) and work its tasks as a civil servant would."""

from datetime import datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone
from viewflow.workflow import STATUS
from viewflow.workflow.models import Task

from zaken.forms.overlijden.prefill import bedrijf_prefill
from zaken.identity import AuthContext
from zaken.models import Gemeente
from zaken.processes.overlijden.flows import OverlijdenFlow
from zaken.processes.overlijden.services import Aangifte, overlijden_indienen

MAAS = "68750110"  # Uitvaartcentrum De Maas B.V., Rotterdam
PERSOON = "999990378"  # living, Rotterdam


def undertaker(kvk: str = MAAS, vestiging: str = "", level: str = "EH3", company: str = "Uitvaartcentrum De Maas B.V."):
    return AuthContext.now(means="eherkenning", level=level, kvk_nummer=kvk, vestigingsnummer=vestiging,
                           company_name=company, acting_subject="urn:test:medewerker", display_name="Medewerker")


def file_death(*, bsn: str = PERSOON, gemeente_slug: str = "rotterdam", natuurlijk: bool = True,
               funeral_days: int = 3, uitvaart_op=None, auth=None, overleden_op=None):
    gemeente = Gemeente.objects.get(slug=gemeente_slug)
    auth = auth or undertaker()
    overleden_op = overleden_op or (timezone.now() - timedelta(hours=10)).replace(second=0, microsecond=0)
    uitvaart_op = uitvaart_op or datetime.combine(timezone.localdate(overleden_op) + timedelta(days=funeral_days),
                                                  time(11, 0), tzinfo=timezone.get_current_timezone())
    uploads = {"a_formulier": ("a.pdf", b"%PDF-1.7 A", "application/pdf")}
    if not natuurlijk:
        uploads["ovj_verklaring"] = ("ovj.pdf", b"%PDF-1.7 OvJ", "application/pdf")
    if funeral_days > 6:
        uploads["uitstel_besluit"] = ("uitstel.pdf", b"%PDF-1.7 U", "application/pdf")
    return overlijden_indienen(auth=auth, gemeente=gemeente, aangifte=Aangifte(
        bedrijf=bedrijf_prefill(auth), aangever_naam="Piet Aangever", email="uitvaart@example.nl",
        telefoon="010 1234567", overledene_bsn=bsn, overleden_op=overleden_op, plaats="Zwart Janstraat 60",
        plaats_gemeentecode=gemeente.gemeentecode, doodsoorzaak="natuurlijk" if natuurlijk else "niet_natuurlijk",
        wijze="cremeren", uitvaart_op=uitvaart_op, uitvaart_plaats="Crematorium Hofwijk", uittreksels=1,
        uploads=uploads))


def open_task(overlijden, node):
    return Task.objects.get(process__artifact_object_id=overlijden.pk, process__flow_class=OverlijdenFlow,
                            flow_task=node, status__in=[STATUS.NEW, STATUS.ASSIGNED])


def work_task(client, overlijden, node_name: str, data: dict, username: str):
    """Claim the task and submit its form through the back office, as the civil servant."""
    client.force_login(get_user_model().objects.get(username=username))
    task = open_task(overlijden, getattr(OverlijdenFlow, node_name))
    base = f"/behandelen/taken/flows/overlijden/{task.process_id}/{node_name}/{task.pk}/"
    assert client.post(base + "assign/").status_code == 302
    response = client.post(base + "execute/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    overlijden.refresh_from_db()
    return response
