"""Read serializers of the Catalogi API 1.3, in the standard's field names (camelCase) and formats.

They read the plain dicts of catalogus.catalogus_voor; read-only, so they only render and describe
the schema.
"""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers as s

from ..common.vertrouwelijkheid import VertrouwelijkheidAanduiding

ROL_GENERIEK = ["adviseur", "behandelaar", "belanghebbende", "beslisser", "initiator", "klantcontacter",
                "zaakcoordinator", "mede_initiator"]


@extend_schema_field(OpenApiTypes.DURATION)
class Duur(s.CharField):
    """An ISO 8601 duration as the standard writes it (P56D), not Python's timedelta notation."""


def duur(**kw):
    return Duur(read_only=True, allow_null=True, **kw)


def object_field():
    return s.DictField(read_only=True, allow_null=True)


def urls(**kw):
    return s.ListField(child=s.URLField(), read_only=True, **kw)


class Geldigheid(s.Serializer):
    beginGeldigheid = s.DateField(read_only=True)
    eindeGeldigheid = s.DateField(read_only=True, allow_null=True)
    beginObject = s.DateField(read_only=True, allow_null=True)
    eindeObject = s.DateField(read_only=True, allow_null=True)


class ZaaktypeDeel(Geldigheid):
    url = s.URLField(read_only=True)
    zaaktype = s.URLField(read_only=True)
    zaaktypeIdentificatie = s.CharField(read_only=True)
    catalogus = s.URLField(read_only=True)


class CatalogusSerializer(s.Serializer):
    url = s.URLField(read_only=True)
    domein = s.CharField(read_only=True, max_length=5)
    rsin = s.CharField(read_only=True, max_length=9)
    contactpersoonBeheerNaam = s.CharField(read_only=True)
    contactpersoonBeheerTelefoonnummer = s.CharField(read_only=True)
    contactpersoonBeheerEmailadres = s.EmailField(read_only=True)
    zaaktypen = urls()
    besluittypen = urls()
    informatieobjecttypen = urls()
    naam = s.CharField(read_only=True)
    versie = s.CharField(read_only=True)
    begindatumVersie = s.DateField(read_only=True, allow_null=True)


class Referentieproces(s.Serializer):
    naam = s.CharField(read_only=True)
    link = s.CharField(read_only=True)


class ZaakTypeSerializer(Geldigheid):
    url = s.URLField(read_only=True)
    identificatie = s.CharField(read_only=True)
    omschrijving = s.CharField(read_only=True)
    omschrijvingGeneriek = s.CharField(read_only=True)
    vertrouwelijkheidaanduiding = s.ChoiceField(VertrouwelijkheidAanduiding.values, read_only=True)
    doel = s.CharField(read_only=True)
    aanleiding = s.CharField(read_only=True)
    toelichting = s.CharField(read_only=True)
    indicatieInternOfExtern = s.ChoiceField(["intern", "extern"], read_only=True)
    handelingInitiator = s.CharField(read_only=True)
    onderwerp = s.CharField(read_only=True)
    handelingBehandelaar = s.CharField(read_only=True)
    doorlooptijd = Duur(read_only=True, help_text="ISO 8601-duur, bv. P56D.")
    servicenorm = duur()
    opschortingEnAanhoudingMogelijk = s.BooleanField(read_only=True)
    verlengingMogelijk = s.BooleanField(read_only=True)
    verlengingstermijn = duur()
    trefwoorden = s.ListField(child=s.CharField(), read_only=True)
    publicatieIndicatie = s.BooleanField(read_only=True)
    publicatietekst = s.CharField(read_only=True)
    verantwoordingsrelatie = s.ListField(child=s.CharField(), read_only=True)
    productenOfDiensten = urls()
    selectielijstProcestype = s.URLField(read_only=True, allow_null=True)
    referentieproces = Referentieproces(read_only=True)
    verantwoordelijke = s.CharField(read_only=True)
    zaakobjecttypen = urls()
    broncatalogus = object_field()
    bronzaaktype = object_field()
    catalogus = s.URLField(read_only=True)
    statustypen = urls()
    resultaattypen = urls()
    eigenschappen = urls()
    informatieobjecttypen = urls()
    roltypen = urls()
    besluittypen = urls()
    deelzaaktypen = urls()
    gerelateerdeZaaktypen = s.ListField(child=s.DictField(), read_only=True)
    versiedatum = s.DateField(read_only=True)
    concept = s.BooleanField(read_only=True)


