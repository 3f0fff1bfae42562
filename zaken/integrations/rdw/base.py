"""The RDW adapter interface: the driving licence, the photographer's pre-registration, the CBR
health declaration and the order of a new licence (Digitaal Aanvragen Rijbewijzen, domain.md §3),
and the vehicle register (kentekenregister) for the parkeervergunning.

The client (client.py, over HTTP by docs/rdw-contract.md) implements these methods. Every method raises
only `NotFound` (no licence, an unknown order or kenteken, an order the RDW refuses; a malformed BSN,
order id or kenteken is `Rejected`, a NotFound) and `Unavailable` (RDW down, or an answer outside the
contract).
"""

from __future__ import annotations

from datetime import date

from ..registry import BaseAdapter

# Licence statuses as the RDW reports them.
GELDIG = "geldig"
VERLOPEN = "verlopen"
VERMIST = "vermist_gestolen"
INGETROKKEN = "ingetrokken"
STATUSSEN = (GELDIG, VERLOPEN, VERMIST, INGETROKKEN)

# Every category of the Dutch licence, in the order the card prints them.
CATEGORIEEN = ("AM", "A1", "A2", "A", "B", "BE", "C1", "C1E", "C", "CE", "D1", "D1E", "D", "DE", "T")

# Order statuses.
IN_PRODUCTIE = "in_productie"
GEREED = "gereed"
NIET_UITGEREIKT = "niet_uitgereikt"

# Who holds a vehicle: the person in the register, or a lease/company car held by a company.
EIGEN = "eigen"
LEASE = "lease"


class RdwAdapter(BaseAdapter):
    def rijbewijs(self, bsn: str) -> dict:
        """The current licence: {"rijbewijsnummer", "status", "categorieen": [{"categorie",
        "afgiftedatum", "geldigTot"} (ISO dates)]}. No licence (or under 18) raises NotFound."""
        raise NotImplementedError

    def pasfoto_registratie(self, bsn: str) -> dict | None:
        """The photographer's pre-registration, or None (none on file, also for a person the RDW does
        not know): {"fotoOntvangen", "handtekeningOntvangen", "gezichtsvergelijking": "geslaagd" |
        "mislukt", "datum", "fotograaf"}."""
        raise NotImplementedError

    def cbr_gezondheidsverklaring(self, bsn: str) -> dict:
        """{"opDossier": bool, "geldigTot": ISO date or None}: an approved CBR decision on file. An
        expired one is not on file but keeps its date; no decision at all is {False, None}."""
        raise NotImplementedError

    def bestelling_plaatsen(self, *, order_key: str, bsn: str, categorieen: list[str],
                            afhaallocatie: str, datum: date | None = None) -> str:
        """Order a new licence; returns the RDW order id. Idempotent on `order_key` (a retry of the
        same order returns the same id)."""
        raise NotImplementedError

    def bestelling_status(self, order_id: str) -> dict:
        """{"orderId", "status": in_productie | gereed | niet_uitgereikt, "gereedOp": ISO date}."""
        raise NotImplementedError

    def niet_uitgereikt_melden(self, order_id: str) -> None:
        """Report that the licence was not collected in time (the case lapsed). Idempotent."""
        raise NotImplementedError

    def voertuig(self, kenteken: str) -> dict:
        """One vehicle of the kentekenregister (the parkeervergunning, domain.md §4c): {"kenteken"
        (without dashes), "merk", "handelsbenaming", "lengte_cm", "hoogte_cm", "houder": {"bsn"} or
        {"kvk"}, "soort": eigen | lease}. NotFound for an unknown or malformed kenteken."""
        raise NotImplementedError

