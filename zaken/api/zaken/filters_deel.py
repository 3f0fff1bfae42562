"""Query parameters of the rollen, resultaten and zaakobjecten lists, as the spec names them.

A serializer validates them (a wrong value is a 400 ValidatieFout); `*_q` turns them into one Q on the
queryset. A parameter for something we do not keep (a betrokkene URL, an A-nummer) matches nothing.
"""

from __future__ import annotations

from django.db.models import Q
from django.utils.translation import gettext as _
from rest_framework import serializers as s

from zaken.models import Rol, StatusType, ZaakType
from zaken.validators import is_valid_bsn

from ..catalogi.catalogus import ROL_GENERIEK
from ..catalogi.filters import UrlParam
from ..catalogi.serializers import ROL_GENERIEK as ROL_GENERIEK_ENUM
from .scope import uuid_uit_url
from .serializers_deel import BETROKKENE_TYPEN, OBJECT_TYPEN, resultaattype_uuid, roltype_uuid

NOTHING = Q(pk__in=[])
NP = "betrokkeneIdentificatie__natuurlijkPersoon__"
NNP = "betrokkeneIdentificatie__nietNatuurlijkPersoon__"


class ZaakParam(s.Serializer):
    zaak = UrlParam(required=False)


class RolFilter(ZaakParam):
    betrokkene = UrlParam(required=False)
    betrokkeneType = s.ChoiceField(BETROKKENE_TYPEN, required=False)
    betrokkeneIdentificatie__natuurlijkPersoon__inpBsn = s.CharField(required=False, max_length=9)
    betrokkeneIdentificatie__natuurlijkPersoon__anpIdentificatie = s.CharField(required=False, max_length=17)
    betrokkeneIdentificatie__natuurlijkPersoon__inpA_nummer = s.CharField(required=False, max_length=10)
    betrokkeneIdentificatie__nietNatuurlijkPersoon__innNnpId = s.CharField(required=False, max_length=9)
    betrokkeneIdentificatie__nietNatuurlijkPersoon__annIdentificatie = s.CharField(required=False, max_length=17)
    betrokkeneIdentificatie__vestiging__vestigingsNummer = s.CharField(required=False, max_length=24)
    betrokkeneIdentificatie__organisatorischeEenheid__identificatie = s.CharField(required=False, max_length=24)
    betrokkeneIdentificatie__medewerker__identificatie = s.CharField(required=False, max_length=24)
    roltype = UrlParam(required=False)
    omschrijving = s.CharField(required=False, max_length=20)
    omschrijvingGeneriek = s.ChoiceField(ROL_GENERIEK_ENUM, required=False)

    def validate_betrokkeneIdentificatie__natuurlijkPersoon__inpBsn(self, value):
        return checked_bsn(value)


def checked_bsn(value: str) -> str:
    """A BSN filter: a number that cannot be a BSN is a 400 that says so, not an empty list; an 8-digit BSN
    lost its leading zero and gets it back (we store 9 digits)."""
    if value and not is_valid_bsn(value):
        raise s.ValidationError(_("Dit is geen geldig BSN: 9 cijfers die de elfproef doorstaan. Controleer "
                                  "het nummer."), code="invalid")
    return value.strip().zfill(9) if value else value


class ResultaatFilter(ZaakParam):
    resultaattype = UrlParam(required=False)


def zaak_q(url: str, prefix: str = "zaak__") -> Q:
    key = uuid_uit_url(url, "api:zaken:zaak-detail")
    return Q(**{f"{prefix}uuid": key}) if key else NOTHING


def _type_q(url: str, url_name: str, candidates) -> Q:
    """Our type URLs are uuid5s: find the (zaaktype, code) pairs whose uuid is the one in the URL."""
    key = uuid_uit_url(url, url_name)
    for zaaktype_id, code, uuid_of in candidates:
        if key is not None and uuid_of == key:
            return Q(zaak__zaaktype_id=zaaktype_id, **code)
    return NOTHING


def rol_q(params: dict, gemeentecode: str) -> Q:
    q = Q()
    p = params.get
    if "zaak" in params:
        q &= zaak_q(params["zaak"])
    if "betrokkene" in params:  # we keep no betrokkene URLs
        q &= NOTHING
    if "betrokkeneType" in params:
        q &= Q(betrokkene_type=params["betrokkeneType"])
    if p(NP + "inpBsn") is not None:
        q &= Q(betrokkene_type=Rol.BetrokkeneType.NATUURLIJK_PERSOON, inp_bsn=params[NP + "inpBsn"])
    if p(NNP + "innNnpId") is not None:
        q &= Q(betrokkene_type=Rol.BetrokkeneType.NIET_NATUURLIJK_PERSOON, nnp_kvk_nummer=params[NNP + "innNnpId"])
    if p("betrokkeneIdentificatie__vestiging__vestigingsNummer") is not None:
        q &= Q(betrokkene_type=Rol.BetrokkeneType.VESTIGING,
               vestigingsnummer=params["betrokkeneIdentificatie__vestiging__vestigingsNummer"])
    if p("betrokkeneIdentificatie__medewerker__identificatie") is not None:
        q &= Q(betrokkene_type=Rol.BetrokkeneType.MEDEWERKER,
               medewerker__username=params["betrokkeneIdentificatie__medewerker__identificatie"])
    for unkept in (NP + "anpIdentificatie", NP + "inpA_nummer", NNP + "annIdentificatie",
                   "betrokkeneIdentificatie__organisatorischeEenheid__identificatie"):
        if unkept in params:
            q &= NOTHING
    if "omschrijving" in params:
        q &= Q(roltype__in=[v for v, label in Rol.RolType.choices if str(label) == params["omschrijving"]])
    if "omschrijvingGeneriek" in params:
        q &= Q(roltype__in=[v for v, g in ROL_GENERIEK.items() if g == params["omschrijvingGeneriek"]])
    if "roltype" in params:
        candidates = [(zt_id, {"roltype": rol}, roltype_uuid(gemeentecode, ident, rol))
                      for zt_id, ident in ZaakType.objects.values_list("pk", "identificatie")
                      for rol in Rol.RolType.values]
        q &= _type_q(params["roltype"], "api:catalogi:roltype-detail", candidates)
    return q


def resultaat_q(params: dict, gemeentecode: str) -> Q:
    q = Q()
    if "zaak" in params:
        q &= zaak_q(params["zaak"])
    if "resultaattype" in params:
        ends = StatusType.objects.filter(is_eindstatus=True).values_list("zaaktype_id", "zaaktype__identificatie",
                                                                          "code")
        candidates = [(zt_id, {"omschrijving": code}, resultaattype_uuid(gemeentecode, ident, code))
                      for zt_id, ident, code in ends]
        q &= _type_q(params["resultaattype"], "api:catalogi:resultaattype-detail", candidates)
    return q


class ZaakObjectFilter(ZaakParam):
    object = UrlParam(required=False)
    objectType = s.ChoiceField(OBJECT_TYPEN, required=False)
