"""Demo death registrations by the demo undertakers, filed and worked through the same services as the
e-form and the back office, so the work list, the tracker and the dossier show cases in several states."""

from datetime import datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from viewflow.workflow import STATUS

from zaken.actors import Actor
from zaken.forms.overlijden import rules
from zaken.forms.overlijden.prefill import bedrijf_prefill
from zaken.identity import AuthContext
from zaken.integrations.registry import get_adapter
from zaken.models import Gemeente

from . import services
from .models import Overlijden

HOFSTAD = ("69599084", "000038417350", "Uitvaartzorg Hofstad B.V.")
MAAS = ("68750110", "", "Uitvaartcentrum De Maas B.V.")
VOORNE = ("68727720", "", "Voorne Uitvaartbegeleiding B.V.")

# (deceased BSN, company, municipality, postcode, huisnummer, hours ago, natural?, days to funeral, steps to work)
DEMO_DEATHS = [
    ("999990044", HOFSTAD, "den-haag", "2585JB", 10, 20, True, 3, []),  # Ontvangen
    ("999990196", MAAS, "rotterdam", "3035AW", 60, 30, False, 4, ["controleren"]),  # Wacht op vrijgave OvJ
    ("999990585", VOORNE, "hellevoetsluis", "3221AJ", 20, 10, True, 12, ["controleren"]),  # Wacht op uitstelbesluit
    ("999990068", HOFSTAD, "den-haag", "2585JB", 10, 40, True, 2, ["controleren", "akte", "verlof"]),  # Verwerkt in BRP
]

STEPS = {
    "controleren": lambda o, by: services.overlijden_documenten_controleren(overlijden=o, compleet=True, by=by),
    "akte": lambda o, by: services.overlijden_akte_opmaken(overlijden=o, by=by),
    "verlof": lambda o, by: services.overlijden_verlof_verstrekken(overlijden=o, by=by),
}


def _work(overlijden: Overlijden, node_name: str, user) -> None:
    """Do one back-office task as `user` would through its view: claim, perform, complete."""
    from .flows import OverlijdenFlow

    with transaction.atomic():
        task = OverlijdenFlow.task_class.objects.get(process__artifact_object_id=overlijden.pk,
                                                     process__flow_class=OverlijdenFlow,
                                                     flow_task=getattr(OverlijdenFlow, node_name), status=STATUS.NEW)
        activation = task.flow_task.activation_class(task)
        activation.assign(user)
        activation.start(None)
        STEPS[node_name](Overlijden.objects.get(pk=overlijden.pk), Actor.medewerker(user))
        activation.execute()


def _next_hour(moment: datetime) -> datetime:
    """The first whole hour at or after `moment` (Dutch offsets are whole hours)."""
    whole = moment.replace(minute=0, second=0, microsecond=0)
    return whole if whole == moment else whole + timedelta(hours=1)


def demo_cases(*, stdout=None) -> None:
    now = timezone.now()
    tz = timezone.get_current_timezone()
    for bsn, (kvk, vestiging, company), slug, postcode, huisnummer, hours_ago, natural, days, steps in DEMO_DEATHS:
        if Overlijden.objects.filter(overledene_bsn=bsn).exists():
            continue  # idempotent
        gemeente = Gemeente.objects.get(slug=slug)
        adres = get_adapter("bag", gemeente).adres_zoeken(postcode=postcode, huisnummer=huisnummer,
                                                     exacte_match=True)[0]
        auth = AuthContext.now(means="eherkenning", level="EH3", kvk_nummer=kvk, vestigingsnummer=vestiging,
                               company_name=company, acting_subject="urn:demo:medewerker", display_name="Demo Aangever")
        overleden_op = (now - timedelta(hours=hours_ago)).replace(second=0, microsecond=0)
        # Never before the window's start (Art. 16 Wlb, from the term engine): a death late in the evening
        # would otherwise put 11:00 two days on before it, and the demo would refuse its own case.
        venster = rules.uitvaartvenster(overleden_op=overleden_op, terms=services.terms_for(gemeente))
        uitvaart_op = max(datetime.combine(timezone.localdate(overleden_op) + timedelta(days=days), time(11, 0),
                                           tzinfo=tz), _next_hour(venster.vroegst))
        uploads = {"a_formulier": ("a-formulier.pdf", b"%PDF-1.7 demo A-formulier", "application/pdf")}
        if not natural:
            uploads["ovj_verklaring"] = ("ovj.pdf", b"%PDF-1.7 demo verklaring van geen bezwaar", "application/pdf")
        if venster.beoordeel(uitvaart_op):  # outside the window: the besluit for uitstel goes with it
            uploads["uitstel_besluit"] = ("uitstel.pdf", b"%PDF-1.7 demo uitstel", "application/pdf")
        try:
            overlijden = services.overlijden_indienen(auth=auth, gemeente=gemeente, aangifte=services.Aangifte(
                bedrijf=bedrijf_prefill(auth, gemeente), aangever_naam="Demo Aangever", email="uitvaart@example.nl",
                telefoon="010 1234567", overledene_bsn=bsn, overleden_op=overleden_op,
                plaats=f"{adres['adresregel5']}, {adres['adresregel6']}", plaats_gemeentecode=gemeente.gemeentecode,
                doodsoorzaak="natuurlijk" if natural else "niet_natuurlijk",
                wijze="cremeren" if natural else "begraven", uitvaart_op=uitvaart_op,
                uitvaart_plaats="Crematorium Ockenburgh" if natural else "Begraafplaats Crooswijk", uittreksels=2,
                uploads=uploads))
        except services.OverlijdenRefused:
            continue
        user = get_user_model().objects.get(username=f"behandelaar-{slug}")
        for step in steps:
            _work(overlijden, step, user)
    if stdout:
        stdout.write(f"Demo aangiften overlijden: {Overlijden.objects.count()}")
