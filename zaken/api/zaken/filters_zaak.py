"""Query parameters of GET /zaken (and the body of POST /zaken/_zoek), as the spec names them.

Validated by a serializer (a wrong value is a 400 ValidatieFout), then applied to the client's scope.
- Served from an index: identificatie (uniq_zaak_identificatie), zaaktype (zaak_api_zaaktype),
  registratiedatum ranges and the default order (zaak_lijst); bronorganisatie and
  maximaleVertrouwelijkheidaanduiding narrow what the scope already reads.
- Served while walking zaak_lijst (no index of their own): startdatum, einddatum, einddatumGepland and
  uiterlijkeEinddatumAfdoening (ranges and isnull).
- We keep no archive data (every case is `nog_te_archiveren`, without nominatie or actiedatum): those
  filters answer what that means (all cases or none), never a 400.
- The rol__* filters select the cases with one rol that meets them all (the rollen list's own filters,
  filters_deel.rol_q), from the partial indexes rol_bsn, rol_kvk and rol_vestiging. The spec puts a BSN in
  the query string: our request logs drop query strings, and POST /zaken/_zoek takes the same fields in
  its body, out of any URL.
"""

from __future__ import annotations

import copy
from datetime import datetime, time, timedelta

from django.utils import timezone
from django.utils.translation import gettext as _
from rest_framework import serializers as s

from zaken.models import Rol

from ..catalogi.filters import CommaList, UrlParam
from ..common.errors import validation_error
from ..common.vertrouwelijkheid import VertrouwelijkheidAanduiding, levels_up_to
from . import refs
from .filters_deel import RolFilter, checked_bsn, rol_q
from .serializers_zaak import ARCHIEFNOMINATIE, ARCHIEFSTATUS

ORDERING = ["startdatum", "-startdatum", "einddatum", "-einddatum", "publicatiedatum", "-publicatiedatum",
            "archiefactiedatum", "-archiefactiedatum"]
DEFAULT_ORDER = ("-registratiedatum", "-id")
# startdatum is the day of registratiedatum for every case we create, so its order is that of zaak_lijst.
ORDER_BY = {"startdatum": ("registratiedatum", "id"), "-startdatum": DEFAULT_ORDER,
            "einddatum": ("einddatum", "id"), "-einddatum": ("-einddatum", "-id")}

DATE_FIELDS = {"einddatum": "einddatum", "einddatumGepland": "einddatum_gepland",
               "uiterlijkeEinddatumAfdoening": "uiterlijke_einddatum_afdoening", "startdatum": "startdatum"}
LOOKUPS = {"": "", "__gt": "__gt", "__lt": "__lt", "__gte": "__gte", "__lte": "__lte"}
ROL_FILTERS = ["rol__betrokkeneType", "rol__betrokkene", "rol__omschrijvingGeneriek",
               "rol__betrokkeneIdentificatie__natuurlijkPersoon__anpIdentificatie",
               "rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn",
               "rol__betrokkeneIdentificatie__natuurlijkPersoon__inpA_nummer",
               "rol__betrokkeneIdentificatie__nietNatuurlijkPersoon__innNnpId",
               "rol__betrokkeneIdentificatie__nietNatuurlijkPersoon__annIdentificatie",
               "rol__betrokkeneIdentificatie__vestiging__vestigingsNummer",
               "rol__betrokkeneIdentificatie__medewerker__identificatie",
               "rol__betrokkeneIdentificatie__organisatorischeEenheid__identificatie"]


class ZaakFilter(s.Serializer):
    identificatie = s.CharField(required=False, max_length=40)
    bronorganisatie = s.CharField(required=False, max_length=9)
    bronorganisatie__in = CommaList(required=False)
    zaaktype = UrlParam(required=False)
    archiefnominatie = s.ChoiceField(ARCHIEFNOMINATIE, required=False)
    archiefnominatie__in = CommaList(required=False)
    archiefactiedatum = s.DateField(required=False)
    archiefactiedatum__gt = s.DateField(required=False)
    archiefactiedatum__lt = s.DateField(required=False)
    archiefactiedatum__isnull = s.BooleanField(required=False, allow_null=True, default=None)
    archiefstatus = s.ChoiceField(ARCHIEFSTATUS, required=False)
    archiefstatus__in = CommaList(required=False)
    einddatum = s.DateField(required=False)
    einddatum__gt = s.DateField(required=False)
    einddatum__lt = s.DateField(required=False)
    einddatum__isnull = s.BooleanField(required=False, allow_null=True, default=None)
    einddatumGepland = s.DateField(required=False)
    einddatumGepland__gt = s.DateField(required=False)
    einddatumGepland__lt = s.DateField(required=False)
    uiterlijkeEinddatumAfdoening = s.DateField(required=False)
    uiterlijkeEinddatumAfdoening__gt = s.DateField(required=False)
    uiterlijkeEinddatumAfdoening__lt = s.DateField(required=False)
    startdatum = s.DateField(required=False)
    startdatum__gt = s.DateField(required=False)
    startdatum__gte = s.DateField(required=False)
    startdatum__lt = s.DateField(required=False)
    startdatum__lte = s.DateField(required=False)
    registratiedatum = s.DateField(required=False)
    registratiedatum__gt = s.DateField(required=False)
    registratiedatum__lt = s.DateField(required=False)
    maximaleVertrouwelijkheidaanduiding = s.ChoiceField(VertrouwelijkheidAanduiding.values, required=False)
    ordering = CommaList(required=False)
    expand = s.CharField(required=False, allow_blank=True)
    # The rollen list's parameters and their validation, under rol__.
    locals().update({name: copy.deepcopy(RolFilter._declared_fields[name.removeprefix("rol__")])
                     for name in ROL_FILTERS})

    def validate_ordering(self, value):
        wrong = [v for v in value if v not in ORDERING]
        if wrong:
            raise s.ValidationError(_("Kies uit: %(keuzes)s.") % {"keuzes": ", ".join(ORDERING)})
        return value

    def validate_rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn(self, value):
        return checked_bsn(value)


