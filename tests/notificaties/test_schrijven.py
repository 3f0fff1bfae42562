"""Every change of a zaak, status, rol, resultaat, besluit or document writes one message, in its transaction."""

from collections import Counter
from datetime import date

import pytest
from django.db import transaction

from zaken.catalogus_ids import zaaktype_uuid
from zaken.models import Document, Resultaat, Rol
from zaken.notificaties.models import Notificatie
from zaken.services import document_store, status_record
from zaken.termijn_engine import besluit_vastleggen

from .helpers import ACTOR, zaak_maken

# Real transactions: a message belongs to the transaction of its change, and the test is about that.
pytestmark = pytest.mark.django_db(transaction=True)

API = "http://127.0.0.1:8000/api"


def new_since(pk):
    return list(Notificatie.objects.filter(pk__gt=pk).order_by("pk"))


def last_pk():
    return Notificatie.objects.order_by("-pk").values_list("pk", flat=True).first() or 0


def test_zaak_create_writes_the_zaak_its_rol_and_its_status_once_each(gemeenten):
    zaak = zaak_maken(gemeenten[0])
    messages = list(Notificatie.objects.all())
    assert Counter((m.kanaal, m.resource, m.actie) for m in messages) == {
        ("zaken", "zaak", "create"): 1, ("zaken", "rol", "create"): 1, ("zaken", "status", "create"): 1}
    zaak_url = f"{API}/zaken/v1/zaken/{zaak.uuid}"
    assert all(m.hoofd_object == zaak_url and m.gemeente_id == zaak.gemeente_id for m in messages)
    rol = zaak.rollen.get()
    assert {m.resource_url for m in messages} == {
        zaak_url, f"{API}/zaken/v1/rollen/{rol.uuid}", f"{API}/zaken/v1/statussen/{zaak.huidige_status.uuid}"}
    assert messages[0].kenmerken == {"bronorganisatie": zaak.bronorganisatie,
                                     "zaaktype": f"{API}/catalogi/v1/zaaktypen/"
                                                 f"{zaaktype_uuid(zaak.gemeente.gemeentecode, zaak.zaaktype.identificatie)}",
                                     "vertrouwelijkheidaanduiding": zaak.vertrouwelijkheidaanduiding}


def test_each_later_change_writes_exactly_one_message(gemeenten):
    zaak = zaak_maken(gemeenten[0])
    cases = [
        (lambda: status_record(zaak=zaak, code="in_behandeling", actor=ACTOR), ("zaken", "status", "create")),
        (lambda: Rol.objects.create(zaak=zaak, roltype=Rol.RolType.BEHANDELAAR,
                                    betrokkene_type=Rol.BetrokkeneType.MEDEWERKER), ("zaken", "rol", "create")),
        (lambda: Resultaat.objects.create(zaak=zaak, omschrijving="Toegekend"), ("zaken", "resultaat", "create")),
        (lambda: document_store(zaak=zaak, soort=Document.Soort.BRIEF, titel="Brief", content=b"%PDF-1.4",
                                bestandsnaam="brief.pdf", formaat="application/pdf"),
         ("documenten", "enkelvoudiginformatieobject", "create")),
        (lambda: zaak.save(update_fields=["omschrijving"]), ("zaken", "zaak", "update")),
    ]
    for change, expected in cases:
        before = last_pk()
        with transaction.atomic():
            change()
        assert [(m.kanaal, m.resource, m.actie) for m in new_since(before)] == [expected]


def test_a_besluit_writes_its_message_on_the_besluiten_kanaal(gemeenten):
    zaak = zaak_maken(gemeenten[0])
    before = last_pk()
    besluit = besluit_vastleggen(zaak=zaak, besluittype="vergunning", datum=date(2026, 3, 2), actor=ACTOR,
                                 verzenddatum=date(2026, 3, 3))
    messages = new_since(before)
    besluiten = [m for m in messages if m.kanaal == "besluiten"]
    # Created, then sent (verzenddatum) in the same transaction: one create.
    assert [(m.resource, m.actie) for m in besluiten] == [("besluit", "create")]
    assert besluiten[0].resource_url == besluiten[0].hoofd_object == f"{API}/besluiten/v1/besluiten/{besluit.uuid}"
    assert besluiten[0].kenmerken == {"verantwoordelijkeOrganisatie": zaak.bronorganisatie,
                                      "besluittype": "vergunning"}
    assert len({m.resource_url for m in messages}) == len(messages)  # never two for one resource


def test_a_rolled_back_change_writes_nothing_and_does_not_silence_the_next_one(gemeenten):
    zaak = zaak_maken(gemeenten[0])
    before = last_pk()
    with pytest.raises(RuntimeError), transaction.atomic():
        zaak_maken(gemeenten[0], bsn="999990019")
        zaak.save(update_fields=["omschrijving"])
        raise RuntimeError("rollback")
    assert new_since(before) == []
    with transaction.atomic():
        zaak.save(update_fields=["omschrijving"])
    assert [(m.resource, m.actie) for m in new_since(before)] == [("zaak", "update")]


def test_bookkeeping_saves_write_no_message(gemeenten):
    zaak = zaak_maken(gemeenten[0])
    before = last_pk()
    with transaction.atomic():
        zaak.save(update_fields=["huidige_status"])
    assert new_since(before) == []


def test_writing_a_message_costs_one_insert(gemeenten, django_assert_num_queries):
    zaak = zaak_maken(gemeenten[0])
    with transaction.atomic():
        with django_assert_num_queries(2):  # the zaak's UPDATE and the message's INSERT
            zaak.save(update_fields=["omschrijving"])
