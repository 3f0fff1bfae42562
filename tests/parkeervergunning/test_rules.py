"""Every refusal on the form, the lease car to a civil servant, the address quota and the waiting list."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from tests.eform_check import confirm
from zaken.models import Document, Zaak
from zaken.processes.parkeervergunning.models import Parkeervergunning, Vergunningzone
from zaken.processes.parkeervergunning.selectors import wachtlijstpositie
from zaken.processes.parkeervergunning.services import parkeervergunning_beeindigen, wachtlijsten_bijwerken
from zaken.actors import Actor

from .support import FEMKE, FREDERIK, JOHAN, JOHANS_PARTNER, MARTINUS, SUZANNE, aanvragen, form_url, pdf_text

pytestmark = pytest.mark.django_db


def pdf(name="contract.pdf"):
    return SimpleUploadedFile(name, b"%PDF-1.7 lease", content_type="application/pdf")


def test_outside_every_zone_is_told_why_with_the_contact_details(client, digid_login, zones):
    digid_login(MARTINUS)
    response = client.get(form_url())
    html = response.content.decode()
    assert response.status_code == 200 and "ligt niet in een vergunningzone" in html
    assert "Contact met gemeente Rotterdam" in html and "<form" not in html.split("</header>")[-1]


def test_registered_elsewhere_is_refused(client, digid_login, zones):
    digid_login(SUZANNE)  # a Rotterdam resident on Den Haag's form
    html = client.get(form_url("den-haag")).content.decode()
    assert "niet in deze gemeente ingeschreven" in html and "Contact met gemeente Den Haag" in html


def test_an_address_without_woonfunctie_is_refused(client, digid_login, zones, monkeypatch):
    from zaken.integrations.bag.mock import BagMock

    original = BagMock.adressen_van_object  # what the mock BAG service answers
    monkeypatch.setattr(BagMock, "adressen_van_object", lambda self, aoid: [
        {**adres, "gebruiksdoelen": ["kantoorfunctie"]} for adres in original(self, aoid)])
    digid_login(SUZANNE)
    html = client.get(form_url()).content.decode()
    assert "geen woonfunctie" in html and "Contact met gemeente Rotterdam" in html


@pytest.mark.parametrize("bsn, kenteken, message", [
    (FEMKE, "PTL-24-D", "693 cm lang"), (FREDERIK, "KXV71D", "251 cm hoog"),
    (SUZANNE, "PTL-24-D", "693 cm lang"),  # someone else's van: refused for its size, no proof asked
    (SUZANNE, "ZZZ-99-Z", "De RDW kent dit kenteken niet"),
    (SUZANNE, "ABCDEF", "Vul een geldig Nederlands kenteken in")])
def test_vehicle_refusals_sit_next_to_the_kenteken(client, digid_login, parkeer_form, bsn, kenteken, message):
    digid_login(bsn)
    response = client.post(form_url(), parkeer_form(kenteken=kenteken))
    html = response.content.decode()
    assert response.status_code == 400 and message in html
    assert 'id="id_kenteken_error"' in html and 'id="id_bewijs_error"' not in html
    assert not Zaak.objects.exists()


def test_the_proof_must_be_a_pdf_jpg_or_png(client, digid_login, parkeer_form):
    digid_login(JOHAN)
    tekst = SimpleUploadedFile("contract.txt", b"Leasecontract", content_type="text/plain")
    response = client.post(form_url(), parkeer_form(kenteken="LGN-98-D", bewijs=tekst))
    html = response.content.decode()
    assert response.status_code == 400 and "Upload een PDF, JPG of PNG" in html and 'id="id_bewijs_error"' in html


def test_a_start_date_in_the_past_is_refused(client, digid_login, parkeer_form):
    digid_login(SUZANNE)
    gisteren = timezone.localdate() - timedelta(days=1)
    response = client.post(form_url(), parkeer_form(ingangsdatum=gisteren.isoformat()))
    assert response.status_code == 400 and "niet eerder ingaan dan vandaag" in response.content.decode()


def test_rdw_down_answers_503_and_keeps_what_was_typed(client, digid_login, parkeer_form,
                                                      django_capture_on_commit_callbacks):
    digid_login(SUZANNE)
    with override_settings(MOCK_UNAVAILABLE={"rdw"}):
        response = client.post(form_url(), parkeer_form(email="bewaard@example.nl"))
    html = response.content.decode()
    assert response.status_code == 503 and "De RDW is nu niet bereikbaar" in html
    assert 'value="bewaard@example.nl"' in html and 'value="KSS-27-G"' in html
    # Down again between the form and the check page: 503 there too, the draft stays and files afterwards.
    response = client.post(form_url(), parkeer_form())
    check = response["Location"]
    with override_settings(MOCK_UNAVAILABLE={"rdw"}):
        assert client.get(check).status_code == 503
    assert not Zaak.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        assert confirm(client, check).status_code == 302
    assert Parkeervergunning.objects.get().state == "verleend"


def test_a_lease_car_needs_its_proof_and_goes_to_a_civil_servant(client, digid_login, parkeer_form, rechten,
                                                                 django_capture_on_commit_callbacks):
    from django.contrib.auth import get_user_model

    digid_login(JOHAN)
    response = client.post(form_url(), parkeer_form(kenteken="LGN-98-D"))
    assert response.status_code == 400 and "niet op uw naam" in response.content.decode()
    assert 'id="id_bewijs_error"' in response.content.decode()
    _response, vergunning = aanvragen(client, django_capture_on_commit_callbacks,
                                      parkeer_form(kenteken="LGN-98-D", bewijs=pdf()))
    assert vergunning.state == Parkeervergunning.State.IN_BEHANDELING and not vergunning.eigen_voertuig
    assert Document.objects.filter(zaak=vergunning.zaak, kenmerk="parkeer-bewijs").exists()
    assert not vergunning.zaak.besluiten.exists()

    from tests.backoffice_tasks import open_task
    from zaken.processes.parkeervergunning.flows import ParkeervergunningFlow

    task = open_task(vergunning, ParkeervergunningFlow.beoordelen)
    client.force_login(get_user_model().objects.get(username="behandelaar-rotterdam"))
    base = f"/behandelen/taken/flows/{ParkeervergunningFlow.instance.app_label}/{task.process_id}/beoordelen/{task.pk}/"
    assert client.post(base + "assign/").status_code == 302
    response = client.post(base + "execute/", {"besluit": "weigeren", "motivering": ""})
    assert response.status_code == 200 and "motivering van het besluit" in response.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(base + "execute/", {"besluit": "weigeren",
                                                   "motivering": "Het contract noemt u niet als gebruiker."})
    assert response.status_code == 302, response.content.decode()[:2000]
    vergunning.refresh_from_db()
    assert vergunning.state == Parkeervergunning.State.GEWEIGERD
    besluit = vergunning.zaak.besluiten.get()
    text = pdf_text(besluit.document)
    assert "Wij weigeren deze vergunning" in text and "noemt u niet als gebruiker" in text and "bezwaar" in text


def test_the_civil_servant_grants_a_lease_car(client, digid_login, parkeer_form, rechten,
                                              django_capture_on_commit_callbacks):
    from zaken.processes.parkeervergunning.services import parkeervergunning_beoordelen

    digid_login(JOHAN)
    _response, vergunning = aanvragen(client, django_capture_on_commit_callbacks,
                                      parkeer_form(kenteken="LGN98D", bewijs=pdf("verklaring.png").__class__(
                                          "verklaring.png", b"\x89PNG\r\n\x1a\nxx", content_type="image/png")))
    with django_capture_on_commit_callbacks(execute=True):
        parkeervergunning_beoordelen(vergunning=vergunning, by=Actor.system("test"), besluit="verlenen",
                                     motivering="Het leasecontract staat op naam van de aanvrager.")
    vergunning.refresh_from_db()
    assert vergunning.state == "verleend" and vergunning.ingangsdatum == timezone.localdate()
    assert "leasecontract staat op naam" in pdf_text(vergunning.zaak.besluiten.get().document)


def test_the_address_quota_counts_every_resident(client, digid_login, parkeer_form,
                                                 django_capture_on_commit_callbacks):
    digid_login(JOHANS_PARTNER)
    _response, eerste = aanvragen(client, django_capture_on_commit_callbacks, parkeer_form(kenteken="GRF-52-B"))
    assert eerste.state == "verleend"
    client.cookies.clear()
    digid_login(JOHAN)  # the same address, zone Noord allows one permit per address
    html = client.get(form_url()).content.decode()
    assert "Op uw adres zijn al 1 geldige parkeervergunningen" in html
    # An expired permit no longer counts.
    Parkeervergunning.objects.filter(pk=eerste.pk).update(vervaldatum=timezone.localdate() - timedelta(days=1))
    assert client.get(form_url()).content.decode().count("Op uw adres zijn al") == 0


def test_waiting_list_positions_are_counted_and_move_up(client, digid_login, parkeer_form, zones,
                                                        django_capture_on_commit_callbacks):
    """Zone Centrum of Rotterdam gets room for one permit: Femke's housemates stand in line behind Suzanne."""
    centrum = zones[("rotterdam", "Feijenoord")]
    Vergunningzone.objects.filter(pk=centrum.pk).update(capaciteit=1)
    digid_login(SUZANNE)
    _r, eerste = aanvragen(client, django_capture_on_commit_callbacks, parkeer_form())
    assert eerste.state == "verleend"
    # Two more applicants of the same zone, filed through the service (they live in Feijenoord in this test).
    with django_capture_on_commit_callbacks(execute=True):  # the placement's letter comes from the worker
        wachtenden = [_wachtende(bsn, kenteken, eerste) for bsn, kenteken in
                      (("999996538", "GZX72H"), ("999990871", "HFH65X"))]
    assert [wachtlijstpositie(w) for w in wachtenden] == [1, 2]
    assert [w.state for w in wachtenden] == ["wachtlijst", "wachtlijst"]
    # The placement is a besluit (with its letter): the decision term ends, so no lex silencio while waiting.
    assert wachtenden[0].zaak.besluiten.get().besluittype == "Plaatsing op de wachtlijst"
    tracker = _tracker_as("999990871", wachtenden[1])
    assert "U staat op plaats 2 van de wachtlijst" in tracker
    with django_capture_on_commit_callbacks(execute=True):
        parkeervergunning_beeindigen(vergunning=eerste, by=Actor.system("test"), reden="Verhuisd.")
    for w in wachtenden:
        w.refresh_from_db()
    assert wachtenden[0].state == "verleend" and wachtlijstpositie(wachtenden[1]) == 1
    assert "U staat op plaats 1 van de wachtlijst" in _tracker_as("999990871", wachtenden[1])
    # A permit that expires frees its place too: the periodic sweep moves the list up.
    assert wachtlijsten_bijwerken() == 0
    Parkeervergunning.objects.filter(pk=wachtenden[0].pk).update(vervaldatum=timezone.localdate() - timedelta(days=1))
    with django_capture_on_commit_callbacks(execute=True):
        assert wachtlijsten_bijwerken() == 1
    wachtenden[1].refresh_from_db()
    assert wachtenden[1].state == "verleend"
    # Two besluiten, each with its letter: the placement on the list, then the grant.
    assert [(b.besluittype, bool(b.document_id)) for b in wachtenden[1].zaak.besluiten.order_by("pk")] == [
        ("Plaatsing op de wachtlijst", True), ("Parkeervergunning verleend", True)]


