"""The mock BRP's register: Haal Centraal persons from MOCK_DATA_DIR/brp/personen.json, plus its writes.

The backend of the mock BRP service (mockservice/brp.py), not an adapter: the application reaches it
over HTTP with the real client. Moves and deaths registered through the bijhouding routes are stored
as BrpMockMutatie rows and laid over the fixture on every read, so every process sees them. Like the
real register it works out `leeftijd` on every read.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from datetime import date

from ..errors import NotFound
from ..models import BrpMockMutatie
from . import hc
from .convert import adres_ids, verblijfadres
from .mockdata import load

BSN_RE = re.compile(r"^\d{9}$")
AOID_RE = re.compile(r"^\d{16}$")


@dataclass(frozen=True)
class Register:
    personen: dict[str, dict]
    # adresseerbaarObjectIdentificatie -> BSNs living there according to the fixture
    bewoners: dict[str, tuple[str, ...]]


def _woont_er(persoon: dict) -> bool:
    """Registered as living at a Dutch address: not deceased, list not suspended (emigration...)."""
    return (persoon.get("verblijfplaats", {}).get("type") == "Adres"
            and "overlijden" not in persoon and "opschortingBijhouding" not in persoon)


def _prepare(personen: list[dict]) -> Register:
    by_bsn = {p["burgerservicenummer"]: p for p in personen}
    bewoners: dict[str, list[str]] = {}
    for bsn, persoon in by_bsn.items():
        if _woont_er(persoon):
            aoid = persoon["verblijfplaats"].get("adresseerbaarObjectIdentificatie")
            bewoners.setdefault(aoid, []).append(bsn)
    return Register(by_bsn, {k: tuple(v) for k, v in bewoners.items()})


def _register() -> Register:
    return load("brp/personen.json", _prepare)


def _gemeente_namen(doc: dict) -> dict:
    return {w["code"]: w["omschrijving"] for w in doc["waarden"]}


def _gemeente(code: str) -> dict:
    names = load("brp/gemeenten.json", _gemeente_namen)
    return hc.waarde(code, names.get(code))


def _clean_bsn(bsn) -> str:
    bsn = str(bsn or "").strip()
    if not BSN_RE.match(bsn):
        raise NotFound("not a BSN")  # never echo the value: it could be a BSN with a typo
    return bsn


def _partner_bsns(persoon: dict) -> set[str]:
    """Partners whose registered death changes this person's partners (see _present)."""
    return {p["burgerservicenummer"] for p in persoon.get("partners", []) if "burgerservicenummer" in p}


def _mutaties(bsns) -> dict[str, list[tuple[str, dict]]]:
    found: dict[str, list[tuple[str, dict]]] = {}
    rows = BrpMockMutatie.objects.filter(bsn__in=list(bsns)).order_by("id")
    for bsn, soort, data in rows.values_list("bsn", "soort", "data"):
        found.setdefault(bsn, []).append((soort, data))
    return found


def _apply(persoon: dict, mutaties: list[tuple[str, dict]]) -> dict:
    for _soort, data in mutaties:
        persoon.update(copy.deepcopy(data))
    return persoon


def _overlijdensdatum(mutaties: list[tuple[str, dict]]) -> dict | None:
    for soort, data in reversed(mutaties):
        if soort == "overlijden":
            return data["overlijden"]["datum"]
    return None


def _present(persoon: dict, mutaties: dict[str, list]) -> dict:
    """The fixture person with the registered changes and today's leeftijd."""
    persoon = _apply(copy.deepcopy(persoon), mutaties.get(persoon["burgerservicenummer"], []))
    partners = persoon.get("partners", [])
    for partner in partners:
        # A partner's death ends the marriage on the survivor's list too.
        overleden = _overlijdensdatum(mutaties.get(partner.get("burgerservicenummer", ""), []))
        if overleden and "ontbindingHuwelijkPartnerschap" not in partner:
            partner["ontbindingHuwelijkPartnerschap"] = {"datum": overleden}
    actueel = [p for p in partners if "ontbindingHuwelijkPartnerschap" not in p]
    if partners:
        persoon["partners"] = actueel or partners[-1:]
    geboren = hc.as_date(persoon.get("geboorte", {}).get("datum"))
    if geboren and "overlijden" not in persoon:
        persoon["leeftijd"] = hc.leeftijd(geboren)
    return persoon


