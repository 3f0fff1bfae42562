"""Demo moves filed through the same services as the e-form, so the tracker and back office show real cases."""

from datetime import timedelta

from django.utils import timezone

from zaken.forms.verhuizing.prefill import verhuizing_prefill
from zaken.identity import AuthContext
from zaken.integrations.registry import get_adapter
from zaken.models import Gemeente
from zaken.timers import sweep

from .models import VerhuizingPersoon
from .services import Aangifte, VerhuizingRefused, terms_for, verhuizing_indienen

# (BSN, municipality of login, postcode, huisnummer, days from today, co-movers: all allowed ones?)
DEMO_MOVES = [
    ("999993653", "rotterdam", "3035AW", 60, -2, False),  # automatic, due at once: Verwerkt
    ("999999345", "rotterdam", "3074AJ", 200, 7, True),  # with spouse and child: Ingepland
    ("999996538", "den-haag", "2585JB", 10, 3, True),  # an office address: In behandeling
    ("999990895", "den-haag", "3221AJ", 20, 10, False),  # into Hellevoetsluis: a case there
    ("999993653", "rotterdam", "3021HX", 300, 14, False),  # Suzanne again, after the first is done
]


def demo_cases(*, stdout=None) -> None:
    today = timezone.localdate()
    for bsn, login_slug, postcode, huisnummer, days, met_gezin in DEMO_MOVES:
        login_gemeente = Gemeente.objects.get(slug=login_slug)
        adres = get_adapter("bag", login_gemeente).adres_zoeken(postcode=postcode, huisnummer=huisnummer,
                                                           exacte_match=True)[0]
        if VerhuizingPersoon.objects.filter(bsn=bsn, verhuizing__nieuw_adresseerbaar_object=adres[
                "adresseerbaarObjectIdentificatie"]).exists():
            continue  # idempotent: this demo move was filed before
        behandelend = Gemeente.objects.get(gemeentecode=adres["gemeenteIdentificatie"])
        prefill = verhuizing_prefill(bsn=bsn, vandaag=today, terms=terms_for(behandelend), gemeente=behandelend)
        auth = AuthContext.now(means="digid", level="midden", bsn=bsn,
                               display_name=prefill.aangever.get("naam", {}).get("volledigeNaam", ""))
        try:
            verhuizing_indienen(auth=auth, behandelende_gemeente=behandelend, aangifte=Aangifte(
                aangever=prefill.aangever, oud_adres=prefill.verblijfplaats, nieuw_adres=adres,
                opgegeven_verhuisdatum=today + timedelta(days=days),
                meeverhuizers=prefill.huishouden.meeverhuizers if met_gezin else [],
                inwoning=False, toestemming=None, email="demo@example.nl", telefoon="", brp_beschikbaar=True))
        except VerhuizingRefused:
            continue  # an earlier demo move of this person is still open
        sweep()  # moves whose date has come are applied to the BRP now, as beat would
    if stdout:
        stdout.write(f"Demo verhuizingen: {VerhuizingPersoon.objects.filter(rol='aangever').count()}")
