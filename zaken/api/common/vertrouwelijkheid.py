"""The ZGW vertrouwelijkheidaanduiding, in the standard's order (least to most confidential)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class VertrouwelijkheidAanduiding(models.TextChoices):
    OPENBAAR = "openbaar", _("openbaar")
    BEPERKT_OPENBAAR = "beperkt_openbaar", _("beperkt openbaar")
    INTERN = "intern", _("intern")
    ZAAKVERTROUWELIJK = "zaakvertrouwelijk", _("zaakvertrouwelijk")
    VERTROUWELIJK = "vertrouwelijk", _("vertrouwelijk")
    CONFIDENTIEEL = "confidentieel", _("confidentieel")
    GEHEIM = "geheim", _("geheim")
    ZEER_GEHEIM = "zeer_geheim", _("zeer geheim")


ORDER = {value: rank for rank, value in enumerate(VertrouwelijkheidAanduiding.values)}


def at_most(value: str, maximum: str) -> bool:
    """Whether `value` is no more confidential than `maximum` (unknown values count as the most secret)."""
    return ORDER.get(value, len(ORDER)) <= ORDER.get(maximum, -1)


def levels_up_to(maximum: str) -> list[str]:
    """The values a client with this maximum may see, for a queryset filter (`__in`)."""
    return [value for value, rank in ORDER.items() if rank <= ORDER.get(maximum, -1)]
