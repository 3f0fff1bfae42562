from django import template

from zaken.models import Zaak

from ..selectors import verzoek_laatste

register = template.Library()


@register.inclusion_tag("backoffice/includes/dossier_link.html", takes_context=True)
def dossier_link(context):
    """A link to the dossier of the case behind the process (or task) this page is about."""
    activation = getattr(context.get("request"), "activation", None)
    process = context.get("process") or getattr(activation, "process", None)
    seed = getattr(process, "seed", None) if process is not None else None
    return {"zaak": seed if isinstance(seed, Zaak) else None}


@register.simple_tag
def laatste_verzoek(zaak):
    """The case's newest request for information, for a task page's note (never the answer text)."""
    return verzoek_laatste(zaak) if isinstance(zaak, Zaak) else None
