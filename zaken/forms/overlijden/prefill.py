"""What the registers already know: the undertaker's company (KvK) and the deceased (BRP)."""

from __future__ import annotations

from zaken.identity import AuthContext
from zaken.integrations.errors import IntegrationError
from zaken.integrations.registry import get_adapter


def bedrijf_prefill(auth: AuthContext, gemeente=None) -> dict:
    """Company and vestiging of the eHerkenning login, read-only on the form.

    The login's own attributes are the fallback: a KvK outage must not stop a death registration.
    """
    bedrijf = {"naam": auth.company_name, "kvk_nummer": auth.kvk_nummer, "vestigingsnummer": auth.vestigingsnummer,
               "vestiging": "", "adres": "", "rsin": auth.rsin, "kvk_beschikbaar": False}
    kvk = get_adapter("kvk", gemeente)
    try:
        profiel = kvk.basisprofiel(auth.kvk_nummer)
        vestigingen = kvk.vestigingen(auth.kvk_nummer)
    except IntegrationError:
        return bedrijf
    hoofd = (profiel.get("_embedded") or {}).get("hoofdvestiging") or {}
    nummer = auth.vestigingsnummer or hoofd.get("vestigingsnummer", "")
    vestiging = next((v for v in vestigingen if v.get("vestigingsnummer") == nummer), {})
    bedrijf.update(naam=profiel.get("naam") or auth.company_name, vestigingsnummer=nummer,
                   vestiging=vestiging.get("eersteHandelsnaam", ""), adres=vestiging.get("volledigAdres", ""),
                   rsin=((profiel.get("_embedded") or {}).get("eigenaar") or {}).get("rsin", "") or auth.rsin,
                   kvk_beschikbaar=True)
    return bedrijf
