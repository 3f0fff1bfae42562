"""The demo municipalities' counters, and demo renewals filed through the same services as the e-form."""

from django.utils import timezone

from zaken.forms.rijbewijs.prefill import rijbewijs_prefill
from zaken.identity import AuthContext
from zaken.models import Gemeente

from .models import Afhaallocatie, Rijbewijs
from .services import Aanvraag, RijbewijsRefused, rijbewijs_indienen, terms_for

# Opening hours as a citizen reads them; addresses of the town halls in demo_data.
LOCATIES = {
    "den-haag": [("Stadhuis Spui", "Spui 70, 2511 BT Den Haag", "ma–vr 08.00–17.00\ndo ook 17.00–20.00"),
                 ("Stadsdeelkantoor Leyweg", "Leyweg 813, 2545 GW Den Haag", "ma–vr 09.00–16.30")],
    "rotterdam": [("Stadswinkel Centrum", "Coolsingel 40, 3011 AD Rotterdam", "ma–vr 09.00–17.00\nza 10.00–13.00")],
    "hellevoetsluis": [("Gemeentehuis Hellevoetsluis", "Oostzanddijk 26, 3221 AL Hellevoetsluis", "ma–vr 08.30–12.30")],
}


def locaties_ensure() -> None:
    for slug, rows in LOCATIES.items():
        gemeente = Gemeente.objects.filter(slug=slug).first()
        if gemeente is None:
            continue
        for volgorde, (naam, adres, uren) in enumerate(rows):
            Afhaallocatie.objects.update_or_create(gemeente=gemeente, volgorde=volgorde, defaults={
                "naam": naam, "adres": adres, "openingstijden": uren, "actief": True})


def demo_cases(*, stdout=None) -> None:
    locaties_ensure()
    filed = 0
    for gemeente in Gemeente.objects.filter(slug__in=LOCATIES):
        for bsn in DEMO_AANVRAGERS.get(gemeente.slug, ()):
            if Rijbewijs.objects.filter(bsn=bsn).exists():
                continue  # idempotent
            prefill = rijbewijs_prefill(bsn=bsn, vandaag=timezone.localdate(), terms=terms_for(gemeente),
                                        gemeente=gemeente, reason="demo")
            if not prefill.kan_online:
                continue
            auth = AuthContext.now(means="digid", level="substantieel", bsn=bsn, display_name=prefill.naam)
            try:
                rijbewijs_indienen(auth=auth, gemeente=gemeente, aanvraag=Aanvraag(
                    prefill=prefill, categorieen=[c.categorie for c in prefill.te_verlengen],
                    afhaallocatie=gemeente.afhaallocaties.order_by("volgorde").first(),
                    email="demo@example.nl", telefoon=""))
                filed += 1
            except RijbewijsRefused:
                continue
    if stdout:
        stdout.write(f"Demo rijbewijsaanvragen: {filed} nieuw, {Afhaallocatie.objects.count()} afhaallocaties")


# Persons the demo files an (unpaid) application for, per municipality of registration.
DEMO_AANVRAGERS = {"rotterdam": ("999990378",), "den-haag": ("999990822",)}