class BrpMock:
    """The register behind the mock service; raises NotFound for an unknown person."""

    def persoon(self, bsn: str) -> dict:
        bsn = _clean_bsn(bsn)
        register = _register()
        if bsn not in register.personen:
            raise NotFound("no such person")
        fixture = register.personen[bsn]
        return _present(fixture, _mutaties({bsn} | _partner_bsns(fixture)))

    def personen(self, bsns: list[str]) -> list[dict]:
        register = _register()
        wanted = [b for b in (str(b or "").strip() for b in bsns) if b in register.personen]
        related = set().union(*(_partner_bsns(register.personen[b]) for b in wanted))
        mutaties = _mutaties(set(wanted) | related)
        return [_present(register.personen[b], mutaties) for b in dict.fromkeys(wanted)]

    def bewoners(self, adresseerbaar_object_identificatie: str) -> list[dict]:
        """The residents as whole persons, oldest first (the service cuts them to PersoonBeperkt)."""
        aoid = str(adresseerbaar_object_identificatie or "").strip()
        if not AOID_RE.match(aoid):
            raise NotFound("not an adresseerbaar object identification")
        register = _register()
        changed = {bsn for bsn in BrpMockMutatie.objects.values_list("bsn", flat=True).distinct()}
        candidates = set(register.bewoners.get(aoid, ())) | changed
        current = [p for p in self.personen(sorted(candidates)) if _woont_er(p)
                   and p["verblijfplaats"].get("adresseerbaarObjectIdentificatie") == aoid]
        current.sort(key=lambda p: (p.get("geboorte", {}).get("datum", {}).get("datum", ""),
                                    p["burgerservicenummer"]))
        return current

    def adres_wijzigen(self, *, bsn: str, adres: dict, datum_aanvang: date) -> bool:
        """True when registered now, False when this move was registered already (a repeat)."""
        persoon = self.persoon(bsn)  # NotFound / Unavailable as for a read
        aoid = str(adres.get("adresseerbaarObjectIdentificatie", ""))
        if not AOID_RE.match(aoid) or not adres.get("huisnummer") or not adres.get("postcode"):
            raise ValueError("adres must be a BAG adres with adresseerbaarObjectIdentificatie, "
                             "huisnummer and postcode")
        data = {"verblijfplaats": hc.compact({
            "type": "Adres",
            "verblijfadres": verblijfadres(adres),
            **adres_ids(adres),
            "functieAdres": hc.waarde("W", hc.FUNCTIE_ADRES["W"]),
            "datumVan": hc.datum(datum_aanvang),
        })}
        gemeentecode = adres.get("gemeenteIdentificatie", "")
        if gemeentecode and gemeentecode != persoon.get("gemeenteVanInschrijving", {}).get("code"):
            data["gemeenteVanInschrijving"] = _gemeente(gemeentecode)
            data["datumInschrijvingInGemeente"] = hc.datum(datum_aanvang)
        return self._register_mutatie(persoon, "adres", data)

    def overlijden_registreren(self, *, bsn: str, datum: date, plaats_gemeentecode: str) -> bool:
        persoon = self.persoon(bsn)
        data = {
            "overlijden": {"datum": hc.datum(datum), "plaats": _gemeente(plaats_gemeentecode),
                           "land": dict(hc.LAND_NEDERLAND)},
            "opschortingBijhouding": {"reden": hc.waarde("O", hc.REDEN_OPSCHORTING["O"]),
                                      "datum": hc.datum(datum)},
        }
        return self._register_mutatie(persoon, "overlijden", data)

    def _register_mutatie(self, persoon: dict, soort: str, data: dict) -> bool:
        if all(persoon.get(key) == value for key, value in data.items()):
            return False  # already registered (a retried task): nothing would change
        BrpMockMutatie.objects.create(bsn=persoon["burgerservicenummer"], soort=soort, data=data)
        return True
