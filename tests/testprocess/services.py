"""Writes of the test process: register a case and start its flow, decide, receive an aanvulling."""

from django.db import transaction
from viewflow.workflow import PROCESS, STATUS

from zaken.actors import Actor
from zaken.models import Gemeente
from zaken.services import zaak_create

from .definition import SLUG
from .forms import Besluit
from .models import TestAanvraag


@transaction.atomic
def testaanvraag_registreren(*, gemeente: Gemeente, initiator: dict, onderwerp: str, actor: Actor,
                             gegevens: dict | None = None) -> TestAanvraag:
    zaak = zaak_create(gemeente=gemeente, process_slug=SLUG, initiator=initiator, actor=actor,
                       initial_status=TestAanvraag.State.ONTVANGEN, omschrijving=onderwerp,
                       gegevens=gegevens or {"onderwerp": onderwerp})
    aanvraag = TestAanvraag.objects.create(zaak=zaak, onderwerp=onderwerp)
    from .flows import TestAanvraagFlow  # local: flows import views, which import this module

    TestAanvraagFlow.start.run(aanvraag=aanvraag)
    return aanvraag


@transaction.atomic
def testaanvraag_beoordelen(*, aanvraag: TestAanvraag, besluit: str, by: Actor, toelichting: str = "") -> None:
    """The decision of the Beoordelen task; the first look also takes the case into handling."""
    if aanvraag.state == TestAanvraag.State.ONTVANGEN:
        aanvraag.in_behandeling_nemen(by=by)
    transition = {Besluit.TOEKENNEN: aanvraag.toekennen, Besluit.AFWIJZEN: aanvraag.afwijzen,
                  Besluit.AANVULLING: aanvraag.aanvulling_vragen}[besluit]
    transition(by=by, toelichting=toelichting)
    aanvraag.save()


@transaction.atomic
def testaanvraag_aanvullen(*, aanvraag: TestAanvraag, by: Actor, gegevens: dict) -> None:
    """The applicant sent the aanvulling: merge it into the case and hand it back to Beoordelen."""
    from .flows import TestAanvraagFlow

    zaak = aanvraag.zaak
    zaak.gegevens = {**zaak.gegevens, **gegevens}
    zaak.save(update_fields=["gegevens"])
    aanvraag.aanvulling_ontvangen(by=by)
    aanvraag.save()
    task = TestAanvraagFlow.task_class.objects.get(
        process__flow_class=TestAanvraagFlow, process__status=PROCESS.NEW,
        process__artifact_object_id=aanvraag.pk, flow_task=TestAanvraagFlow.aanvulling, status=STATUS.NEW)
    TestAanvraagFlow.aanvulling.run(task)
