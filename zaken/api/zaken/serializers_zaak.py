"""Zaak and Status in the Zaken API 1.5 field names.

Read-side: built from a page of cases loaded by `zaak_queryset` (select_related/prefetch) and `attach_parts`, so a page
costs the same number of queries whatever its length. The URL lists of the case's rollen and documents
(zaakinformatieobjecten) and its resultaat come from that page's prefetches; zaakobjecten and eigenschappen
stay empty lists (the zaakobjecten are derived per process: ask /zaakobjecten?zaak=).
"""

from __future__ import annotations

from django.db.models import Prefetch
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers as s

from zaken.models import Document, Rol, Status, Zaak

from ..catalogi.filters import UrlParam
from ..common.vertrouwelijkheid import VertrouwelijkheidAanduiding
from . import refs
from ..common.urls import resource_url
from .scope import zaak_url

BETALINGSINDICATIE = ["nvt", "nog_niet", "gedeeltelijk", "geheel"]
BETALING_WEERGAVE = {"nvt": "Er is geen sprake van te betalen, met de zaak gemoeide, kosten.",
                     "nog_niet": "De met de zaak gemoeide kosten zijn (nog) niet betaald.",
                     "gedeeltelijk": "De met de zaak gemoeide kosten zijn gedeeltelijk betaald.",
                     "geheel": "De met de zaak gemoeide kosten zijn geheel betaald."}
ARCHIEFSTATUS = ["nog_te_archiveren", "gearchiveerd", "gearchiveerd_procestermijn_onbekend", "overgedragen"]
ARCHIEFNOMINATIE = ["blijvend_bewaren", "vernietigen"]


def part_url(request, name: str, key) -> str:
    return resource_url(request, f"api:zaken:{name}-detail", key)


def status_url(request, status: Status) -> str:
    return part_url(request, "status", status.uuid)


def zaak_queryset(queryset):
    """What a page of Zaak representations reads: everything in a fixed number of queries."""
    # The e-form's data (gegevens) is not in the resource: not read for a page of a million-row list.
    qs = queryset.defer("gegevens").select_related("zaaktype", "huidige_status__statustype").prefetch_related(
        Prefetch("betalingen", to_attr="api_betalingen"))
    return qs.select_related("resultaat")


def attach_parts(zaken: list[Zaak]) -> list[Zaak]:
    """The uuids of each case's rollen and documents, for their URL lists: two queries for a whole page,
    and no model instance per row (a page of a hundred cases holds hundreds of them)."""
    by_id = {zaak.pk: zaak for zaak in zaken}
    for zaak in zaken:
        zaak.api_rollen, zaak.api_documenten = [], []
    for zaak_id, key in Rol.objects.filter(zaak_id__in=by_id).order_by("pk").values_list("zaak_id", "uuid"):
        by_id[zaak_id].api_rollen.append(key)
    for zaak_id, key in Document.objects.filter(zaak_id__in=by_id).order_by("pk").values_list("zaak_id", "uuid"):
        by_id[zaak_id].api_documenten.append(key)
    return zaken


def betaling(zaak: Zaak) -> tuple[str, object]:
    """zrc-014 read side: (betalingsindicatie, laatsteBetaaldatum) from the case's payments."""
    betalingen = getattr(zaak, "api_betalingen", None)
    if betalingen is None:
        betalingen = list(zaak.betalingen.all())
    if not betalingen:
        return "nvt", None
    betaald = [b.paid_at for b in betalingen if b.paid_at]
    if not betaald:
        return "nog_niet", None
    return ("geheel" if len(betaald) == len(betalingen) else "gedeeltelijk"), max(betaald)


@extend_schema_field({"type": "object", "nullable": True})
class ObjectField(s.JSONField):
    pass


class OpschortingSerializer(s.Serializer):
    indicatie = s.BooleanField()
    reden = s.CharField(max_length=200, allow_blank=True)


class VerlengingSerializer(s.Serializer):
    reden = s.CharField(max_length=200, allow_blank=True)
    duur = s.DurationField()


