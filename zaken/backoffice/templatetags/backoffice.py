from django import template
from django.utils.translation import gettext as _
from viewflow.workflow.models import AbstractProcess, AbstractTask

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


@register.filter
def row_label(obj) -> str:
    """The accessible name of a list row's selection checkbox."""
    if isinstance(obj, AbstractTask):
        return _("Selecteer taak #%(process)s/%(task)s (%(title)s)") % {
            "process": obj.process_id, "task": obj.pk, "title": obj.title}
    if isinstance(obj, AbstractProcess):
        return _("Selecteer proces #%(process)s") % {"process": obj.pk}
    return _("Selecteer %(item)s") % {"item": obj}


@register.filter
def sort_param(order) -> str:
    """The ordering that a click on a column header asks for: the reverse of the current one."""
    return "-" if order and order["sort"] == "asc" else ""
