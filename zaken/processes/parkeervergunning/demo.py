"""The demo municipalities' permit zones around the RvIG addresses, and demo applications filed
through the same services as the e-form."""

from datetime import timedelta

from django.utils import timezone

from zaken.forms.parkeervergunning.prefill import parkeer_prefill, voertuig_lezen
from zaken.identity import AuthContext
from zaken.integrations.errors import IntegrationError
from zaken.models import Gemeente

from .models import Parkeervergunning, Vergunningzone
from .services import Aanvraag, ParkeerRefused, parkeervergunning_indienen

# (name, postcode ranges, quota per address, capacity or None)
ZONES = {
    "rotterdam": [("Centrum", "3011AA-3012ZZ", 2, None), ("Noord", "3031AA-3039ZZ", 1, None),
                  ("Feijenoord", "3071AA-3079ZZ", 1, None)],
    "den-haag": [("Centrum", "2511AA-2514ZZ", 1, 1), ("Escamp", "2541AA-2555ZZ", 1, None)],
    "hellevoetsluis": [("Vesting en Nieuwenhoorn", "3221AA-3225ZZ", 2, None)],
}
# (municipality, BSN, kenteken, proof needed): a grant, the zone's last place and the waiting list, a lease car.
AANVRAGEN = [("den-haag", "999996538", "GZX72H"), ("den-haag", "999990871", "HFH65X"),
             ("den-haag", "999990366", "GNS32V"), ("hellevoetsluis", "999990019", "PGV55F")]
DEMO_BEWIJS = b"%PDF-1.4\n% Samenloket demo: verklaring van de houder\n"


def zones_ensure() -> None:
    for slug, rows in ZONES.items():
        gemeente = Gemeente.objects.filter(slug=slug).first()
        if gemeente is None:
            continue
        for naam, bereiken, quotum, capaciteit in rows:
            Vergunningzone.objects.update_or_create(gemeente=gemeente, naam=naam, defaults={
                "postcodebereiken": bereiken, "quotum_per_adres": quotum, "capaciteit": capaciteit, "actief": True})


def demo_cases(*, stdout=None) -> None:
    zones_ensure()
    filed = 0
    for slug, bsn, kenteken in AANVRAGEN:
        gemeente = Gemeente.objects.filter(slug=slug).first()
        if gemeente is None or Parkeervergunning.objects.filter(bsn=bsn).exists():
            continue  # idempotent
        prefill = parkeer_prefill(bsn=bsn, gemeente=gemeente, reason="demo")
        try:
            voertuig = voertuig_lezen(kenteken=kenteken, bsn=bsn, gemeente=gemeente, reason="demo")
            eigen = voertuig["houder"].get("bsn") == bsn
            parkeervergunning_indienen(
                auth=AuthContext.now(means="digid", level="midden", bsn=bsn, display_name=prefill.naam),
                gemeente=gemeente, aanvraag=Aanvraag(
                    prefill=prefill, voertuig=voertuig, ingangsdatum=timezone.localdate() + timedelta(days=1),
                    email="demo@example.nl", telefoon="",
                    bewijs=None if eigen else ("verklaring-houder.pdf", DEMO_BEWIJS, "application/pdf")))
            filed += 1
        except (ParkeerRefused, IntegrationError):
            continue
    if stdout:
        stdout.write(f"Demo parkeervergunningen: {filed} nieuw, {Vergunningzone.objects.count()} vergunningzones")
