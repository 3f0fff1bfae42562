"""Walk a renewal as the citizen does: form, check page, the provider's page, back to the tracker."""

from tests.eform_check import send
from zaken.processes.rijbewijs.models import Rijbewijs

FORM = "/rotterdam/aanvragen/rijbewijs/"
SUZANNE = "999993653"  # Rotterdam, B and BE, photo and signature approved


def aanvragen(client, data) -> tuple:
    """Form and check page; returns (response of the check POST, Rijbewijs or None)."""
    response = send(client, FORM, data)
    return response, Rijbewijs.objects.order_by("-pk").first()


def betalen(client, checkout_url: str, keuze: str = "betalen"):
    """Choose on the mock provider's page and follow the return; the response of the return."""
    response = client.post(checkout_url, {"keuze": keuze})
    assert response.status_code == 302, (checkout_url, response.status_code, response.content.decode()[-1500:])
    return client.get(response["Location"])


def indienen(*, bsn: str, gemeente, locatie, prefill_bsn: str = SUZANNE) -> Rijbewijs:
    """File an application through the service as the check page does, with `prefill_bsn`'s register data
    under `bsn` (one open renewal per person: other licence holders give more cases)."""
    from django.utils import timezone

    from zaken.forms.rijbewijs.prefill import rijbewijs_prefill
    from zaken.identity import AuthContext
    from zaken.processes.rijbewijs.services import Aanvraag, rijbewijs_indienen, terms_for

    prefill = rijbewijs_prefill(bsn=prefill_bsn, vandaag=timezone.localdate(), terms=terms_for(gemeente),
                                gemeente=gemeente, reason="test")
    auth = AuthContext.now(means="digid", level="substantieel", bsn=bsn, display_name="Test Persoon")
    return rijbewijs_indienen(auth=auth, gemeente=gemeente, aanvraag=Aanvraag(
        prefill=prefill, categorieen=[c.categorie for c in prefill.te_verlengen], afhaallocatie=locatie,
        email="test@example.nl", telefoon=""))


def klaar_leggen(count: int, *, gemeente, locatie) -> None:
    """`count` cards ready at one counter, inserted in bulk: their history does not matter for lists."""
    from datetime import timedelta

    from django.utils import timezone

    from zaken.models import Zaak, ZaakType

    zaaktype = ZaakType.objects.get(process_slug="rijbewijs")
    now, today = timezone.now(), timezone.localdate()
    start = Rijbewijs.objects.count()
    zaken = Zaak.objects.bulk_create([Zaak(
        identificatie=f"KLAAR-2026-{start + i:07d}", gemeente=gemeente, bronorganisatie=gemeente.rsin,
        zaaktype=zaaktype, registratiedatum=now, startdatum=today,
        initiator_bsn=f"{start + i:09d}") for i in range(count)])
    Rijbewijs.objects.bulk_create([Rijbewijs(
        zaak=zaak, state=Rijbewijs.State.KLAAR, bsn=zaak.initiator_bsn, naam=f"Aanvrager {i}",
        rijbewijsnummer="5000000000", afhaallocatie=locatie, email="test@example.nl", leges_cent=5110,
        categorieen=[{"categorie": "B", "geldigTot": "2026-12-01", "nieuwGeldigTot": "2036-12-01", "regel": "10 jaar"}],
        betaald_op=now, gereed_op=today, afhalen_uiterlijk=today + timedelta(days=90 - i % 60))
        for i, zaak in enumerate(zaken)])


def aanvragen_en_betalen(client, data, capture) -> Rijbewijs:
    """Form, check page and payment, with the on-commit work run (`capture`: django_capture_on_commit_callbacks)."""
    with capture(execute=True):
        response, rijbewijs = aanvragen(client, data)
        betalen(client, response["Location"])
    return rijbewijs


def aan_balie_weigeren(client, rijbewijs: Rijbewijs, reden: str):
    """A civil servant of Rotterdam refuses the card at the counter: the ID does not match."""
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.get(username="behandelaar-rotterdam"))
    return client.post(f"/behandelen/werklijst/rijbewijs/?locatie={rijbewijs.afhaallocatie_id}", {
        "zaak": rijbewijs.zaak.identificatie, "locatie": rijbewijs.afhaallocatie_id, "documentsoort": "id_kaart",
        "documentnummer": "IR1234567", "identiteit_vastgesteld": "nee", "oud_rijbewijs_ingenomen": "nee",
        "uitkomst": "geweigerd", "reden": reden})