class StatusTypeSerializer(ZaaktypeDeel):
    omschrijving = s.CharField(read_only=True)
    omschrijvingGeneriek = s.CharField(read_only=True)
    statustekst = s.CharField(read_only=True)
    volgnummer = s.IntegerField(read_only=True)
    isEindstatus = s.BooleanField(read_only=True)
    informeren = s.BooleanField(read_only=True)
    doorlooptijd = duur()
    toelichting = s.CharField(read_only=True)
    checklistitemStatustype = s.ListField(child=s.DictField(), read_only=True)
    eigenschappen = urls()
    zaakobjecttype = s.URLField(read_only=True, allow_null=True)


class RolTypeSerializer(ZaaktypeDeel):
    omschrijving = s.CharField(read_only=True)
    omschrijvingGeneriek = s.ChoiceField(ROL_GENERIEK, read_only=True)


class ResultaatTypeSerializer(ZaaktypeDeel):
    omschrijving = s.CharField(read_only=True)
    # Selectielijst URLs in the standard; we have no selectielijst yet, so "" (not a URI): docs/zgw.md.
    resultaattypeomschrijving = s.CharField(read_only=True)
    omschrijvingGeneriek = s.CharField(read_only=True)
    selectielijstklasse = s.CharField(read_only=True)
    toelichting = s.CharField(read_only=True)
    archiefnominatie = s.ChoiceField(["blijvend_bewaren", "vernietigen"], read_only=True, allow_null=True)
    archiefactietermijn = duur()
    brondatumArchiefprocedure = object_field()
    procesobjectaard = s.CharField(read_only=True)
    indicatieSpecifiek = s.BooleanField(read_only=True, allow_null=True)
    procestermijn = duur()
    besluittypen = urls()
    besluittypeOmschrijving = s.ListField(child=s.CharField(), read_only=True)
    informatieobjecttypen = urls()
    informatieobjecttypeOmschrijving = s.ListField(child=s.CharField(), read_only=True)
    zaakobjecttypen = urls()


class EigenschapSerializer(ZaaktypeDeel):
    naam = s.CharField(read_only=True)
    definitie = s.CharField(read_only=True)
    specificatie = s.DictField(read_only=True)
    toelichting = s.CharField(read_only=True)
    statustype = s.URLField(read_only=True, allow_null=True)


class InformatieObjectTypeSerializer(Geldigheid):
    url = s.URLField(read_only=True)
    catalogus = s.URLField(read_only=True)
    omschrijving = s.CharField(read_only=True)
    vertrouwelijkheidaanduiding = s.ChoiceField(VertrouwelijkheidAanduiding.values, read_only=True)
    concept = s.BooleanField(read_only=True)
    zaaktypen = urls()
    besluittypen = urls()
    informatieobjectcategorie = s.CharField(read_only=True)
    trefwoord = s.ListField(child=s.CharField(), read_only=True)
    omschrijvingGeneriek = object_field()


class BesluitTypeSerializer(Geldigheid):
    url = s.URLField(read_only=True)
    catalogus = s.URLField(read_only=True)
    zaaktypen = urls()
    omschrijving = s.CharField(read_only=True)
    omschrijvingGeneriek = s.CharField(read_only=True)
    besluitcategorie = s.CharField(read_only=True)
    reactietermijn = duur()
    publicatieIndicatie = s.BooleanField(read_only=True)
    publicatietekst = s.CharField(read_only=True)
    publicatietermijn = duur()
    toelichting = s.CharField(read_only=True)
    informatieobjecttypen = urls()
    concept = s.BooleanField(read_only=True)
    resultaattypen = urls()
    resultaattypenOmschrijving = s.ListField(child=s.CharField(), read_only=True)
    vastgelegdIn = s.ListField(child=s.CharField(), read_only=True)
