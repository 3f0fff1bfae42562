"""Demo event applications, filed through the same service as the e-form: a melding of a street party
(DigiD), a class B festival of a company (eHerkenning) that waits for its leges, and a run with a road
closure whose leges are marked paid (as at the counter), so it waits for the police and fire service."""

from datetime import time, timedelta

from django.utils import timezone

from zaken.forms.evenementenvergunning.prefill import aanvrager_prefill
from zaken.identity import AuthContext
from zaken.models import Gemeente

from .models import Evenement
from .services import Aanvraag, EvenementRefused, evenement_indienen, leges_voldaan

PLATTEGROND = b"%PDF-1.4\n% Samenloket demo: situatietekening\n"
BASIS = {"programma": "Opbouw 10:00, muziek 14:00-22:00, afbouw 23:00.", "begintijd": time(14), "eindtijd": time(22),
         "geluid_van": None, "geluid_tot": None, "geluid_db": None, "bouwwerken": "", "bouwwerk_m2": 0,
         "open_vuur": False, "attracties": False, "overnachten": False, "vuurwerk": False, "wegafsluiting": False,
         "verkeer": "", "verkeersregelaars": None, "ehbo": "Twee EHBO'ers", "beveiliging": "", "alcohol": False,
         "leeftijd": "gemengd", "email": "demo@example.nl", "telefoon": ""}
AANVRAGEN = [
    ("rotterdam", AuthContext.now(means="digid", level="midden", bsn="999993653", display_name="Suzanne Moulin"),
     {"naam": "Buurtfeest Boterdiep", "soort": "buurtfeest", "locatie_soort": "plein", "locatie": "Boterdiep, plein",
      "bezoekers": 80, "dagen": 30}),
    ("rotterdam", AuthContext.now(means="eherkenning", level="EH3", kvk_nummer="69599084", company_name="Demo B.V.",
                                  acting_subject="urn:demo:medewerker", display_name="Medewerker"),
     {"naam": "Zomerfestival Kralingen", "soort": "muziek", "locatie_soort": "plein", "locatie": "Kralingse Bos",
      "bezoekers": 3000, "alcohol": True, "geluid": True, "geluid_van": time(14), "geluid_tot": time(23),
      "geluid_db": 95, "bouwwerken": "Podium 12x8 m", "bouwwerk_m2": 96, "dagen": 90}),
    ("den-haag", AuthContext.now(means="eherkenning", level="EH3", kvk_nummer="69599068", company_name="Demo B.V.",
                                 acting_subject="urn:demo:medewerker", display_name="Medewerker"),
     {"naam": "Haagse Stadsloop", "soort": "sport", "locatie_soort": "openbaar", "locatie": "Lange Voorhout",
      "bezoekers": 800, "wegafsluiting": True, "verkeer": "Lange Voorhout 8-14 uur", "dagen": 70, "betaald": True}),
]


def demo_cases(*, stdout=None) -> None:
    filed = 0
    for slug, auth, extra in AANVRAGEN:
        gemeente = Gemeente.objects.filter(slug=slug).first()
        if gemeente is None or Evenement.objects.filter(naam=extra["naam"], zaak__gemeente=gemeente).exists():
            continue  # idempotent
        extra = dict(extra)
        begin = timezone.localdate() + timedelta(days=extra.pop("dagen"))
        betaald = extra.pop("betaald", False)
        antwoorden = {**BASIS, "geluid": False, **extra, "begin": begin, "einde": begin}
        try:
            evenement = evenement_indienen(auth=auth, gemeente=gemeente, aanvraag=Aanvraag(
                aanvrager=aanvrager_prefill(auth=auth, gemeente=gemeente, reason="demo"), antwoorden=antwoorden,
                email="demo@example.nl", telefoon="",
                uploads={"situatietekening": ("situatie.pdf", PLATTEGROND, "application/pdf"),
                         "veiligheidsplan": ("veiligheidsplan.pdf", PLATTEGROND, "application/pdf")}))
            if betaald:
                leges_voldaan(evenement, moment=timezone.now())
            filed += 1
        except EvenementRefused:
            continue
    if stdout:
        stdout.write(f"Demo evenementen: {filed} nieuw")
