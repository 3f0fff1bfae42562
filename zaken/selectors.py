"""Reads of the case core. Every list is one query whatever the number of cases."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet

from .identity import AuthContext
from .models import Document, Gemeente, Medewerkerschap, Status, Zaak


def _subject_filter(auth: AuthContext) -> dict:
    if auth.is_digid:
        return {"initiator_bsn": auth.bsn}
    scope = {"initiator_kvk": auth.kvk_nummer}
    if auth.vestigingsnummer:  # a login restricted to one vestiging sees only its cases
        scope["initiator_vestiging"] = auth.vestigingsnummer
    return scope


def zaak_list_for_subject(*, gemeente: Gemeente, auth: AuthContext) -> QuerySet[Zaak]:
    """The cases of the logged-in citizen or company in this municipality, for the tracker."""
    if not (auth.bsn or auth.kvk_nummer):
        return Zaak.objects.none()
    return (Zaak.objects.filter(gemeente=gemeente, **_subject_filter(auth))
            .select_related("zaaktype__product", "huidige_status__statustype")
            .order_by("-registratiedatum"))


def zaak_get_for_subject(*, gemeente: Gemeente, auth: AuthContext, identificatie: str) -> Zaak:
    """One case of the subject; raises Zaak.DoesNotExist for anybody else's (the view gives 404)."""
    return (zaak_list_for_subject(gemeente=gemeente, auth=auth)
            .prefetch_related(
                Prefetch("statussen", queryset=Status.objects.select_related("statustype")),
                "verzoeken",
                Prefetch("documenten", queryset=Document.objects.filter(zichtbaar_voor_aanvrager=True),
                         to_attr="documenten_aanvrager"))
            .get(identificatie=identificatie))


def document_get_for_subject(*, gemeente: Gemeente, auth: AuthContext, identificatie: str,
                             document_uuid) -> Document:
    zaak = zaak_list_for_subject(gemeente=gemeente, auth=auth).get(identificatie=identificatie)
    return zaak.documenten.get(uuid=document_uuid, zichtbaar_voor_aanvrager=True)


def gemeenten_for_medewerker(user) -> QuerySet[Gemeente]:
    return Gemeente.objects.filter(medewerkers__user=user).order_by("naam")


def is_medewerker_of(user, gemeente_id: int) -> bool:
    return Medewerkerschap.objects.filter(user=user, gemeente_id=gemeente_id).exists()


def zaak_list_for_medewerker(*, user) -> QuerySet[Zaak]:
    """Cases of the municipalities the civil servant belongs to; nothing else."""
    return (Zaak.objects.filter(gemeente__medewerkers__user=user)
            .select_related("gemeente", "zaaktype", "huidige_status__statustype")
            .order_by("-registratiedatum"))


def zaak_get_for_medewerker(*, user, pk: int) -> Zaak:
    return (zaak_list_for_medewerker(user=user)
            .prefetch_related(
                Prefetch("statussen", queryset=Status.objects.select_related("statustype",
                                                                             "gezet_door_medewerker")),
                "rollen", "documenten", "besluiten")
            .get(pk=pk))