def _wachtende(bsn, kenteken, buur):
    from zaken.forms.parkeervergunning.prefill import ParkeerPrefill
    from zaken.identity import AuthContext
    from zaken.integrations.registry import get_adapter
    from zaken.processes.parkeervergunning.services import Aanvraag, parkeervergunning_indienen

    prefill = ParkeerPrefill(naam="Test", adres="Boterdiep 2, 3077 AW Rotterdam", postcode="3077AW",
                             adresseerbaar_object=f"05990100{bsn[-8:]}")
    return parkeervergunning_indienen(
        auth=AuthContext.now(means="digid", level="midden", bsn=bsn, display_name="Test"), gemeente=buur.zaak.gemeente,
        aanvraag=Aanvraag(prefill=prefill, voertuig=get_adapter("rdw").voertuig(kenteken),
                          ingangsdatum=timezone.localdate(), email="t@example.nl", telefoon=""))


def _tracker_as(bsn, vergunning) -> str:
    from tests.logins import burger

    response = burger(bsn).get(f"/rotterdam/mijn-zaken/{vergunning.zaak.identificatie}/")
    assert response.status_code == 200
    return response.content.decode()


def test_admin_form_validates_postcode_ranges(demo):
    from zaken.processes.parkeervergunning.admin import VergunningzoneForm

    base = {"gemeente": demo["rotterdam"].pk, "naam": "Test", "quotum_per_adres": 1, "rechtsgrond": "artikel 2",
            "actief": True, "bag_ids": ""}
    form = VergunningzoneForm(data={**base, "postcodebereiken": "3011AA-3011ZZ, 3012ab - 3012bz"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["postcodebereiken"] == "3011AA-3011ZZ\n3012AB-3012BZ"
    form = VergunningzoneForm(data={**base, "postcodebereiken": "3011AA-30"})
    assert not form.is_valid() and "geen postcodebereik" in str(form.errors["postcodebereiken"])
    form = VergunningzoneForm(data={**base, "postcodebereiken": "3012AA-3011AA"})
    assert "laagste postcode vooraan" in str(form.errors["postcodebereiken"])
    form = VergunningzoneForm(data={**base, "postcodebereiken": "", "bag_ids": "12345"})
    assert "16 cijfers" in str(form.errors["bag_ids"])
    form = VergunningzoneForm(data={**base, "postcodebereiken": ""})
    assert not form.is_valid() and "ten minste één postcodebereik" in str(form.errors)


def test_the_functional_administrator_may_manage_zones(demo):
    from zaken.admin_site import BEHEER_PERMISSIONS

    assert BEHEER_PERMISSIONS["parkeervergunning.vergunningzone"] == ("view", "add", "change")
    assert reverse("admin:parkeervergunning_vergunningzone_changelist")


def test_the_tracker_panel_costs_two_queries_however_long_the_waiting_list(zones, django_assert_num_queries):
    """The place is counted by one query (index parkeer_wachtlijst), never stored."""
    from .support import make_vergunning
    from zaken.processes.parkeervergunning.selectors import tracker_panel

    for i in range(5):
        Parkeervergunning.objects.filter(pk=make_vergunning("wachtlijst").pk).update(
            wachtlijst_sinds=timezone.now() - timedelta(days=10 - i))
    laatste = make_vergunning("wachtlijst")
    Parkeervergunning.objects.filter(pk=laatste.pk).update(wachtlijst_sinds=timezone.now())
    with django_assert_num_queries(2):
        panel = tracker_panel(None, laatste.zaak)
    assert panel["positie"] == 6


def test_the_civil_servant_cannot_grant_over_the_address_quota(client, digid_login, parkeer_form, rechten,
                                                               django_capture_on_commit_callbacks):
    """Johan's lease car waits; meanwhile his spouse got the one permit of their address."""
    from django.contrib.auth import get_user_model

    from tests.backoffice_tasks import open_task
    from zaken.processes.parkeervergunning.flows import ParkeervergunningFlow

    digid_login(JOHAN)
    _r, lease = aanvragen(client, django_capture_on_commit_callbacks, parkeer_form(kenteken="LGN-98-D", bewijs=pdf()))
    client.cookies.clear()
    digid_login(JOHANS_PARTNER)
    _r, partner = aanvragen(client, django_capture_on_commit_callbacks, parkeer_form(kenteken="GRF-52-B"))
    assert partner.state == "verleend"
    task = open_task(lease, ParkeervergunningFlow.beoordelen)
    client.force_login(get_user_model().objects.get(username="behandelaar-rotterdam"))
    base = f"/behandelen/taken/flows/{ParkeervergunningFlow.instance.app_label}/{task.process_id}/beoordelen/{task.pk}/"
    client.post(base + "assign/")
    response = client.post(base + "execute/", {"besluit": "verlenen", "motivering": "Contract in orde."})
    assert response.status_code == 200 and "al 1 geldige vergunningen" in response.content.decode()
    lease.refresh_from_db()
    assert lease.state == "in_behandeling" and not lease.zaak.besluiten.exists()


def test_every_vehicle_read_is_in_the_audit_log(client, digid_login, parkeer_form):
    from zaken.models import AuditLog

    digid_login(SUZANNE)
    client.post(form_url(), parkeer_form())
    entry = AuditLog.objects.filter(name="rdw_voertuig").get()
    assert "kenteken" in entry.categories and SUZANNE not in str(entry.__dict__)
