"""Reads of the case core. Every list is one query whatever the number of cases."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Prefetch, QuerySet
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from .identity import AuthContext
from .models import Besluit, Document, Gemeente, Medewerkerschap, Status, TermijnGebeurtenis, Zaak
from .termijn_engine import bezwaartermijn_voor, termijn_config


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
                "verzoeken", "termijn_gebeurtenissen", "besluiten",
                Prefetch("documenten", queryset=Document.objects.filter(zichtbaar_voor_aanvrager=True),
                         to_attr="documenten_aanvrager"))
            .get(identificatie=identificatie))


def document_get_for_subject(*, gemeente: Gemeente, auth: AuthContext, identificatie: str,
                             document_uuid) -> Document:
    zaak = zaak_list_for_subject(gemeente=gemeente, auth=auth).get(identificatie=identificatie)
    return zaak.documenten.get(uuid=document_uuid, zichtbaar_voor_aanvrager=True)


_GEMEENTE_IDS_ATTR = "_medewerker_gemeente_ids"


def gemeente_ids_for_medewerker(user) -> tuple[int, ...]:
    """The ids of the civil servant's municipalities, read once and kept on the user object.

    request.user lives for one request, so a changed membership counts from the next request on.
    Queries scope with `gemeente_id IN (<these ids>)`: the planner then sees the literal values
    (and their share of the cases) and uses the (gemeente_id, ...) indexes, which a join or
    subquery through Medewerkerschap defeats.
    """
    if not user.is_authenticated:
        return ()
    ids = getattr(user, _GEMEENTE_IDS_ATTR, None)
    if ids is None:
        ids = tuple(Medewerkerschap.objects.filter(user=user).order_by("gemeente_id")
                    .values_list("gemeente_id", flat=True))
        setattr(user, _GEMEENTE_IDS_ATTR, ids)
    return ids


def gemeenten_for_medewerker(user) -> QuerySet[Gemeente]:
    return Gemeente.objects.filter(pk__in=gemeente_ids_for_medewerker(user)).order_by("naam")


def is_medewerker_of(user, gemeente_id: int) -> bool:
    return gemeente_id in gemeente_ids_for_medewerker(user)


def zaak_scope_for_medewerker(user) -> QuerySet[Zaak]:
    """Cases of the municipalities the civil servant belongs to, unordered and without joins."""
    return Zaak.objects.filter(gemeente_id__in=gemeente_ids_for_medewerker(user))


def zaak_list_for_medewerker(*, user) -> QuerySet[Zaak]:
    """Cases of the municipalities the civil servant belongs to; nothing else. Newest first, ties by
    pk (a stable order for keyset pages), on the index (gemeente_id, registratiedatum DESC, id DESC)."""
    return (zaak_scope_for_medewerker(user)
            .select_related("gemeente", "zaaktype", "huidige_status__statustype")
            .order_by("-registratiedatum", "-pk"))


def zaak_get_for_medewerker(*, user, pk: int) -> Zaak:
    return (zaak_list_for_medewerker(user=user)
            .prefetch_related(
                Prefetch("statussen", queryset=Status.objects.select_related("statustype",
                                                                             "gezet_door_medewerker")),
                "rollen", "documenten", "besluiten", "termijn_gebeurtenissen")
            .get(pk=pk))


@dataclass(frozen=True)
class TermijnRegel:
    datum: date
    omschrijving: str
    toelichting: str


@dataclass(frozen=True)
class BesluitRegel:
    besluit: Besluit
    bezwaar_uiterlijk: date | None  # Awb 6:7/6:8 with Atw art. 1; None while not sent


@dataclass(frozen=True)
class TermijnOverzicht:
    einddatum: date | None
    wettelijk: bool  # "wettelijke termijn", or only a "streefdatum"
    opgeschort: bool
    herinnering_op: date | None  # from this day the back office flags the term as nearly over
    regels: list[TermijnRegel]
    besluiten: list[BesluitRegel]


def _d(day: date | None) -> str:
    return date_format(day, "j F Y") if day else ""


def _toelichting(event: TermijnGebeurtenis) -> str:
    Soort = TermijnGebeurtenis.Soort
    if event.soort == Soort.OPGESCHORT and event.tot:
        extra = _("De termijn staat stil, uiterlijk tot %(d)s.") % {"d": _d(event.tot)}
    elif event.soort == Soort.VERLENGD and event.tot:
        extra = _("Nieuwe uiterlijke beslisdatum: %(d)s.") % {"d": _d(event.tot)}
    elif event.soort == Soort.ONTVANGEN and event.tot:
        extra = _("De beslistermijn telt vanaf %(d)s.") % {"d": _d(event.tot)}
    else:
        extra = ""
    return " ".join(part for part in (event.reden, extra) if part)


def termijn_overzicht(zaak: Zaak) -> TermijnOverzicht:
    """The term history of a case for the tracker and the dossier; uses the prefetched rows (one query
    for the municipality's terms, whatever the number of events or decisions)."""
    config = termijn_config(zaak)
    regels = [TermijnRegel(datum=e.datum, omschrijving=e.get_soort_display(), toelichting=_toelichting(e))
              for e in sorted(zaak.termijn_gebeurtenissen.all(), key=lambda e: (e.datum, e.vastgelegd_op, e.pk))]
    besluiten = [BesluitRegel(besluit=b, bezwaar_uiterlijk=bezwaartermijn_voor(b, weken=config.bezwaartermijn_weken))
                 for b in sorted(zaak.besluiten.all(), key=lambda b: (b.datum, b.pk))]
    einde = zaak.uiterlijke_einddatum_afdoening
    return TermijnOverzicht(einddatum=einde, wettelijk=config.wettelijk, opgeschort=zaak.opschorting_indicatie,
                            herinnering_op=einde - timedelta(days=config.herinnering_dagen) if einde else None,
                            regels=regels, besluiten=besluiten)