class ZaakZoekFilter(ZaakFilter):
    """The body of POST /zaken/_zoek: the same filters as JSON, with uuid__in and zaaktype__in."""

    uuid__in = s.ListField(child=s.UUIDField(), required=False)
    zaaktype__in = s.ListField(child=UrlParam(), required=False)
    bronorganisatie__in = s.ListField(child=s.CharField(), required=False)
    archiefnominatie__in = s.ListField(child=s.CharField(), required=False)
    archiefstatus__in = s.ListField(child=s.CharField(), required=False)
    ordering = s.ListField(child=s.CharField(), required=False)
    zaakgeometrie = s.JSONField(required=False)

    def validate_zaakgeometrie(self, value):
        if value:
            raise validation_error("zaakgeometrie", _("Onze zaken hebben geen geometrie: laat zaakgeometrie weg."),
                                   code="niet-ondersteund")
        return value


def apply(queryset, params: dict, gemeente):
    """The filtered, ordered queryset; a filter nothing of ours can match gives an empty one."""
    none = queryset.none()
    if params.get("identificatie"):
        queryset = queryset.filter(identificatie=params["identificatie"])
    if params.get("uuid__in") is not None:
        queryset = queryset.filter(uuid__in=params["uuid__in"])
    # Every case of the municipality has its RSIN as bronorganisatie.
    if params.get("bronorganisatie") and params["bronorganisatie"] != gemeente.rsin:
        return none
    if params.get("bronorganisatie__in") is not None and gemeente.rsin not in params["bronorganisatie__in"]:
        return none
    urls = [params["zaaktype"]] if params.get("zaaktype") else []
    if params.get("zaaktype__in") is not None:
        urls += params["zaaktype__in"]
    if urls:
        found = [zt.pk for zt in refs.zaaktypen_uit_urls(gemeente, urls).values() if zt is not None]
        if not found:
            return none
        queryset = queryset.filter(zaaktype_id__in=found) if len(found) > 1 else queryset.filter(zaaktype_id=found[0])
    # No archive data: every case is nog_te_archiveren without nominatie or actiedatum.
    if params.get("archiefnominatie") or params.get("archiefnominatie__in") or any(
            params.get(f"archiefactiedatum{x}") for x in ("", "__gt", "__lt")):
        return none
    if params.get("archiefactiedatum__isnull") is False:
        return none
    if params.get("archiefstatus") and params["archiefstatus"] != "nog_te_archiveren":
        return none
    if params.get("archiefstatus__in") is not None and "nog_te_archiveren" not in params["archiefstatus__in"]:
        return none
    for name, field in DATE_FIELDS.items():
        for suffix, lookup in LOOKUPS.items():
            if params.get(name + suffix) is not None:
                queryset = queryset.filter(**{field + lookup: params[name + suffix]})
    if params.get("einddatum__isnull") is not None:
        queryset = queryset.filter(einddatum__isnull=params["einddatum__isnull"])
    queryset = _registratiedatum(queryset, params)
    rol = rol_params(params)
    if rol:
        queryset = queryset.filter(pk__in=Rol.objects.filter(rol_q(rol, gemeente.gemeentecode)).values("zaak_id"))
    if params.get("maximaleVertrouwelijkheidaanduiding"):
        queryset = queryset.filter(vertrouwelijkheidaanduiding__in=levels_up_to(
            params["maximaleVertrouwelijkheidaanduiding"]))
    order = DEFAULT_ORDER
    for key in params.get("ordering") or ():
        order = ORDER_BY.get(key, order)  # publicatiedatum/archiefactiedatum: null for every case
    return queryset.order_by(*order)


def rol_params(params: dict) -> dict:
    """The rol__ filters given, named as the rollen list names them."""
    return {name.removeprefix("rol__"): params[name] for name in ROL_FILTERS if params.get(name) not in (None, "")}


def _day_start(day):
    return timezone.make_aware(datetime.combine(day, time.min))


def _registratiedatum(queryset, params):
    """registratiedatum is a date in the API and a moment with us: compare whole days (local time), as a
    range the zaak_lijst index can seek."""
    day = params.get("registratiedatum")
    if day is not None:
        queryset = queryset.filter(registratiedatum__gte=_day_start(day),
                                   registratiedatum__lt=_day_start(day + timedelta(days=1)))
    if params.get("registratiedatum__gt") is not None:
        queryset = queryset.filter(registratiedatum__gte=_day_start(params["registratiedatum__gt"] + timedelta(days=1)))
    if params.get("registratiedatum__lt") is not None:
        queryset = queryset.filter(registratiedatum__lt=_day_start(params["registratiedatum__lt"]))
    return queryset


def zoek_errors(data) -> None:
    if not isinstance(data, dict):
        raise validation_error("nonFieldErrors", _("Stuur een JSON-object met de zoekvelden."), code="invalid")
    # A rol is searched with the flat rol__ fields, as in the query string; a nested object is not.
    for key in data:
        if key in ("rol", "natuurlijkPersoon", "nietNatuurlijkPersoon", "betrokkeneIdentificatie"):
            raise validation_error(key, _("Zoek op een rol met de velden die met rol__ beginnen, zoals "
                                          "rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn."),
                                   code="niet-ondersteund")
