"""How many moves of the test persons would go through without a civil servant.

    .venv/bin/python benchmarks/verhuizing_automatisch.py

Scenario: every living person of the RvIG test set registered in a demo municipality reports a move,
with everyone they may report for, to the address of the next person in the list who lives elsewhere (a real
dwelling of the test set). Each move is filed through the real service (`verhuizing_indienen`, as the e-form's
check page does) inside a transaction that is then rolled back, so the service's own rules decide and no move
stands in the way of the next; a refusal by the service is counted with its message.
Then the five demo moves of `demo_data` are filed for real and their end states counted.
"""

import collections
import json
import time
from datetime import timedelta

from _harness import demo_database

from django.conf import settings
from django.db import transaction
from django.utils import timezone


class RolledBack(Exception):
    pass


def main():
    from zaken.forms.verhuizing.prefill import verhuizing_prefill
    from zaken.identity import AuthContext
    from zaken.integrations.registry import get_adapter
    from zaken.models import Gemeente
    from zaken.processes.verhuizing.demo import demo_cases
    from zaken.processes.verhuizing.models import Verhuizing
    from zaken.processes.verhuizing.services import Aangifte, VerhuizingRefused, terms_for, verhuizing_indienen

    with demo_database():
        codes = {g.gemeentecode: g for g in Gemeente.objects.all()}
        personen = json.loads((settings.MOCK_DATA_DIR / "brp" / "personen.json").read_text())
        movers = [p for p in personen if not p.get("overlijden") and p.get("verblijfplaats", {}).get(
            "adresseerbaarObjectIdentificatie") and p.get("gemeenteVanInschrijving", {}).get("code") in codes]
        bag = get_adapter("bag")
        outcome, persons_moved = collections.Counter(), 0
        start = time.perf_counter()
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
            bsn = p["burgerservicenummer"]
            prefill = verhuizing_prefill(bsn=bsn, vandaag=timezone.localdate(), terms=terms_for(gemeente))
            aangifte = Aangifte(
                aangever=prefill.aangever, oud_adres=prefill.verblijfplaats, nieuw_adres=adres,
                opgegeven_verhuisdatum=timezone.localdate() + timedelta(days=7),
                meeverhuizers=prefill.huishouden.meeverhuizers, inwoning=False, toestemming=None,
                email="bench@example.nl", telefoon="", brp_beschikbaar=prefill.brp_beschikbaar)
            auth = AuthContext.now(means="digid", level="midden", bsn=bsn, display_name="Bench")
            try:
                with transaction.atomic():  # rolled back: on_commit work (receipt, mail) never runs
                    verhuizing = verhuizing_indienen(aangifte=aangifte, auth=auth, behandelende_gemeente=gemeente)
                    reasons = list(verhuizing.handmatig_redenen) + (
                        ["adresonderzoek"] if verhuizing.adresonderzoek_nodig else [])
                    key = ("automatisch" if verhuizing.is_automatisch else "handmatig: " + ", ".join(reasons))
                    key += f" -> {verhuizing.state}"
                    raise RolledBack
            except RolledBack:
                outcome[key] += 1
                persons_moved += 1 + len(aangifte.meeverhuizers)
            except VerhuizingRefused as refused:
                outcome[f"geweigerd door de service: {refused.message}"] += 1
        elapsed = time.perf_counter() - start
        total = sum(outcome.values())
        print(f"test persons reporting a move: {total} (with co-movers: {persons_moved} persons), "
              f"filed through verhuizing_indienen in {elapsed:.1f} s")
        for key, count in outcome.most_common():
            print(f"  {key}: {count} ({100 * count / total:.0f}%)")

        demo_cases()
        states = collections.Counter(Verhuizing.objects.values_list("state", flat=True))
        auto = Verhuizing.objects.filter(handmatig_redenen=[], adresonderzoek_nodig=False).count()
        print(f"demo moves: {sum(states.values())}, fully automatic {auto}; end states {dict(states)}")


if __name__ == "__main__":
    main()
