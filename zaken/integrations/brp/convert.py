"""LO GBA person lists -> Haal Centraal BRP Personen 2.x persons (the BRP mock's fixture).

Only current data goes in (the first row of each category, see gba.py); history is used for the
BAG fixture only. `leeftijd` is not stored: the mock computes it on every read.
"""

from __future__ import annotations

from typing import Callable

from . import hc
from .gba import Gemeente, PersonList, Row, has_data

PERSON_GROUPS = ("01", "02", "03")  # identification, name and birth groups of a relation

# Looks up the BAG address of a GBA address row: returns the BAG "adres" record or None.
AdresLookup = Callable[[Row], dict | None]


def select_current_lists(lists: list[PersonList]) -> tuple[dict[str, PersonList], int, int]:
    """One person list per BSN.

    Five BSNs stand on two lists each (test cases for duplicates). The list that is not
    suspended (07.67.20 empty) wins, then the one changed last (07.80.20 datum-tijdstempel, then
    the latest 86.10 of categories 01 and 08), then the later one in the file.
    Returns (lists by BSN, lists without a BSN, lists set aside as duplicates).
    """
    chosen: dict[str, PersonList] = {}
    rank: dict[str, tuple] = {}
    without_bsn = duplicates = 0
    for position, pl in enumerate(lists):
        bsn = pl.value("01.01.20")
        if not bsn:
            without_bsn += 1
            continue
        key = (not pl.value("07.67.20"), pl.value("07.80.20"),
               max(pl.value("01.86.10"), pl.value("08.86.10")), position)
        if bsn in chosen:
            duplicates += 1
            if key <= rank[bsn]:
                continue
        chosen[bsn], rank[bsn] = pl, key
    return chosen, without_bsn, duplicates


