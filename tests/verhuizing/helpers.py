"""File a move through the service (as the e-form does) and work its tasks as a civil servant would."""

from datetime import timedelta
from functools import partial

from django.utils import timezone

from tests import backoffice_tasks
from tests.backoffice_tasks import open_task  # noqa: F401  (used by the process tests)
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


# Bound to this process; the mechanics are shared in tests/backoffice_tasks.py.
work_task = partial(backoffice_tasks.work_task, VerhuizingFlow)
