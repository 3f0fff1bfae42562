"""The counter: find the card by number or QR code, check the ID, hand out, send away or refuse."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from zaken.integrations.models import RdwMockBestelling
from zaken.models import AuditLog, Medewerkerschap, Status
from zaken.processes.rijbewijs.afhaalcode import afhaalcode
from zaken.processes.rijbewijs.models import Afhaallocatie, Rijbewijs, Uitreikpoging

from .support import balie_url, fresh, handover, klaar, medewerker, sweep_at, tracker_url

pytestmark = pytest.mark.django_db

NIET_GELDIG = "Dit is geen geldig zaaknummer of afhaalcode"


@pytest.fixture
def kaart(client, digid_login, rijbewijs_form, django_capture_on_commit_callbacks):
    """Suzanne's new licence lies ready at the Stadswinkel Centrum in Rotterdam."""
    digid_login("999993653", level="substantieel")
    return klaar(client, django_capture_on_commit_callbacks, rijbewijs_form())


@pytest.fixture
def balie(client, kaart):
    call_command("backoffice_rechten", verbosity=0)
    client.force_login(medewerker())
    return client


def reads(rijbewijs):
    return AuditLog.objects.filter(name="rijbewijs_balie_inzien", zaak=rijbewijs.zaak).count()


def test_find_by_bare_case_number_and_the_read_is_audited(balie, kaart):
    page = balie.get(balie_url(kaart, code=kaart.zaak.identificatie))
    html = page.content.decode()
    assert page.status_code == 200 and "Suzanne" in html and "Identiteit controleren en uitreiken" in html
    assert reads(kaart) == 1
    log = AuditLog.objects.get(name="rijbewijs_balie_inzien")
    assert log.operation == AuditLog.Operation.READ


def test_find_by_qr_code(balie, kaart):
    page = balie.get(balie_url(kaart, code=afhaalcode(kaart.zaak.identificatie)))
    assert page.status_code == 200 and "Suzanne" in page.content.decode()
    assert reads(kaart) == 1


@pytest.mark.parametrize("verander", [
    lambda code: code[:-1] + ("0" if code[-1] != "0" else "1"),  # one character of the check
    lambda code: code.replace("-000000", "-000009", 1),  # another case number under the old check
    lambda code: "ZAAK-2026",
])
def test_tampered_code_is_refused_with_a_message(balie, kaart, verander):
    page = balie.get(balie_url(kaart, code=verander(afhaalcode(kaart.zaak.identificatie))))
    assert page.status_code == 400 and NIET_GELDIG in page.content.decode()
    assert reads(kaart) == 0


def test_case_of_another_municipality_is_not_found(client, kaart):
    call_command("backoffice_rechten", verbosity=0)
    client.force_login(medewerker("behandelaar-den-haag"))
    for code in (kaart.zaak.identificatie, afhaalcode(kaart.zaak.identificatie)):
        page = client.get(balie_url(code=code))
        html = page.content.decode()
        assert page.status_code == 404 and "Geen rijbewijsaanvraag" in html and "Suzanne" not in html
    # A handover posted with the counter of its own municipality finds nothing either.
    den_haag = Afhaallocatie.objects.filter(gemeente__slug="den-haag").first()
    response = client.post(balie_url(), handover(kaart, locatie=den_haag.pk))
    assert response.status_code == 404
    # Nor can it name a Rotterdam counter: the location falls back to one of its own.
    response = client.post(balie_url(), handover(kaart))
    assert response.status_code == 404
    assert not Uitreikpoging.objects.exists() and fresh(kaart).state == Rijbewijs.State.KLAAR
    assert reads(kaart) == 0


def test_wrong_location_is_refused(balie, kaart):
    andere = Afhaallocatie.objects.create(gemeente=kaart.zaak.gemeente, naam="Stadswinkel Noord", adres="Noord 1",
                                          openingstijden="ma–vr")
    page = balie.get(balie_url(locatie=andere.pk, code=kaart.zaak.identificatie))
    html = page.content.decode()
    assert page.status_code == 200 and "ligt bij Stadswinkel Centrum, niet bij deze balie" in html
    assert "Identiteit controleren en uitreiken" not in html
    response = balie.post(balie_url(), handover(kaart, locatie=andere.pk))
    assert response.status_code == 409
    assert "niet bij deze balie" in response.content.decode()
    assert not Uitreikpoging.objects.exists() and fresh(kaart).state == Rijbewijs.State.KLAAR


def test_identity_not_established_is_recorded_as_not_now(balie, kaart):
    response = balie.post(balie_url(), handover(kaart, identiteit_vastgesteld="nee"))
    assert response.status_code == 302
    poging = Uitreikpoging.objects.get()
    assert poging.uitkomst == Uitreikpoging.Uitkomst.NIET_NU and not poging.identiteit_vastgesteld
    assert "De identiteit is niet vastgesteld" in poging.reden
    assert poging.medewerker == medewerker() and poging.locatie_id == kaart.afhaallocatie_id
    assert fresh(kaart).state == Rijbewijs.State.KLAAR
    page = balie.get(response["Location"])
    assert "Het rijbewijs blijft klaarliggen" in page.content.decode()


def test_not_now_needs_a_reason(balie, kaart):
    response = balie.post(balie_url(), handover(kaart, uitkomst="niet_nu"))
    assert response.status_code == 400 and "Schrijf op waarom" in response.content.decode()
    assert not Uitreikpoging.objects.exists()
    balie.post(balie_url(), handover(kaart, uitkomst="niet_nu", reden="Paspoort verlopen"))
    assert Uitreikpoging.objects.get().reden == "Paspoort verlopen"
    assert fresh(kaart).state == Rijbewijs.State.KLAAR


