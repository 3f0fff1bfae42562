"""The verlof tot begraven of cremeren: a PDF in the municipality's style, visible to the undertaker."""

from django.utils.translation import gettext as _

from zaken.documents.letters import letter_create
from zaken.models import Document

from .models import Overlijden

VERLOF_TEMPLATE = "overlijden/pdf/verlof.html"


def verlof_context(overlijden: Overlijden) -> dict:
    soort = _("begraven") if overlijden.wijze == Overlijden.Wijze.BEGRAVEN else _("cremeren")
    return {"overlijden": overlijden, "soort": soort,
            "onderneming": overlijden.zaak.rollen.filter(roltype="initiator").first()}


def verlof_titel(overlijden: Overlijden, context: dict) -> str:
    return _("Verlof tot %(soort)s %(id)s") % {"soort": context["soort"], "id": overlijden.zaak.identificatie}


def verlof_pdf(*, overlijden: Overlijden) -> Document:
    context = verlof_context(overlijden)
    return letter_create(zaak=overlijden.zaak, kenmerk="overlijden-verlof", template=VERLOF_TEMPLATE,
                         soort=Document.Soort.BESLUIT, titel=verlof_titel(overlijden, context), context=context)
