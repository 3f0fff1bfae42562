"""File a move through the service (as the e-form does) and work its tasks as a civil servant would."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone
from viewflow.workflow import STATUS
from viewflow.workflow.models import Task

from zaken.forms.verhuizing.prefill import verhuizing_prefill
from zaken.identity import AuthContext
from zaken.integrations.registry import get_adapter
from zaken.models import Gemeente
from zaken.processes.verhuizing.flows import VerhuizingFlow
from zaken.processes.verhuizing.services import Aangifte, terms_for, verhuizing_indienen


def file_move(*, bsn: str, postcode: str, huisnummer: int, days: int = 0, met_gezin: bool = False,
              inwoning: bool = False):
    adres = get_adapter("bag").adres_zoeken(postcode=postcode, huisnummer=huisnummer, exacte_match=True)[0]
    gemeente = Gemeente.objects.get(gemeentecode=adres["gemeenteIdentificatie"])
    prefill = verhuizing_prefill(bsn=bsn, vandaag=timezone.localdate(), terms=terms_for(gemeente))
    return verhuizing_indienen(
        auth=AuthContext.now(means="digid", level="midden", bsn=bsn, display_name="Test"),
        behandelende_gemeente=gemeente,
        aangifte=Aangifte(aangever=prefill.aangever, oud_adres=prefill.verblijfplaats, nieuw_adres=adres,
                          opgegeven_verhuisdatum=timezone.localdate() + timedelta(days=days),
                          meeverhuizers=prefill.huishouden.meeverhuizers if met_gezin else [],
                          inwoning=inwoning, toestemming=("t.pdf", b"%PDF-1.7", "application/pdf") if inwoning else None,
                          email="test@example.nl", telefoon="", brp_beschikbaar=True))


def open_task(verhuizing, node):
    return Task.objects.get(process__artifact_object_id=verhuizing.pk, flow_task=node,
                            status__in=[STATUS.NEW, STATUS.ASSIGNED])


def work_task(client, verhuizing, node_name: str, data: dict, username: str):
    """Claim the task and submit its form through the back office, as the civil servant."""
    client.force_login(get_user_model().objects.get(username=username))
    task = open_task(verhuizing, getattr(VerhuizingFlow, node_name))
    base = f"/behandelen/taken/flows/verhuizing/{task.process_id}/{node_name}/{task.pk}/"
    assert client.post(base + "assign/").status_code == 302
    response = client.post(base + "execute/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    verhuizing.refresh_from_db()
    return response