class ZaakSerializer(s.Serializer):
    """The Zaak resource; the writable fields are those POST/PATCH accept (see services)."""

    url = s.SerializerMethodField()
    uuid = s.UUIDField(read_only=True)
    identificatie = s.CharField(max_length=40, required=False)
    bronorganisatie = s.CharField(max_length=9)
    omschrijving = s.CharField(max_length=80, required=False, allow_blank=True)
    toelichting = s.CharField(max_length=1000, required=False, allow_blank=True)
    zaaktype = UrlParam()
    registratiedatum = s.DateField(required=False)
    verantwoordelijkeOrganisatie = s.CharField(max_length=9)
    startdatum = s.DateField()
    einddatum = s.DateField(read_only=True, allow_null=True)
    einddatumGepland = s.DateField(required=False, allow_null=True)
    uiterlijkeEinddatumAfdoening = s.DateField(required=False, allow_null=True)
    publicatiedatum = s.DateField(required=False, allow_null=True)
    communicatiekanaal = s.URLField(required=False, allow_blank=True)
    productenOfDiensten = s.ListField(child=s.URLField(), required=False)
    vertrouwelijkheidaanduiding = s.ChoiceField(VertrouwelijkheidAanduiding.values, required=False)
    betalingsindicatie = s.ChoiceField(BETALINGSINDICATIE, required=False, allow_blank=True)
    betalingsindicatieWeergave = s.CharField(read_only=True)
    laatsteBetaaldatum = s.DateTimeField(required=False, allow_null=True)
    zaakgeometrie = ObjectField(required=False, allow_null=True)
    verlenging = VerlengingSerializer(required=False, allow_null=True)
    opschorting = OpschortingSerializer(required=False, allow_null=True)
    selectielijstklasse = s.URLField(required=False, allow_blank=True)
    hoofdzaak = s.URLField(required=False, allow_null=True)
    deelzaken = s.ListField(child=s.URLField(), read_only=True)
    relevanteAndereZaken = s.ListField(child=s.DictField(), required=False)
    eigenschappen = s.ListField(child=s.URLField(), read_only=True)
    rollen = s.ListField(child=s.URLField(), read_only=True)
    status = s.URLField(read_only=True, allow_null=True)
    zaakinformatieobjecten = s.ListField(child=s.URLField(), read_only=True)
    zaakobjecten = s.ListField(child=s.URLField(), read_only=True)
    kenmerken = s.ListField(child=s.DictField(), required=False)
    archiefnominatie = s.ChoiceField(ARCHIEFNOMINATIE, required=False, allow_null=True)
    archiefstatus = s.ChoiceField(ARCHIEFSTATUS, required=False)
    archiefactiedatum = s.DateField(required=False, allow_null=True)
    resultaat = s.URLField(read_only=True, allow_null=True)
    opdrachtgevendeOrganisatie = s.CharField(max_length=9, required=False, allow_blank=True)
    processobjectaard = s.CharField(max_length=200, required=False, allow_null=True)
    startdatumBewaartermijn = s.DateField(required=False, allow_null=True)
    processobject = ObjectField(required=False, allow_null=True)

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, zaak) -> str:
        return zaak_url(self.context["request"], zaak)

    def to_representation(self, zaak: Zaak) -> dict:
        request = self.context["request"]
        gemeente = zaak.gemeente if "gemeente" in zaak._state.fields_cache else request.user.gemeente
        indicatie, betaald_op = betaling(zaak)
        if not hasattr(zaak, "api_rollen"):
            attach_parts([zaak])  # a single case (detail, create, update); a page attaches them at once
        # Loaded by zaak_queryset (a reverse one-to-one: a missing row raises).
        resultaat = zaak._state.fields_cache.get("resultaat")
        return {
            "url": zaak_url(request, zaak),
            "uuid": str(zaak.uuid),
            "identificatie": zaak.identificatie,
            "bronorganisatie": zaak.bronorganisatie,
            "omschrijving": zaak.omschrijving,
            "toelichting": "",  # we keep no separate toelichting
            "zaaktype": refs.zaaktype_url(request, gemeente, zaak.zaaktype),
            "registratiedatum": zaak.registratiedatum.date().isoformat(),
            "verantwoordelijkeOrganisatie": gemeente.rsin,
            "startdatum": zaak.startdatum.isoformat(),
            "einddatum": _iso(zaak.einddatum),
            "einddatumGepland": _iso(zaak.einddatum_gepland),
            "uiterlijkeEinddatumAfdoening": _iso(zaak.uiterlijke_einddatum_afdoening),
            "publicatiedatum": None,
            "communicatiekanaal": "",
            "productenOfDiensten": [],
            "vertrouwelijkheidaanduiding": zaak.vertrouwelijkheidaanduiding,
            "betalingsindicatie": indicatie,
            "betalingsindicatieWeergave": BETALING_WEERGAVE[indicatie],
            "laatsteBetaaldatum": betaald_op.isoformat().replace("+00:00", "Z") if betaald_op else None,
            "zaakgeometrie": None,
            "verlenging": ({"reden": zaak.verlenging_reden, "duur": f"P{zaak.verlenging_duur_dagen}D"}
                           if zaak.verlenging_duur_dagen else None),
            "opschorting": {"indicatie": zaak.opschorting_indicatie, "reden": zaak.opschorting_reden},
            "selectielijstklasse": "",
            "hoofdzaak": None,
            "deelzaken": [],
            "relevanteAndereZaken": [],
            "eigenschappen": [],
            "rollen": [part_url(request, "rol", key) for key in zaak.api_rollen],
            "status": status_url(request, zaak.huidige_status) if zaak.huidige_status_id else None,
            "zaakinformatieobjecten": [part_url(request, "zaakinformatieobject", key) for key in zaak.api_documenten],
            "zaakobjecten": [],
            "kenmerken": [],
            "archiefnominatie": None,
            "archiefstatus": "nog_te_archiveren",
            "archiefactiedatum": None,
            "resultaat": part_url(request, "resultaat", resultaat.uuid) if resultaat else None,
            "opdrachtgevendeOrganisatie": "",
            "processobjectaard": None,
            "startdatumBewaartermijn": None,
            "processobject": None,
        }


def _iso(value):
    return value.isoformat() if value else None


class StatusSerializer(s.Serializer):
    url = s.URLField(read_only=True)
    uuid = s.UUIDField(read_only=True)
    zaak = UrlParam()
    statustype = UrlParam()
    datumStatusGezet = s.DateTimeField()
    statustoelichting = s.CharField(max_length=1000, required=False, allow_blank=True)
    indicatieLaatstGezetteStatus = s.BooleanField(read_only=True)
    gezetdoor = s.URLField(required=False, allow_blank=True)
    zaakinformatieobjecten = s.ListField(child=s.URLField(), read_only=True)

    def to_representation(self, status: Status) -> dict:
        request = self.context["request"]
        zaak = status.zaak
        return {
            "url": status_url(request, status),
            "uuid": str(status.uuid),
            "zaak": zaak_url(request, zaak),
            "statustype": refs.statustype_url(request, request.user.gemeente, zaak.zaaktype, status.statustype),
            "datumStatusGezet": status.datum_status_gezet.isoformat().replace("+00:00", "Z"),
            "statustoelichting": status.statustoelichting,
            "indicatieLaatstGezetteStatus": zaak.huidige_status_id == status.pk,
            "gezetdoor": "",
            "zaakinformatieobjecten": [],
        }
