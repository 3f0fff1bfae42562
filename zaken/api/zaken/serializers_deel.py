"""Rollen, resultaten, zaakobjecten, zaakeigenschappen and audittrail in the Zaken API 1.5 field names.

The builders turn our rows into the spec's dicts (used by the views and by the expand batch functions);
the serializers render them and describe the schema. Type URLs are the Catalogi API's own: the same uuid5
of (municipality code, zaaktype identificatie, type, code) as catalogi/catalogus.py, so they are equal
without reading the catalogus.
"""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers as s

from zaken.models import Resultaat, Rol, StatusType

from ..catalogi.catalogus import ROL_GENERIEK, stable_uuid
from ..catalogi.filters import UrlParam
from ..catalogi.serializers import ROL_GENERIEK as ROL_GENERIEK_ENUM
from ..common.urls import resource_url
from .scope import uuid_uit_url, zaak_url

BETROKKENE_TYPEN = ["natuurlijk_persoon", "niet_natuurlijk_persoon", "vestiging", "organisatorische_eenheid",
                    "medewerker"]


def roltype_uuid(code: str, zaaktype_identificatie: str, rol: str):
    return stable_uuid(code, zaaktype_identificatie, "roltype", rol)


def resultaattype_uuid(code: str, zaaktype_identificatie: str, statuscode: str):
    return stable_uuid(code, zaaktype_identificatie, "resultaattype", statuscode)


def roltype_url(request, zaak, rol: str) -> str:
    key = roltype_uuid(zaak.gemeente.gemeentecode, zaak.zaaktype.identificatie, rol)
    return resource_url(request, "api:catalogi:roltype-detail", key)


def resultaattype_code(zaak, url: str) -> str | None:
    """The end status code whose resultaattype this URL is, among the zaak's zaaktype's; None if not one."""
    key = uuid_uit_url(url, "api:catalogi:resultaattype-detail")
    code, ident = zaak.gemeente.gemeentecode, zaak.zaaktype.identificatie
    for statuscode in StatusType.objects.filter(zaaktype_id=zaak.zaaktype_id, is_eindstatus=True).values_list(
            "code", flat=True):
        if key is not None and resultaattype_uuid(code, ident, statuscode) == key:
            return statuscode
    return None


def roltype_code(zaak, url: str) -> str | None:
    """Which of our roles this roltype URL is, among the zaak's zaaktype's roltypen; None if not one."""
    key = uuid_uit_url(url, "api:catalogi:roltype-detail")
    code, ident = zaak.gemeente.gemeentecode, zaak.zaaktype.identificatie
    return next((rol for rol in Rol.RolType.values if key is not None and roltype_uuid(code, ident, rol) == key), None)


def _initials(first_names: str) -> str:
    return "".join(f"{part[0]}." for part in first_names.split() if part)[:20]


def betrokkene_identificatie(rol: Rol) -> dict:
    """What our Rol holds, in the spec's shape per betrokkeneType. Our name is one string (a BRP name has
    no reliable split into its parts), so it is `afwijkendeNaamBetrokkene`, not guessed parts."""
    kind = rol.betrokkene_type
    if kind == Rol.BetrokkeneType.NATUURLIJK_PERSOON:
        return {"inpBsn": rol.inp_bsn, "anpIdentificatie": "", "inpA_nummer": "", "geslachtsnaam": "",
                "voorvoegselGeslachtsnaam": "", "voorletters": "", "voornamen": "", "geslachtsaanduiding": "",
                "geboortedatum": "", "verblijfsadres": None, "subVerblijfBuitenland": None}
    if kind == Rol.BetrokkeneType.NIET_NATUURLIJK_PERSOON:
        return {"innNnpId": rol.nnp_kvk_nummer, "annIdentificatie": "", "statutaireNaam": rol.naam,
                "innRechtsvorm": "", "bezoekadres": "", "subVerblijfBuitenland": None}
    if kind == Rol.BetrokkeneType.VESTIGING:
        return {"vestigingsNummer": rol.vestigingsnummer, "handelsnaam": [rol.naam] if rol.naam else [],
                "verblijfsadres": None, "subVerblijfBuitenland": None, "kvkNummer": rol.nnp_kvk_nummer}
    user = rol.medewerker
    return {"identificatie": (user.get_username() if user else "")[:24],
            "achternaam": (user.last_name if user else rol.naam)[:200],
            "voorletters": _initials(user.first_name) if user else "", "voorvoegselAchternaam": ""}


def rol_data(request, rol: Rol) -> dict:
    zaak = rol.zaak
    contact = None
    if rol.email or rol.telefoon or rol.acting_subject:
        contact = {"emailadres": rol.email, "functie": "", "telefoonnummer": rol.telefoon, "naam": rol.acting_subject}
    return {
        "url": resource_url(request, "api:zaken:rol-detail", rol.uuid), "uuid": rol.uuid,
        "zaak": zaak_url(request, zaak), "betrokkene": "", "betrokkeneType": rol.betrokkene_type,
        "afwijkendeNaamBetrokkene": rol.naam if rol.betrokkene_type == Rol.BetrokkeneType.NATUURLIJK_PERSOON else "",
        "roltype": roltype_url(request, zaak, rol.roltype), "omschrijving": str(Rol.RolType(rol.roltype).label),
        "omschrijvingGeneriek": ROL_GENERIEK[rol.roltype], "roltoelichting": rol.roltoelichting,
        # Our Rol has no date of its own: it was registered with the case.
        "registratiedatum": zaak.registratiedatum, "indicatieMachtiging": "", "contactpersoonRol": contact,
        "statussen": [], "betrokkeneIdentificatie": betrokkene_identificatie(rol),
    }


