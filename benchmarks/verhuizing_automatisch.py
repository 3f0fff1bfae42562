"""How many moves of the test persons would go through without a civil servant.

    .venv/bin/python benchmarks/verhuizing_automatisch.py

Scenario: every living person of the RvIG test set registered in a demo municipality reports a move,
with everyone they may report for, to the address of the next person in the list who lives elsewhere (a real
dwelling of the test set). The same rules as the e-form and the service decide:
gebruiksdoel, inwoning (none here), BRP availability, and the municipality's occupancy threshold.
Then the five demo moves of `demo_data` are filed for real and their end states counted.
"""

import collections
import json

from _harness import demo_database

from django.conf import settings
from django.utils import timezone


def main():
    from zaken.forms.verhuizing import rules
    from zaken.forms.verhuizing.prefill import verhuizing_prefill
    from zaken.integrations.registry import get_adapter
    from zaken.models import Gemeente
    from zaken.processes.verhuizing.demo import demo_cases
    from zaken.processes.verhuizing.models import Verhuizing
    from zaken.processes.verhuizing.services import terms_for

    with demo_database():
        codes = {g.gemeentecode: g for g in Gemeente.objects.all()}
        personen = json.loads((settings.MOCK_DATA_DIR / "brp" / "personen.json").read_text())
        movers = [p for p in personen if not p.get("overlijden") and p.get("verblijfplaats", {}).get(
            "adresseerbaarObjectIdentificatie") and p.get("gemeenteVanInschrijving", {}).get("code") in codes]
        brp, bag = get_adapter("brp"), get_adapter("bag")
        outcome, persons_moved = collections.Counter(), 0
        for i, p in enumerate(movers):
            own = p["verblijfplaats"]["adresseerbaarObjectIdentificatie"]
            # The next registered person at another address: housemates share one.
            target = next(m["verblijfplaats"] for m in movers[i + 1:] + movers[:i]
                          if m["verblijfplaats"]["adresseerbaarObjectIdentificatie"] != own)
            adres = bag.adres(target["adresseerbaarObjectIdentificatie"])
            gemeente = codes.get(adres["gemeenteIdentificatie"])
            if gemeente is None:
                outcome["nieuw adres buiten Samenloket (geweigerd)"] += 1
                continue
            terms = terms_for(gemeente)
            prefill = verhuizing_prefill(bsn=p["burgerservicenummer"], vandaag=timezone.localdate(), terms=terms)
            reasons = rules.handmatige_redenen(adres=adres, inwoning=False, brp_beschikbaar=prefill.brp_beschikbaar)
            if rules.adresonderzoek_nodig(bewoners_nieuw_adres=len(brp.bewoners(adres["adresseerbaarObjectIdentificatie"])),
                                          terms=terms):
                reasons.append("adresonderzoek")
            outcome["automatisch" if not reasons else "handmatig: " + ", ".join(reasons)] += 1
            persons_moved += 1 + len(prefill.huishouden.meeverhuizers)
        total = sum(outcome.values())
        print(f"test persons reporting a move: {total} (with co-movers: {persons_moved} persons)")
        for key, count in outcome.most_common():
            print(f"  {key}: {count} ({100 * count / total:.0f}%)")

        demo_cases()
        states = collections.Counter(Verhuizing.objects.values_list("state", flat=True))
        auto = Verhuizing.objects.filter(handmatig_redenen=[], adresonderzoek_nodig=False).count()
        print(f"demo moves: {sum(states.values())}, fully automatic {auto}; end states {dict(states)}")


if __name__ == "__main__":
    main()
