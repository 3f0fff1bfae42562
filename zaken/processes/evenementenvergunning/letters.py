"""The acknowledgement of a melding (the besluiten are rendered by the core's besluit_nemen)."""

from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from zaken.documents.letters import letter_create
from zaken.models import Document
from zaken.queueing import send_after_commit

from .models import Evenement

MELDING_KENMERK = "evenement-melding"


def melding_brief(evenement: Evenement) -> Document:
    zaak = evenement.zaak
    return letter_create(zaak=zaak, kenmerk=MELDING_KENMERK, template="evenementenvergunning/pdf/melding.html",
                         titel=_("Ontvangst melding evenement %(id)s") % {"id": zaak.identificatie},
                         context={"evenement": evenement})


def brief_inplannen(evenement: Evenement, soort: str) -> None:
    """In the worker after the commit; a broker that is down then leaves it to `meldingbrieven_inhalen`."""
    from .tasks import brief_maken

    send_after_commit(brief_maken, evenement_id=evenement.pk, soort=soort)


def meldingbrieven_inhalen(*, ouder_dan: timedelta = timedelta(minutes=5)) -> int:
    """The sweep: open meldingen whose acknowledgement was not stored (the broker was down), sent again."""
    missing = (Evenement.objects.filter(state=Evenement.State.MELDING_ONTVANGEN,
                                        zaak__registratiedatum__lt=timezone.now() - ouder_dan)
               .exclude(zaak__documenten__kenmerk=MELDING_KENMERK).values_list("pk", flat=True))
    from .tasks import brief_maken

    count = 0
    for pk in missing:
        send_after_commit(brief_maken, evenement_id=pk, soort="melding")
        count += 1
    return count
