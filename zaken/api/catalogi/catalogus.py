"""One municipality's ZGW catalogus, derived from the registered processes and its GemeenteProducten.

Our catalogue tables have no uuid and ZaakType/StatusType are shared by every municipality, so each
resource gets a deterministic uuid5 of stable keys (municipality code, zaaktype identificatie, type and
code): URLs stay the same without a migration, and differ per municipality. The whole catalogus is small
(a few zaaktypen) and is read in three queries, whatever the endpoint; lists filter it in memory.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.utils.translation import gettext as _

from zaken.catalogus_ids import NAMESPACE, stable_uuid, zaaktype_uuid  # noqa: F401 (NAMESPACE: kept here too)
from zaken.models import Document, Gemeente, GemeenteProduct, Rol, ZaakType
from zaken.registry import processes
from zaken.termijn_engine import VAN_RECHTSWEGE, van_rechtswege_mogelijk

from ..common.urls import resource_url


# Our roles and the ZGW omschrijvingGeneriek each one is.
ROL_GENERIEK = {
    Rol.RolType.INITIATOR: "initiator",
    Rol.RolType.BELANGHEBBENDE: "belanghebbende",
    Rol.RolType.MELDER: "initiator",
    Rol.RolType.BEHANDELAAR: "behandelaar",
}


def besluittype_namen(definition, gp: GemeenteProduct) -> tuple[str, ...]:
    """Every besluittype name a case of this product can get: the process's own (besluit_statussen and
    besluittypen) and the term engine's besluit van rechtswege where the product's terms allow lex silencio.
    Each is keyed by the uuid5 of its (untranslated) name, as besluiten.scope.besluittype_uuid."""
    if definition is None:
        return ()
    namen = definition.alle_besluittypen()
    return namen + (VAN_RECHTSWEGE,) if van_rechtswege_mogelijk(definition, gp.termijnen) else namen


def duration_days(days: int | None) -> str | None:
    return f"P{days}D" if days is not None else None


@dataclass
class Catalogus:
    gemeente: Gemeente
    request: object
    begin: date
    resources: dict[str, list[dict]] = field(default_factory=dict)

    def url(self, name: str, key) -> str:
        return resource_url(self.request, f"api:catalogi:{name}-detail", key)

    def get(self, name: str, key) -> dict | None:
        return next((item for item in self.resources[name] if str(item["uuid"]) == str(key)), None)


def catalogus_voor(gemeente: Gemeente, request) -> Catalogus:
    """Every resource of the municipality's catalogus, as plain dicts in the API's field names."""
    cat = Catalogus(gemeente, request, date.fromisoformat(settings.ZGW_API["CATALOGUS_BEGIN_GELDIGHEID"]))
    code = gemeente.gemeentecode
    cat_uuid = stable_uuid(code, "catalogus")
    cat_url = cat.url("catalogus", cat_uuid)
    producten = {gp.product_id: gp for gp in GemeenteProduct.objects.filter(gemeente=gemeente, actief=True)
                 .select_related("product")}
    zaaktypen = (ZaakType.objects.filter(product_id__in=producten).prefetch_related("statustypen")
                 .order_by("identificatie"))
    geldig = {"beginGeldigheid": cat.begin, "eindeGeldigheid": None, "beginObject": cat.begin, "eindeObject": None}
    out = {name: [] for name in ("zaaktype", "statustype", "roltype", "resultaattype", "eigenschap",
                                 "besluittype", "informatieobjecttype")}
    besluittypen: dict[str, dict] = {}
    iot_urls = []
    for soort, label in Document.Soort.choices:
        key = stable_uuid(code, "informatieobjecttype", soort)
        iot = {"uuid": key, "url": cat.url("informatieobjecttype", key), "catalogus": cat_url,
               "omschrijving": str(label), "vertrouwelijkheidaanduiding": "vertrouwelijk", "concept": False,
               "zaaktypen": [], "besluittypen": [], "informatieobjectcategorie": soort, "trefwoord": [],
               "omschrijvingGeneriek": None, **geldig}
        out["informatieobjecttype"].append(iot)
        iot_urls.append(iot["url"])

    for zt in zaaktypen:
        gp = producten[zt.product_id]
        definition = processes.get(zt.process_slug) if zt.process_slug in processes else None
        zt_key = zaaktype_uuid(code, zt.identificatie)
        zt_url = cat.url("zaaktype", zt_key)
        common = {"zaaktype": zt_url, "zaaktypeIdentificatie": zt.identificatie, "catalogus": cat_url, **geldig}
        statustypen = []
        for st in zt.statustypen.all():
            key = stable_uuid(code, zt.identificatie, "statustype", st.code)
            statustypen.append({
                "uuid": key, "url": cat.url("statustype", key), "omschrijving": st.omschrijving,
                "omschrijvingGeneriek": st.code, "statustekst": st.statustekst, "volgnummer": st.volgnummer,
                "isEindstatus": st.is_eindstatus, "informeren": True, "doorlooptijd": None,
                "toelichting": st.volgende_stap, "checklistitemStatustype": [], "eigenschappen": [],
                "zaakobjecttype": None, **common})
        roltypen = []
        for rol, label in Rol.RolType.choices:
            key = stable_uuid(code, zt.identificatie, "roltype", rol)
            roltypen.append({"uuid": key, "url": cat.url("roltype", key), "omschrijving": str(label),
                             "omschrijvingGeneriek": ROL_GENERIEK[rol], **common})
        resultaattypen = []
        for st in statustypen:
            if not st["isEindstatus"]:
                continue
            key = stable_uuid(code, zt.identificatie, "resultaattype", st["omschrijvingGeneriek"])
            resultaattypen.append({
                "uuid": key, "url": cat.url("resultaattype", key), "omschrijving": st["omschrijving"],
                "resultaattypeomschrijving": "", "omschrijvingGeneriek": "", "selectielijstklasse": "",
                "toelichting": st["statustekst"], "archiefnominatie": None, "archiefactietermijn": None,
                "brondatumArchiefprocedure": None, "procesobjectaard": "", "indicatieSpecifiek": None,
                "procestermijn": None, "besluittypen": [], "besluittypeOmschrijving": [],
                "informatieobjecttypen": [], "informatieobjecttypeOmschrijving": [], "zaakobjecttypen": [],
                **common})
        zt_besluittypen = []
        for omschrijving in besluittype_namen(definition, gp):
            bt = besluittypen.get(omschrijving)
            if bt is None:
                key = stable_uuid(code, "besluittype", omschrijving)
                bt = besluittypen[omschrijving] = {
                    "uuid": key, "url": cat.url("besluittype", key), "catalogus": cat_url, "zaaktypen": [],
                    "omschrijving": _(omschrijving), "omschrijvingGeneriek": "", "besluitcategorie": "",
                    "reactietermijn": None, "publicatieIndicatie": False, "publicatietekst": "",
                    "publicatietermijn": None, "toelichting": "", "informatieobjecttypen": [],
                    "concept": False, "resultaattypen": [], "resultaattypenOmschrijving": [], "vastgelegdIn": [],
                    **geldig}
            bt["zaaktypen"].append(zt_url)
            zt_besluittypen.append(bt["url"])
        out["zaaktype"].append({
            "uuid": zt_key, "url": zt_url, "identificatie": zt.identificatie, "omschrijving": str(zt.omschrijving),
            "omschrijvingGeneriek": "", "vertrouwelijkheidaanduiding": zt.vertrouwelijkheidaanduiding,
            "doel": gp.product.omschrijving or gp.product.upl_naam, "aanleiding": _("Aanvraag van de aanvrager"),
            "toelichting": gp.toelichting, "indicatieInternOfExtern": "extern", "handelingInitiator": "aanvragen",
            "onderwerp": gp.product.upl_naam, "handelingBehandelaar": "behandelen",
            "doorlooptijd": duration_days(zt.doorlooptijd_dagen), "servicenorm": None,
            "opschortingEnAanhoudingMogelijk": True, "verlengingMogelijk": True, "verlengingstermijn": None,
            "trefwoorden": [gp.product.slug], "publicatieIndicatie": False, "publicatietekst": "",
            "verantwoordingsrelatie": [], "productenOfDiensten": [gp.product.upl_uri] if gp.product.upl_uri else [],
            "selectielijstProcestype": None, "referentieproces": {"naam": zt.process_slug, "link": ""},
            "verantwoordelijke": gemeente.naam, "zaakobjecttypen": [], "broncatalogus": None, "bronzaaktype": None,
            "catalogus": cat_url, "statustypen": [s["url"] for s in statustypen],
            "resultaattypen": [r["url"] for r in resultaattypen], "eigenschappen": [],
            "informatieobjecttypen": iot_urls, "roltypen": [r["url"] for r in roltypen],
            "besluittypen": zt_besluittypen, "deelzaaktypen": [], "gerelateerdeZaaktypen": [],
            "versiedatum": cat.begin, "concept": False, **geldig})
        out["statustype"] += statustypen
        out["roltype"] += roltypen
        out["resultaattype"] += resultaattypen
    out["besluittype"] = list(besluittypen.values())
    zt_urls = [z["url"] for z in out["zaaktype"]]
    for iot in out["informatieobjecttype"]:
        iot["zaaktypen"] = zt_urls
    out["catalogus"] = [{
        "uuid": cat_uuid, "url": cat_url, "domein": f"G{code}"[:5], "rsin": gemeente.rsin, "naam": gemeente.naam,
        "contactpersoonBeheerNaam": gemeente.naam, "contactpersoonBeheerTelefoonnummer": gemeente.contact_telefoon,
        "contactpersoonBeheerEmailadres": gemeente.contact_email, "zaaktypen": zt_urls,
        "besluittypen": [b["url"] for b in out["besluittype"]], "informatieobjecttypen": iot_urls,
        "versie": "1", "begindatumVersie": cat.begin}]
    cat.resources = out
    return cat
