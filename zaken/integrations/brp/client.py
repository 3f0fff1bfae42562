"""Haal Centraal BRP Personen 2.x over HTTP, plus our BRP-bijhouding contract for the writes.

Reads: POST {brp}/personen with a query type (RaadpleegMetBurgerservicenummer,
ZoekMetAdresseerbaarObjectIdentificatie) and the `fields` the caller asks for; the BSN travels in the
body, never in a URL or a log line. Every request carries the protocolling headers the BRP API
gateways expect: x-origin-oin (the municipality), x-doelbinding and x-verwerking (the caller's Doel),
x-gebruiker (who acts; never a BSN).

Writes: Haal Centraal has no write API. They go to the municipality's BRP system through the
contract in docs/registers.md ("BRP-bijhouding"), on its own connection (settings.REGISTERS
["bijhouding"]), with the case's identificatie as idempotency key.
"""

from __future__ import annotations

import re
from datetime import date

from ..errors import NotFound, Rejected
from ..http.adapter import HttpAdapter
from ..http.client import RegisterClient
from ..http.verbinding import verbinding
from ..registry import registries
from .base import BEWONER, BURGER, SYSTEEM, VOLLEDIG, BrpAdapter, Doel
from .convert import adres_ids, verblijfadres

BSN_RE = re.compile(r"^[0-9]{9}$")
MAX_BSNS = 20  # RaadpleegMetBurgerservicenummer takes at most 20 per request
BIJHOUDING = "bijhouding"  # the settings.REGISTERS key of the writes' connection
# OIN of an organisation with an RSIN (Logius OIN-stelsel): prefix 00000001, the RSIN, suffix 000.
OIN_PREFIX, OIN_SUFFIX = "00000001", "000"


def oin(gemeente) -> str:
    """The municipality's OIN, derived from its RSIN; "" without a municipality."""
    rsin = getattr(gemeente, "rsin", None)
    if rsin is None and gemeente is not None:
        from zaken.models import Gemeente

        rsin = Gemeente.objects.filter(pk=gemeente).values_list("rsin", flat=True).first()
    return f"{OIN_PREFIX}{rsin}{OIN_SUFFIX}" if rsin else ""


def _paths(fields) -> list[str]:
    if isinstance(fields, str):  # ("naam") without its comma would ask for "n", "a", "a", "m"
        raise TypeError("fields is a sequence of field paths, not one string")
    return list(fields)


def _geboren(persoon: dict) -> str:
    datum = (persoon.get("geboorte") or {}).get("datum") or {}
    if datum.get("datum"):
        return datum["datum"]
    return f"{datum.get('jaar', 0):04d}-{datum.get('maand', 0):02d}" if datum.get("jaar") else ""


