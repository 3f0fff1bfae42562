"""The BRP adapter interface: persons in the Haal Centraal BRP Personen 2.x shape.

The real client (`client.py`, Haal Centraal BRP Personen over HTTP, plus our documented bijhouding
contract for the writes) implements these methods; the mock registers answer the same protocol.
Every method raises only `NotFound` (unknown or malformed BSN) and `Unavailable` (register down).

Data minimisation: every read names the `fields` it needs (Haal Centraal field paths, e.g.
"naam.volledigeNaam", "verblijfplaats"); the caller defines its set where it lives. A response holds
only those fields, plus what the BRP always delivers (geheimhoudingPersoonsgegevens,
opschortingBijhouding, inOnderzoek). `VOLLEDIG` is the documented default for the few callers that
need the whole person. `doel` and `gebruiker` are protocolled by the BRP API gateway.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..registry import BaseAdapter

# Every group of a Persoon we use, for a caller that needs the whole person (tests, demo data).
VOLLEDIG: tuple[str, ...] = (
    "aNummer", "burgerservicenummer", "datumInschrijvingInGemeente", "geboorte", "gemeenteVanInschrijving",
    "geslacht", "immigratie", "kinderen", "leeftijd", "naam", "nationaliteiten", "ouders", "overlijden",
    "partners", "verblijfplaats",
)
# A resident as bewoners() has always returned it.
BEWONER: tuple[str, ...] = ("burgerservicenummer", "naam", "geboorte.datum")

# x-gebruiker for whoever acts through the portal (a citizen, an undertaker): never an identifier.
BURGER = "BurgerZelf"
# x-gebruiker for work the application does on its own (Celery tasks, timers).
SYSTEEM = "Samenloket"


@dataclass(frozen=True)
class Doel:
    """Why the BRP is consulted, as the gateway protocols it (x-doelbinding, x-verwerking).

    Defined per use beside its caller; `verwerking` names the same processing activity as the
    audit record of that use.
    """

    doelbinding: str
    verwerking: str


class BrpAdapter(BaseAdapter):
    def persoon(self, bsn: str, fields=VOLLEDIG, *, doel: Doel | None = None, gebruiker: str = BURGER) -> dict:
        """One person (HC `Persoon`) with just `fields`: naam, geboorte, verblijfplaats, partners...

        Deceased persons have `overlijden` (when asked) and always `opschortingBijhouding`.
        `leeftijd` is the register's (absent for the deceased, as in HC); never computed here.
        """
        raise NotImplementedError

    def personen(self, bsns: list[str], fields=VOLLEDIG, *, doel: Doel | None = None,
                 gebruiker: str = BURGER) -> list[dict]:
        """The persons found among `bsns`, in that order; unknown BSNs are left out (as HC does)."""
        raise NotImplementedError

    def bewoners(self, adresseerbaar_object_identificatie: str, fields=BEWONER, *, doel: Doel | None = None,
                 gebruiker: str = BURGER) -> list[dict]:
        """Who lives at an address now (HC `PersoonBeperkt` with `fields`), oldest first when
        `geboorte.datum` is among the fields.

        A vacant or unknown address gives []; a malformed identification raises NotFound.
        """
        raise NotImplementedError

    def adres_wijzigen(self, *, bsn: str, adres: dict, datum_aanvang: date, referentie: str = "",
                       doel: Doel | None = None, gebruiker: str = SYSTEEM) -> None:
        """Register a move to `adres` (a BAG adres as BagAdapter returns it) from `datum_aanvang`.

        `referentie` (the case's identificatie) makes a repeat safe: the register files the same
        move of the same person under the same reference once. A malformed adres raises ValueError.
        """
        raise NotImplementedError

    def overlijden_registreren(self, *, bsn: str, datum: date, plaats_gemeentecode: str, referentie: str = "",
                               doel: Doel | None = None, gebruiker: str = SYSTEEM) -> None:
        """Register a death; the person then has `overlijden` and no longer lives anywhere."""
        raise NotImplementedError
