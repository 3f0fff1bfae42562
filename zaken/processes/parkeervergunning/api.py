"""What the Zaken API may do with a parkeervergunning (ProcessDefinition.api_transities, api_aanmaken)."""

from django.utils.translation import gettext as _

from zaken.actors import Actor

from .models import Parkeervergunning
from .services import parkeervergunning_beeindigen


def beeindigen(*, case: Parkeervergunning, by: Actor, toelichting: str = "") -> None:
    """A ZAC ends a permit (the resident moved, asked for it): its place goes to the waiting list."""
    parkeervergunning_beeindigen(vergunning=case, by=by, reden=toelichting or _("Beëindigd via de Zaken API."))
