"""RDW mock vehicles, generated from the BRP fixture: deterministic per BSN, keyed by kenteken.

About three in ten adults have no vehicle, most of the others a car in their own name, some a
lease or company car (held by a company), and a few a van or camper over the usual permit limits
(6 m long, 2.4 m high). The demo persons of the README get a fixed situation (DEMO).
"""

from __future__ import annotations

import hashlib

from .base import EIGEN, LEASE

# (merk, handelsbenaming, lengte_cm, hoogte_cm)
AUTOS = (("Volkswagen", "Golf", 428, 146), ("Toyota", "Yaris", 394, 150), ("Kia", "Niro", 442, 155),
         ("Renault", "Clio", 405, 144), ("Tesla", "Model 3", 469, 144), ("Peugeot", "208", 406, 143),
         ("Volvo", "XC60", 469, 166), ("Skoda", "Octavia", 469, 147))
BUSSEN = (("Mercedes-Benz", "Sprinter", 693, 245), ("Volkswagen", "California", 490, 251),
          ("Fiat", "Ducato", 636, 275))
# Lease companies as vehicle holders (KvK-nummers of the mock; not in the KvK fixture).
LEASEMAATSCHAPPIJEN = ("90012345", "90023456")
CONSONANTS = "BDFGHJKLNPRSTVXZ"

GEEN, BUS = "geen", "bus"
# BSN -> (situation, index into AUTOS/BUSSEN): the demo persons of the README's parkeervergunning table.
DEMO = {
    "999993653": (EIGEN, 0),  # Suzanne Moulin, Rotterdam: granted automatically
    "999999345": (LEASE, 4),  # Johan Groot Esselink, Rotterdam: lease car, to a civil servant
    "999999357": (EIGEN, 1),  # his spouse, same address: the address quota
    "999995583": (BUS, 0),  # Femke Hanekamp, Rotterdam: too long
    "999991036": (BUS, 1),  # Frederik Meijden, Rotterdam: too high
    "999990378": (GEEN, 0),  # Martinus de Beer, Rotterdam: outside every zone, no car
    "999996538": (EIGEN, 2),  # Kevin Charbon, Den Haag
    "999996630": (EIGEN, 3),  # Olivia Charbon, same address: the address quota
    "999990871": (EIGEN, 5),  # Petri Vornowski, Den Haag centre: takes the zone's last place
    "999990366": (EIGEN, 6),  # Chen Eetiré Tjon á Jon, Den Haag centre: the waiting list
    "999994086": (EIGEN, 7),  # Lethe Olympos, Hellevoetsluis
    "999990019": (LEASE, 0),  # Erebos Bultenaar, Hellevoetsluis: lease car
}


def _h(value: str, salt: str) -> int:
    return int.from_bytes(hashlib.sha256(f"{salt}:{value}".encode()).digest()[:8], "big")


def _kenteken(bsn: str, taken: set[str]) -> str:
    """Sidecode 11 (three letters, two digits, a letter: GZB-12-T), unique in the file."""
    n = 0
    while True:
        h = _h(f"{bsn}:{n}", "kenteken")
        kenteken = (CONSONANTS[h % 16] + CONSONANTS[h // 16 % 16] + CONSONANTS[h // 256 % 16]
                    + f"{h // 4096 % 100:02d}" + CONSONANTS[h // 409600 % 16])
        if kenteken not in taken:
            taken.add(kenteken)
            return kenteken
        n += 1


def _situatie(bsn: str) -> tuple[str, int]:
    if bsn in DEMO:
        return DEMO[bsn]
    h = _h(bsn, "voertuig")
    kind = GEEN if h % 10 < 3 else LEASE if h % 10 < 5 else BUS if h % 40 == 9 else EIGEN
    return kind, h // 40


def voertuig(bsn: str, taken: set[str]) -> dict | None:
    kind, index = _situatie(bsn)
    if kind == GEEN:
        return None
    merk, type_, lengte, hoogte = (BUSSEN if kind == BUS else AUTOS)[index % len(BUSSEN if kind == BUS else AUTOS)]
    houder = {"kvk": LEASEMAATSCHAPPIJEN[index % 2]} if kind == LEASE else {"bsn": bsn}
    return {"kenteken": _kenteken(bsn, taken), "merk": merk, "handelsbenaming": type_, "lengte_cm": lengte,
            "hoogte_cm": hoogte, "houder": houder, "soort": LEASE if kind == LEASE else EIGEN}


def build(bsns: list[str]) -> dict:
    """{"voertuigen": {kenteken: voertuig}} for the given adults (the licence holders), in BSN order."""
    taken: set[str] = set()
    out = {}
    for bsn in sorted(bsns):
        found = voertuig(bsn, taken)
        if found:
            out[found["kenteken"]] = found
    return {"voertuigen": out}
