"""A bezwaarschrift that arrived on paper, registered by another system through the Zaken API
(ProcessDefinition.api_aanmaken): the case with the besluit is the relevante andere zaak, the gronden are
the toelichting, and the objector is that case's initiator (one bezwaar per person per besluit)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from zaken.actors import Actor
from zaken.models import Besluit, Gemeente, Rol, Zaak
from zaken.services import subject_hash

from .services import bezwaar_indienen


def aanmaken(*, gemeente: Gemeente, actor: Actor, omschrijving: str, toelichting: str,
             andere_zaken: list[Zaak]) -> Zaak:
    if not andere_zaken:
        raise ValidationError({"relevante_andere_zaken": _(
            "Geef bij relevanteAndereZaken de zaak met het besluit waartegen bezwaar is gemaakt.")})
    if not toelichting.strip():
        raise ValidationError({"toelichting": _("Neem de gronden van het bezwaar op in de toelichting.")})
    origineel = andere_zaken[0]
    besluit = Besluit.objects.filter(zaak=origineel).order_by("-datum", "-pk").first()
    if besluit is None:
        raise ValidationError({"relevante_andere_zaken": _("Deze zaak heeft geen besluit: bezwaar gaat over een besluit.")})
    rol = origineel.rollen.filter(roltype=Rol.RolType.INITIATOR).first()
    sleutel = (subject_hash(rol.inp_bsn) if rol and rol.inp_bsn
               else subject_hash(f"kvk:{rol.nnp_kvk_nummer}") if rol and rol.nnp_kvk_nummer else "")
    if not sleutel:
        raise ValidationError({"relevante_andere_zaken": _("De zaak heeft geen initiator om het bezwaar aan toe te "
                                                           "schrijven.")})
    zaak, nieuw = bezwaar_indienen(besluit=besluit, gronden=toelichting, bijlagen=[], indiener=sleutel, actor=actor)
    if not nieuw:
        raise ValidationError({"relevante_andere_zaken": _("Deze indiener heeft al bezwaar gemaakt tegen dit besluit: "
                                                           "zaak %(zaak)s.") % {"zaak": zaak.identificatie}})
    return zaak