class PersonConverter:
    def __init__(self, gemeenten: dict[str, Gemeente], adres_lookup: AdresLookup,
                 anummer_to_bsn: dict[str, str]):
        self.gemeenten = gemeenten
        self.adres_lookup = adres_lookup
        # Relations on a list often carry only the A-nummer; it links them to their own list.
        self.anummer_to_bsn = anummer_to_bsn

    # -- values ------------------------------------------------------------------------------

    def gemeente(self, code: str, fallback: str = "") -> dict:
        known = self.gemeenten.get(code)
        return hc.waarde(code, known.naam if known else fallback or None)

    def plaats(self, value: str) -> dict | None:
        """A place of birth/marriage/death: a municipality code in NL, free text abroad."""
        if not value:
            return None
        if value.isdigit() and len(value) == 4:
            return self.gemeente(value)
        return {"omschrijving": value}

    def gebeurtenis(self, row: Row, cat: str, datum: str, plaats: str, land: str) -> dict:
        return hc.compact({
            "datum": hc.gba_datum(row.get(f"{cat}.{datum}", "")),
            "plaats": self.plaats(row.get(f"{cat}.{plaats}", "")),
            "land": hc.land(row[f"{cat}.{land}"]) if row.get(f"{cat}.{land}") else None,
        })

    def naam(self, row: Row, cat: str) -> dict:
        def get(element):
            value = row.get(f"{cat}.{element}", "")
            return "" if value == "." else value  # "." is the GBA value for "unknown"

        voornamen = get("02.10")
        return hc.compact({
            "voornamen": voornamen,
            "adellijkeTitelPredicaat": hc.titel_predicaat(get("02.20"), row.get(f"{cat}.04.10", "")),
            "voorvoegsel": get("02.30"),
            "geslachtsnaam": get("02.40"),
            "voorletters": hc.voorletters(voornamen),
        })

    def bsn(self, row: Row, cat: str) -> str:
        return row.get(f"{cat}.01.20") or self.anummer_to_bsn.get(row.get(f"{cat}.01.10", ""), "")

    def relatie(self, row: Row, cat: str) -> dict | None:
        """burgerservicenummer, naam and geboorte of a partner, parent or child; None if empty."""
        naam = self.naam(row, cat)
        if not has_data(row, cat, PERSON_GROUPS) or not (naam or self.bsn(row, cat)):
            return None  # an emptied occurrence, or an unknown parent ("." only)
        return hc.compact({
            "burgerservicenummer": self.bsn(row, cat),
            "naam": naam,
            "geboorte": self.gebeurtenis(row, cat, "03.10", "03.20", "03.30"),
        })

    # -- groups ------------------------------------------------------------------------------

    def partners(self, pl: PersonList) -> list[dict]:
        """Current marriages/partnerships; without one, the one dissolved last (as HC does)."""
        found = []
        for row in pl.current("05"):
            base = self.relatie(row, "05")
            if base is None:
                continue
            partner = {
                **base,
                "geslacht": hc.waarde(row["05.04.10"], hc.GESLACHT.get(row["05.04.10"]))
                if row.get("05.04.10") else None,
                "soortVerbintenis": hc.waarde(row["05.15.10"], hc.SOORT_VERBINTENIS.get(row["05.15.10"]))
                if row.get("05.15.10") else None,
                "aangaanHuwelijkPartnerschap": self.gebeurtenis(row, "05", "06.10", "06.20", "06.30"),
                "ontbindingHuwelijkPartnerschap": {"datum": hc.gba_datum(row.get("05.07.10", ""))},
            }
            found.append(hc.compact(partner))
        actueel = [p for p in found if "ontbindingHuwelijkPartnerschap" not in p]
        if actueel or not found:
            return actueel
        return [max(found, key=lambda p: _sortable(p["ontbindingHuwelijkPartnerschap"].get("datum")))]

    def ouders(self, pl: PersonList) -> list[dict]:
        found = []
        for cat, aanduiding in (("02", "1"), ("03", "2")):
            for row in pl.current(cat):
                base = self.relatie(row, cat)
                if base is None:
                    continue
                geslacht = row.get(f"{cat}.04.10", "")
                found.append(hc.compact({
                    **base,
                    "geslacht": hc.waarde(geslacht, hc.GESLACHT.get(geslacht)) if geslacht else None,
                    "ouderAanduiding": aanduiding,
                    "datumIngangFamilierechtelijkeBetrekking": hc.gba_datum(row.get(f"{cat}.62.10", "")),
                }))
        return found

    def kinderen(self, pl: PersonList) -> list[dict]:
        return [kind for kind in (self.relatie(row, "09") for row in pl.current("09")) if kind]

    def nationaliteiten(self, pl: PersonList) -> list[dict]:
        found = []
        for row in pl.current("04"):
            code, bijzonder = row.get("04.05.10", ""), row.get("04.65.10", "")
            if not (code or bijzonder):
                continue
            soort = {"B": "BehandeldAlsNederlander", "V": "VastgesteldNietNederlander"}.get(bijzonder)
            soort = soort or {"0499": "Staatloos", "0000": "NationaliteitOnbekend"}.get(code, "Nationaliteit")
            found.append(hc.compact({
                "type": soort,
                "nationaliteit": hc.waarde(code, "Nederlandse" if code == "0001" else None)
                if soort == "Nationaliteit" else None,
                "redenOpname": hc.waarde(row["04.63.10"], None) if row.get("04.63.10") else None,
                "datumIngangGeldigheid": hc.gba_datum(row.get("04.85.10", "")),
            }))
        return found

    def verblijfplaats(self, row: Row) -> dict | None:
        functie = row.get("08.10.10", "")
        common = {
            "functieAdres": hc.waarde(functie, hc.FUNCTIE_ADRES.get(functie)) if functie else None,
            "datumVan": hc.gba_datum(row.get("08.10.30", "") or row.get("08.09.20", "")),
        }
        if row.get("08.11.20"):
            adres = self.adres_lookup(row)
            if adres is not None:
                return hc.compact({"type": "Adres", "verblijfadres": verblijfadres(adres),
                                   **adres_ids(adres), **common})
        if row.get("08.12.10"):
            return hc.compact({"type": "Locatie",
                               "verblijfadres": {"locatiebeschrijving": row["08.12.10"]}, **common})
        land = row.get("08.13.10", "")
        if land == "0000":
            return hc.compact({"type": "VerblijfplaatsOnbekend",
                               "datumVan": hc.gba_datum(row.get("08.13.20", ""))})
        if land:
            return hc.compact({
                "type": "VerblijfplaatsBuitenland",
                "verblijfadres": {"regel1": row.get("08.13.30", ""), "regel2": row.get("08.13.40", ""),
                                  "regel3": row.get("08.13.50", ""), "land": hc.land(land)},
                "datumVan": hc.gba_datum(row.get("08.13.20", "")),
            })
        return None

    # -- the person --------------------------------------------------------------------------

    def persoon(self, pl: PersonList) -> dict:
        v = pl.value
        partners = self.partners(pl)
        naam = self.naam(pl.rows[0], "01")
        if v("01.61.10"):
            naam["aanduidingNaamgebruik"] = hc.waarde(v("01.61.10"), hc.NAAMGEBRUIK.get(v("01.61.10")))
        naam["volledigeNaam"] = hc.volledige_naam(naam, partners[0]["naam"] if partners else None)
        gemeentecode = v("08.09.10")
        verblijf = pl.rows[0]
        persoon = {
            "burgerservicenummer": v("01.01.20"),
            "aNummer": v("01.01.10"),
            "geslacht": hc.waarde(v("01.04.10"), hc.GESLACHT.get(v("01.04.10"))) if v("01.04.10") else None,
            "naam": naam,
            "geboorte": self.gebeurtenis(pl.rows[0], "01", "03.10", "03.20", "03.30"),
            "geheimhoudingPersoonsgegevens": True if v("07.70.10") not in ("", "0") else None,
            "nationaliteiten": self.nationaliteiten(pl),
            "gemeenteVanInschrijving": self.gemeente(gemeentecode, verblijf.get("08.11.70", ""))
            if gemeentecode else None,
            "datumInschrijvingInGemeente": hc.gba_datum(v("08.09.20")),
            "verblijfplaats": self.verblijfplaats(verblijf),
            "immigratie": hc.compact({
                "landVanwaarIngeschreven": hc.land(v("08.14.10")) if v("08.14.10") else None,
                "datumVestigingInNederland": hc.gba_datum(v("08.14.20")),
            }),
            "partners": partners,
            "ouders": self.ouders(pl),
            "kinderen": self.kinderen(pl),
            "overlijden": self.gebeurtenis(pl.rows[0], "06", "08.10", "08.20", "08.30"),
            "opschortingBijhouding": hc.compact({
                "reden": hc.waarde(v("07.67.20"), hc.REDEN_OPSCHORTING.get(v("07.67.20"))),
                "datum": hc.gba_datum(v("07.67.10")),
            }) if v("07.67.20") else None,
        }
        return hc.compact(persoon)


def verblijfadres(adres: dict) -> dict:
    """HC `VerblijfadresBinnenland` from a BAG adres record."""
    return hc.compact({
        "officieleStraatnaam": adres.get("openbareRuimteNaam"),
        "korteStraatnaam": adres.get("korteNaam"),
        "huisnummer": adres.get("huisnummer"),
        "huisletter": adres.get("huisletter"),
        "huisnummertoevoeging": adres.get("huisnummertoevoeging"),
        "postcode": adres.get("postcode"),
        "woonplaats": adres.get("woonplaatsNaam"),
    })


def adres_ids(adres: dict) -> dict:
    return {"adresseerbaarObjectIdentificatie": adres.get("adresseerbaarObjectIdentificatie"),
            "nummeraanduidingIdentificatie": adres.get("nummeraanduidingIdentificatie")}


def _sortable(datum: dict | None) -> str:
    if not datum:
        return ""
    if datum.get("type") == "Datum":
        return datum["datum"]
    return f"{datum.get('jaar', 0):04d}-{datum.get('maand', 0):02d}"