def resultaat_data(request, resultaat: Resultaat) -> dict:
    """Resultaat.omschrijving holds the code of the end status whose resultaattype it is (see catalogus.py)."""
    zaak = resultaat.zaak
    key = resultaattype_uuid(zaak.gemeente.gemeentecode, zaak.zaaktype.identificatie, resultaat.omschrijving)
    return {"url": resource_url(request, "api:zaken:resultaat-detail", resultaat.uuid), "uuid": resultaat.uuid,
            "zaak": zaak_url(request, zaak),
            "resultaattype": resource_url(request, "api:catalogi:resultaattype-detail", key),
            "toelichting": resultaat.toelichting}


@extend_schema_field(OpenApiTypes.OBJECT)
class JsonObject(s.JSONField):
    """A JSON object in the schema (the spec's nested objects we pass through as dicts)."""


class RolSerializer(s.Serializer):
    url = s.URLField(read_only=True)
    uuid = s.UUIDField(read_only=True)
    zaak = UrlParam()
    betrokkene = UrlParam(required=False, allow_blank=True)
    betrokkeneType = s.ChoiceField(BETROKKENE_TYPEN)
    afwijkendeNaamBetrokkene = s.CharField(required=False, allow_blank=True, max_length=625, default="")
    roltype = UrlParam()
    omschrijving = s.CharField(read_only=True)
    omschrijvingGeneriek = s.ChoiceField(ROL_GENERIEK_ENUM, read_only=True)
    roltoelichting = s.CharField(allow_blank=True, max_length=1000)
    registratiedatum = s.DateTimeField(read_only=True)
    indicatieMachtiging = s.ChoiceField(["gemachtigde", "machtiginggever", ""], required=False, allow_blank=True)
    contactpersoonRol = JsonObject(required=False, allow_null=True)
    statussen = s.ListField(child=s.URLField(), read_only=True)
    betrokkeneIdentificatie = JsonObject(required=False, allow_null=True)


class ResultaatSerializer(s.Serializer):
    url = s.URLField(read_only=True)
    uuid = s.UUIDField(read_only=True)
    zaak = UrlParam()
    resultaattype = UrlParam()
    toelichting = s.CharField(required=False, allow_blank=True, max_length=1000, default="")


OBJECT_TYPEN = ["adres", "besluit", "buurt", "enkelvoudig_document", "gemeente", "gemeentelijke_openbare_ruimte",
                "huishouden", "inrichtingselement", "kadastrale_onroerende_zaak", "kunstwerkdeel",
                "maatschappelijke_activiteit", "medewerker", "natuurlijk_persoon", "niet_natuurlijk_persoon",
                "openbare_ruimte", "organisatorische_eenheid", "pand", "spoorbaandeel", "status", "terreindeel",
                "terrein_gebouwd_object", "vestiging", "waterdeel", "wegdeel", "wijk", "woonplaats", "woz_deelobject",
                "woz_object", "woz_waarde", "zakelijk_recht", "overige"]


class ZaakObjectSerializer(s.Serializer):
    url = s.URLField(read_only=True)
    uuid = s.UUIDField(read_only=True)
    zaak = s.URLField(read_only=True)
    object = s.URLField(read_only=True)
    zaakobjecttype = s.URLField(read_only=True)
    objectType = s.ChoiceField(OBJECT_TYPEN, read_only=True)
    objectTypeOverige = s.CharField(read_only=True)
    objectTypeOverigeDefinitie = JsonObject(read_only=True, allow_null=True)
    relatieomschrijving = s.CharField(read_only=True)
    objectIdentificatie = JsonObject(read_only=True, allow_null=True)


class ZaakEigenschapSerializer(s.Serializer):
    url = s.URLField(read_only=True)
    uuid = s.UUIDField(read_only=True)
    zaak = s.URLField(read_only=True)
    eigenschap = s.URLField(read_only=True)
    naam = s.CharField(read_only=True)
    waarde = s.CharField(read_only=True)


class AuditTrailSerializer(s.Serializer):
    uuid = s.UUIDField(read_only=True)
    bron = s.ChoiceField(["ac", "nrc", "zrc", "ztc", "drc", "brc", "cmc", "kc", "vrc"], read_only=True)
    applicatieId = s.CharField(read_only=True)
    applicatieWeergave = s.CharField(read_only=True)
    gebruikersId = s.CharField(read_only=True)
    gebruikersWeergave = s.CharField(read_only=True)
    actie = s.CharField(read_only=True)
    actieWeergave = s.CharField(read_only=True)
    resultaat = s.IntegerField(read_only=True)
    hoofdObject = s.URLField(read_only=True)
    resource = s.CharField(read_only=True)
    resourceUrl = s.URLField(read_only=True)
    toelichting = s.CharField(read_only=True)
    resourceWeergave = s.CharField(read_only=True)
    aanmaakdatum = s.DateTimeField(read_only=True)
    wijzigingen = JsonObject(read_only=True)
