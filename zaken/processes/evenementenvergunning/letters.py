"""The acknowledgement of a melding (the besluiten are rendered by the core's besluit_nemen)."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from zaken.documents.letters import letter_create
from zaken.models import Document

from .models import Evenement


def melding_brief(evenement: Evenement) -> Document:
    zaak = evenement.zaak
    return letter_create(zaak=zaak, kenmerk="evenement-melding", template="evenementenvergunning/pdf/melding.html",
                         titel=_("Ontvangst melding evenement %(id)s") % {"id": zaak.identificatie},
                         context={"evenement": evenement})


def brief_inplannen(evenement: Evenement, soort: str) -> None:
    from .tasks import brief_maken

    pk = evenement.pk
    transaction.on_commit(lambda: brief_maken.delay(evenement_id=pk, soort=soort))