@registries["brp"]("brp-haalcentraal")
class BrpHaalCentraal(HttpAdapter, BrpAdapter):
    register = "brp"
    extra_registers = (BIJHOUDING,)
    verbose_name = "BRP (Haal Centraal BRP Personen 2)"

    def _headers(self, doel: Doel | None, gebruiker: str) -> dict:
        headers = {"x-origin-oin": oin(self.gemeente), "x-gebruiker": gebruiker or BURGER}
        if doel is not None:
            headers |= {"x-doelbinding": doel.doelbinding, "x-verwerking": doel.verwerking}
        return {name: value for name, value in headers.items() if value}

    def _query(self, body: dict, doel, gebruiker) -> list[dict]:
        answer = self.client.post("/personen", json=body, idempotent=True,  # a question, never a change
                                  headers=self._headers(doel, gebruiker))
        return list((answer.data or {}).get("personen") or [])

    def persoon(self, bsn: str, fields=VOLLEDIG, *, doel: Doel | None = None, gebruiker: str = BURGER) -> dict:
        found = self.personen([bsn], fields, doel=doel, gebruiker=gebruiker)
        if not found:
            raise NotFound("no such person")
        return found[0]

    def personen(self, bsns: list[str], fields=VOLLEDIG, *, doel: Doel | None = None,
                 gebruiker: str = BURGER) -> list[dict]:
        # Something that is not a BSN cannot be found; the API would refuse the whole request for it.
        wanted = [b for b in dict.fromkeys(str(b or "").strip() for b in bsns) if BSN_RE.match(b)]
        if not wanted:
            return []
        asked = list(dict.fromkeys(["burgerservicenummer", *_paths(fields)]))  # to put the answer in order
        found: dict[str, dict] = {}
        for start in range(0, len(wanted), MAX_BSNS):
            body = {"type": "RaadpleegMetBurgerservicenummer", "burgerservicenummer": wanted[start:start + MAX_BSNS],
                    "fields": asked}
            for persoon in self._query(body, doel, gebruiker):
                found[persoon.get("burgerservicenummer", "")] = persoon
        keep_bsn = "burgerservicenummer" in fields
        result = []
        for bsn in wanted:
            if bsn in found:
                persoon = found[bsn]
                result.append(persoon if keep_bsn else {k: v for k, v in persoon.items() if k != "burgerservicenummer"})
        return result

    def bewoners(self, adresseerbaar_object_identificatie: str, fields=BEWONER, *, doel: Doel | None = None,
                 gebruiker: str = BURGER) -> list[dict]:
        body = {"type": "ZoekMetAdresseerbaarObjectIdentificatie",
                "adresseerbaarObjectIdentificatie": str(adresseerbaar_object_identificatie or "").strip(),
                "fields": _paths(fields)}
        personen = self._query(body, doel, gebruiker)
        # Oldest first when the birth dates were asked; only a caller that asked for them needs the order.
        personen.sort(key=lambda p: (_geboren(p), p.get("burgerservicenummer", "")))
        return personen

    # Writes: our bijhouding contract (docs/registers.md, "BRP-bijhouding").

    def _bijhouding(self) -> RegisterClient:
        return RegisterClient(verbinding(BIJHOUDING, self.gemeente))

    def _write(self, path: str, body: dict, referentie: str, doel, gebruiker) -> None:
        try:
            # With a referentie the register files a repeat once (200 instead of 201), so a lost
            # answer may be asked again; without one, only a connection never made is retried.
            self._bijhouding().post(path, json=body, idempotent=bool(referentie), accept=(200, 201),
                                    headers=self._headers(doel, gebruiker))
        except Rejected as error:
            if any(name.startswith("adres") for name in error.invalid_params):
                raise ValueError("adres must be a BAG adres with adresseerbaarObjectIdentificatie, "
                                 "huisnummer and postcode") from None
            raise

    def adres_wijzigen(self, *, bsn: str, adres: dict, datum_aanvang: date, referentie: str = "",
                       doel: Doel | None = None, gebruiker: str = SYSTEEM) -> None:
        body = {
            "burgerservicenummer": str(bsn or "").strip(),
            "datumAanvangAdreshouding": datum_aanvang.isoformat(),
            "adres": {**adres_ids(adres), **verblijfadres(adres),
                      "gemeentecode": adres.get("gemeenteIdentificatie", "")},
        }
        if referentie:
            body["referentie"] = referentie
        self._write("/bijhouding/v1/verhuizingen", body, referentie, doel, gebruiker)

    def overlijden_registreren(self, *, bsn: str, datum: date, plaats_gemeentecode: str, referentie: str = "",
                               doel: Doel | None = None, gebruiker: str = SYSTEEM) -> None:
        body = {"burgerservicenummer": str(bsn or "").strip(), "datumOverlijden": datum.isoformat(),
                "gemeenteOverlijden": plaats_gemeentecode}
        if referentie:
            body["referentie"] = referentie
        self._write("/bijhouding/v1/overlijdens", body, referentie, doel, gebruiker)
