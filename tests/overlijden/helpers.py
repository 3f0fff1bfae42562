"""File a death through the service (as the e-form does) and work its tasks as a civil servant would."""

from datetime import datetime, time, timedelta
from functools import partial

from django.utils import timezone

from tests import backoffice_tasks
from tests.backoffice_tasks import open_task  # noqa: F401  (used by the process tests)
from zaken.forms.overlijden.prefill import bedrijf_prefill
from zaken.identity import AuthContext
from zaken.models import Gemeente
from zaken.processes.overlijden.flows import OverlijdenFlow
from zaken.processes.overlijden.services import Aangifte, overlijden_indienen

MAAS = "68750110"  # Uitvaartcentrum De Maas B.V., Rotterdam
PERSOON = "999990378"  # living, Rotterdam
FORM = "/rotterdam/aanvragen/aangifte-overlijden/"
STEP1 = {"aangever_naam": "Piet Aangever", "email": "piet@demaas.example", "telefoon": "010 1234567", "bsn": PERSOON}


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


# Bound to this process; the mechanics are shared in tests/backoffice_tasks.py.
work_task = partial(backoffice_tasks.work_task, OverlijdenFlow)