def test_refusal_needs_a_reason_then_closes_the_case_with_a_besluit(balie, kaart, client, digid_login,
                                                                   django_capture_on_commit_callbacks):
    response = balie.post(balie_url(), handover(kaart, uitkomst="geweigerd"))
    assert response.status_code == 400 and "Schrijf op waarom" in response.content.decode()
    assert fresh(kaart).state == Rijbewijs.State.KLAAR and not Uitreikpoging.objects.exists()

    reden = "De persoon aan de balie is niet de aanvrager."
    with django_capture_on_commit_callbacks(execute=True):
        response = balie.post(balie_url(), handover(kaart, uitkomst="geweigerd", identiteit_vastgesteld="nee",
                                                    reden=reden))
    assert response.status_code == 302
    kaart = fresh(kaart)
    assert kaart.state == Rijbewijs.State.AFGEWEZEN and kaart.reden == reden
    assert Uitreikpoging.objects.get().uitkomst == Uitreikpoging.Uitkomst.GEWEIGERD
    assert Status.objects.filter(zaak=kaart.zaak, to_state="afgewezen", statustoelichting=reden).count() == 1

    # The sweep tells the RDW the card was not issued, once.
    sweep_at(kaart.volgende_controle, django_capture_on_commit_callbacks)
    assert RdwMockBestelling.objects.get().niet_uitgereikt_op is not None
    assert fresh(kaart).rdw_niet_uitgereikt_gemeld

    client.logout()
    digid_login("999993653", level="substantieel")
    tracker = client.get(tracker_url(kaart)).content.decode()
    assert "Afgewezen" in tracker and "Weigering uitreiking rijbewijs" in tracker
    assert "bezwaar maken tot en met" in tracker


def test_handover_and_nothing_after_it(balie, kaart):
    response = balie.post(balie_url(), handover(kaart))
    assert response.status_code == 302 and fresh(kaart).state == Rijbewijs.State.UITGEREIKT
    again = balie.post(balie_url(), handover(kaart))
    assert again.status_code == 409 and "kan niet meer worden uitgereikt" in again.content.decode()
    assert Uitreikpoging.objects.count() == 1


def test_only_the_last_four_characters_of_the_document_number_are_kept(balie, kaart):
    balie.post(balie_url(), handover(kaart, documentnummer="nx4k-8p2l 1"))
    poging = Uitreikpoging.objects.get()
    assert poging.documentnummer_eind == "P2L1"
    for row in AuditLog.objects.values():
        assert "NX4K8P2L1" not in str(row)
    for row in Status.objects.values():
        assert "NX4K8P2L1" not in str(row)


def test_user_without_the_right_gets_403(client, kaart):
    user = get_user_model().objects.create_user("zonder-recht", password="x")
    Medewerkerschap.objects.create(user=user, gemeente=kaart.zaak.gemeente)
    client.force_login(user)
    assert client.get(balie_url(kaart, code=kaart.zaak.identificatie)).status_code == 403
    assert client.post(balie_url(), handover(kaart)).status_code == 403
    assert fresh(kaart).state == Rijbewijs.State.KLAAR and reads(kaart) == 0


def test_the_list_of_a_counter_opens_without_a_search(balie, kaart):
    """Choosing a counter sends only `locatie` (or an empty code): the list of cards waiting there, no error."""
    for url in (balie_url(kaart), balie_url(kaart, code="")):
        page = balie.get(url)
        html = page.content.decode()
        assert page.status_code == 200, url
        assert kaart.zaak.identificatie in html and NIET_GELDIG not in html
        assert "verplicht" not in html.lower() and "required" not in html.lower()


@pytest.mark.parametrize(("inleveren", "uitkomst", "state"), [
    (True, Uitreikpoging.Uitkomst.NIET_NU, Rijbewijs.State.KLAAR),
    (False, Uitreikpoging.Uitkomst.UITGEREIKT, Rijbewijs.State.UITGEREIKT),
])
def test_handing_in_the_old_licence_is_configuration(balie, kaart, inleveren, uitkomst, state):
    from zaken.models import GemeenteProduct

    gp = GemeenteProduct.objects.get(gemeente=kaart.zaak.gemeente, product__slug="rijbewijs")
    gp.termijnen = {**(gp.termijnen or {}), "oud_rijbewijs_inleveren": inleveren}
    gp.save()
    balie.post(balie_url(), handover(kaart, oud_rijbewijs_ingenomen="nee"))
    assert Uitreikpoging.objects.get().uitkomst == uitkomst and fresh(kaart).state == state


def test_the_counter_list_costs_the_same_queries_for_one_or_many_cards(balie, kaart):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.machines import zaak_for

    def queries() -> int:
        balie.get(balie_url(kaart))  # steady state: a first request also stores the activity (once a minute)
        with CaptureQueriesContext(connection) as ctx:
            assert balie.get(balie_url(kaart)).status_code == 200
        return len(ctx.captured_queries)

    one = queries()
    for n in range(5):
        Rijbewijs.objects.create(
            zaak=zaak_for("rijbewijs", kaart.zaak.gemeente), state="klaar", bsn="999990378", naam=f"Demo {n}",
            rijbewijsnummer="1", afhaallocatie=kaart.afhaallocatie, email="d@example.nl", leges_cent=5110,
            categorieen=kaart.categorieen, gereed_op=kaart.gereed_op, afhalen_uiterlijk=kaart.afhalen_uiterlijk)
    assert queries() == one
    assert "6 rijbewijzen liggen klaar" in balie.get(balie_url(kaart)).content.decode()
