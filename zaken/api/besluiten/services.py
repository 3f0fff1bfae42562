"""POST /besluiten: record a besluit through the term engine, as the back office does (besluit_vastleggen),
with the Besluiten API's rules checked first (brc-001, brc-002, brc-007) and an audit line for the client.

The API client brings its own letter (in its DMS): no PDF is rendered and the applicant is not told here;
that is what besluit_nemen adds for a besluit taken in the back office.
"""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from zaken.actors import Actor
from zaken.models import AuditLog, Besluit
from zaken.services import audit_record
from zaken.termijn_engine import besluit_vastleggen

from ..catalogi.catalogus import catalogus_voor, stable_uuid
from ..common.errors import validation_error
from ..zaken.scope import uuid_uit_url
from .scope import zaak_voor_besluit


def besluit_aanmaken(*, request, data: dict) -> Besluit:
    client = request.user
    gemeente = client.gemeente
    if data["verantwoordelijkeOrganisatie"] != gemeente.rsin:
        raise validation_error("verantwoordelijkeOrganisatie",
                               _("Gebruik het RSIN van uw gemeente (%(rsin)s).") % {"rsin": gemeente.rsin},
                               "invalid-rsin")
    catalogus = catalogus_voor(gemeente, request)
    key = uuid_uit_url(data["besluittype"], "api:catalogi:besluittype-detail")
    besluittype = catalogus.get("besluittype", key) if key else None
    if besluittype is None:  # brc-001
        raise validation_error("besluittype", _("Kies een besluittype uit de catalogus van uw gemeente "
                                                "(/api/catalogi/v1/besluittypen)."), "does_not_exist")
    if not data.get("zaak"):
        raise validation_error("zaak", _("Geef de zaak waarover dit besluit gaat: in Samenloket hoort elk besluit "
                                         "bij een zaak."), "required")
    zaak = zaak_voor_besluit(client, data["zaak"])
    if zaak is None:
        raise validation_error("zaak", _("Deze zaak bestaat niet of u mag er geen besluiten bij vastleggen."),
                               "does_not_exist")
    zaaktype_url = catalogus.url("zaaktype", stable_uuid(gemeente.gemeentecode, "zaaktype", zaak.zaaktype.identificatie))
    if zaaktype_url not in besluittype["zaaktypen"]:  # brc-007
        raise validation_error("besluittype", _("Dit besluittype hoort niet bij het zaaktype van de zaak: kies er "
                                                "een uit de besluittypen van het zaaktype."), "zaaktype-mismatch")
    identificatie = data.get("identificatie", "")
    if identificatie and Besluit.objects.filter(zaak__gemeente=gemeente, identificatie=identificatie).exists():
        raise validation_error("identificatie", _("Deze identificatie is al gebruikt: kies een andere of laat het "
                                                  "veld leeg (wij nummeren dan zelf)."), "identificatie-niet-uniek")
    actor = Actor.api(client)
    with transaction.atomic():
        besluit = besluit_vastleggen(
            zaak=zaak, besluittype=str(besluittype["omschrijving"]), datum=data["datum"], actor=actor,
            toelichting=data.get("toelichting", ""), ingangsdatum=data["ingangsdatum"],
            verzenddatum=data.get("verzenddatum"), vervaldatum=data.get("vervaldatum"),
            bestuursorgaan=data.get("bestuursorgaan", ""), identificatie=identificatie)
        audit_record(actor=actor, name="besluit_vastleggen", operation=AuditLog.Operation.WRITE, zaak=zaak,
                     categories=["besluit"], reason="besluit vastgelegd via de Besluiten API",
                     subject_bsn=zaak.initiator_bsn,
                     processing_activity=f"{zaak.zaaktype.process_slug}: besluit vastleggen (API)")
    return besluit
