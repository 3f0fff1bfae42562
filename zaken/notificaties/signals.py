"""Every save of a zaak, status, rol, resultaat, besluit or document writes its message (post_save).

Signals rather than calls in each service: processes save these models on paths of their own (a besluit's
vervaldatum, a zaak's planned end date), and a hook at the model misses none of them. `created` gives the
actie; one resource is reported once per transaction (services.notificatie_schrijven). Saves that touch
only our own bookkeeping (the pointer to the newest status, the receipt mark) are no change of the case.
"""

from django.db.models.signals import post_save

from zaken.catalogus_ids import zaaktype_uuid
from zaken.models import Besluit, Document, Gemeente, Resultaat, Rol, Status, Zaak, ZaakType

from .resources import resource_url
from .services import notificatie_schrijven

BOOKKEEPING = {Zaak: {"huidige_status", "ontvangstbevestiging_gevraagd_op"}, Document: {"verzoek"}}


def _related(obj, name: str, model, field: str):
    """A field of a related row: from the instance when it holds the row already, else one small query."""
    if obj._meta.get_field(name).is_cached(obj):
        return getattr(getattr(obj, name), field)
    return model.objects.values_list(field, flat=True).get(pk=getattr(obj, f"{name}_id"))


def zaaktype_url(zaak: Zaak) -> str:
    """The zaaktype's URL in the municipality's Catalogi API (the same uuid5 the API serves)."""
    code = _related(zaak, "gemeente", Gemeente, "gemeentecode")
    identificatie = _related(zaak, "zaaktype", ZaakType, "identificatie")
    return resource_url("zaaktype", zaaktype_uuid(code, identificatie))


def zaak_kenmerken(zaak: Zaak) -> dict:
    return {"bronorganisatie": zaak.bronorganisatie, "zaaktype": zaaktype_url(zaak),
            "vertrouwelijkheidaanduiding": zaak.vertrouwelijkheidaanduiding}


def _zaken(zaak: Zaak, resource: str, obj, actie: str) -> None:
    notificatie_schrijven(kanaal="zaken", hoofd_object=resource_url("zaak", zaak.uuid), resource=resource,
                          resource_url=resource_url(resource, obj.uuid), actie=actie,
                          kenmerken=zaak_kenmerken(zaak), gemeente_id=zaak.gemeente_id)


def _besluit(besluit: Besluit, actie: str) -> None:
    url = resource_url("besluit", besluit.uuid)
    zaak = besluit.zaak
    notificatie_schrijven(kanaal="besluiten", hoofd_object=url, resource="besluit", resource_url=url, actie=actie,
                          kenmerken={"verantwoordelijkeOrganisatie": zaak.bronorganisatie,
                                     "besluittype": besluit.besluittype},
                          gemeente_id=zaak.gemeente_id)


def _document(doc: Document, actie: str) -> None:
    url = resource_url("enkelvoudiginformatieobject", doc.uuid)
    zaak = doc.zaak
    notificatie_schrijven(kanaal="documenten", hoofd_object=url, resource="enkelvoudiginformatieobject",
                          resource_url=url, actie=actie,
                          kenmerken={"bronorganisatie": zaak.bronorganisatie, "informatieobjecttype": doc.soort,
                                     "vertrouwelijkheidaanduiding": doc.vertrouwelijkheidaanduiding},
                          gemeente_id=zaak.gemeente_id)


def saved(sender, instance, created, raw=False, update_fields=None, **kwargs):
    if raw:  # fixtures being loaded: no change anyone made
        return
    if update_fields and set(update_fields) <= BOOKKEEPING.get(sender, set()):
        return
    actie = "create" if created else "update"
    if sender is Zaak:
        _zaken(instance, "zaak", instance, actie)
    elif sender is Besluit:
        _besluit(instance, actie)
    elif sender is Document:
        _document(instance, actie)
    else:
        _zaken(instance.zaak, sender._meta.model_name, instance, actie)


for _model in (Zaak, Status, Rol, Resultaat, Besluit, Document):
    post_save.connect(saved, sender=_model, dispatch_uid=f"notificatie_{_model.__name__}")
