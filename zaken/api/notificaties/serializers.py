"""Notificaties API 1.0: kanaal, abonnement (with its kanalen and filters) and the published message."""

import uuid

from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers as s

from zaken.notificaties.callback import CallbackRefused, check_callback_url
from zaken.notificaties.models import Kanaal, Notificatie

from ..common.urls import resource_url

NAMESPACE = uuid.UUID("0c6e9a4f-3f57-5d5e-8a0e-2b51c7d4a9f3")  # ours; a kanaal's uuid hangs on it and its naam


def kanaal_uuid(naam: str) -> uuid.UUID:
    """Kanalen are unique by name and have no uuid of their own: a deterministic one, like the Catalogi's."""
    return uuid.uuid5(NAMESPACE, f"kanaal/{naam}")


@extend_schema_field(OpenApiTypes.URI)
class SelfUrl(s.Field):
    """The resource's own URL, its identifier (read-only)."""

    def __init__(self, view_name, key, **kw):
        self.view_name, self.key = view_name, key
        super().__init__(source="*", read_only=True, **kw)

    def to_representation(self, obj):
        return resource_url(self.context["request"], self.view_name, self.key(obj))


@extend_schema_field(OpenApiTypes.URI)
class CallbackUrl(s.CharField):
    def to_internal_value(self, data):
        value = super().to_internal_value(data)
        try:
            check_callback_url(value)
        except CallbackRefused as exc:
            raise s.ValidationError(str(exc), code="invalid-callback-url") from None
        return value


class KanaalSerializer(s.Serializer):
    url = SelfUrl("api:notificaties:kanaal-detail", lambda k: kanaal_uuid(k.naam))
    naam = s.CharField(max_length=50, min_length=1)
    documentatieLink = s.URLField(source="documentatie_link", max_length=200, required=False, allow_blank=True)
    filters = s.ListField(child=s.CharField(max_length=100, min_length=1), required=False)

    def validate_naam(self, value):
        if Kanaal.objects.filter(naam=value).exists():
            raise s.ValidationError(_("Dit kanaal bestaat al: kies een andere naam."), code="unique")
        return value


class FilterGroupSerializer(s.Serializer):
    naam = s.CharField(min_length=1, source="kanaal_id")
    filters = s.DictField(child=s.CharField(max_length=1000, min_length=1), required=False)


class AbonnementSerializer(s.Serializer):
    url = SelfUrl("api:notificaties:abonnement-detail", lambda a: a.uuid)
    callbackUrl = CallbackUrl(source="callback_url", max_length=200, min_length=1)
    # The Authorization value we send to the callback: the subscriber's secret, never shown back.
    auth = s.CharField(write_only=True, max_length=1000, min_length=1)
    kanalen = FilterGroupSerializer(many=True, allow_empty=False)

    def validate_kanalen(self, groups):
        """The spec's rules: every kanaal exists, once per abonnement, filtered only on its own kenmerken."""
        names = [group["kanaal_id"] for group in groups]
        known = {k.naam: k for k in Kanaal.objects.filter(naam__in=names)}
        errors, failed = [], False
        for index, group in enumerate(groups):
            naam, error = group["kanaal_id"], {}
            kanaal = known.get(naam)
            if kanaal is None:
                error["naam"] = [s.ErrorDetail(_("Kanaal %(naam)s bestaat niet: kies een kanaal uit /kanaal.")
                                               % {"naam": naam}, code="kanaal-bestaat-niet")]
            elif names.index(naam) != index:
                error["naam"] = [s.ErrorDetail(_("Noem elk kanaal één keer."), code="unique")]
            else:
                extra = sorted(set(group.get("filters") or {}) - set(kanaal.filters))
                if extra:
                    error["filters"] = [s.ErrorDetail(
                        _("Filter alleen op de kenmerken van kanaal %(naam)s (%(kenmerken)s), niet op %(extra)s.")
                        % {"naam": naam, "kenmerken": ", ".join(kanaal.filters) or "-", "extra": ", ".join(extra)},
                        code="kenmerk-onbekend")]
            failed = failed or bool(error)
            errors.append(error)
        if failed:
            raise s.ValidationError(errors)
        return [{"naam": g["kanaal_id"], "filters": g.get("filters") or {}} for g in groups]

    def to_representation(self, instance):
        data = super().to_representation(instance)
        data["kanalen"] = [{"naam": k.kanaal_id, "filters": k.filters} for k in instance.kanalen.all()]
        return data


class MessageSerializer(s.Serializer):
    kanaal = s.CharField(max_length=50, min_length=1)
    hoofdObject = s.URLField(max_length=1000)
    resource = s.CharField(max_length=100, min_length=1)
    resourceUrl = s.URLField(max_length=1000)
    actie = s.CharField(max_length=20, min_length=1)
    aanmaakdatum = s.DateTimeField()
    kenmerken = s.DictField(child=s.CharField(max_length=1000, min_length=1), required=False)

    def validate_kanaal(self, value):
        if not Kanaal.objects.filter(naam=value).exists():
            raise s.ValidationError(_("Kanaal %(naam)s bestaat niet: registreer het eerst met POST /kanaal.")
                                    % {"naam": value}, code="kanaal-bestaat-niet")
        return value
