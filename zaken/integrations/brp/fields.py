"""The `fields` parameter of Haal Centraal BRP Personen 2: which paths exist, and the filter.

Used by the mock BRP service to answer as the real API does:
- a path names a field by its parents and its name, dot-separated ("partners.naam.voornamen"); a
  group ("naam") gives all of the group;
- asking any part of a date or a table value ("geslacht.code", "geboorte.datum.langFormaat") gives
  the whole date or table value;
- fields the BRP always delivers (geheimhouding, opschorting, in onderzoek...) may not be asked, and
  come with every person that has them;
- verblijfplaatsBinnenland is verblijfplaats for a caller not authorised for foreign addresses.
"""

from __future__ import annotations

import copy

D, W, T, V = "datum", "waarde", "titel", "veld"  # kinds of leaves
DATUM_DELEN = {"type", "datum", "jaar", "maand", "onbekend", "langFormaat"}
WAARDE_DELEN = {"code", "omschrijving"}
TITEL_DELEN = WAARDE_DELEN | {"soort"}
PARTS = {D: DATUM_DELEN, W: WAARDE_DELEN, T: TITEL_DELEN}

_NAAM = {"voornamen": V, "voorvoegsel": V, "geslachtsnaam": V, "adellijkeTitelPredicaat": T, "voorletters": V}
_GEBOORTE = {"datum": D, "land": W, "plaats": W}
_VERBLIJFADRES = {name: V for name in (
    "officieleStraatnaam", "korteStraatnaam", "huisnummer", "huisletter", "huisnummertoevoeging",
    "aanduidingBijHuisnummer", "postcode", "woonplaats", "locatiebeschrijving", "regel1", "regel2", "regel3")}
_VERBLIJFADRES["land"] = W
_VERBLIJFPLAATS = {"datumVan": D, "datumIngangGeldigheid": D, "adresseerbaarObjectIdentificatie": V,
                   "nummeraanduidingIdentificatie": V, "functieAdres": W, "verblijfadres": _VERBLIJFADRES}
_BINNENLAND = {**_VERBLIJFPLAATS, "verblijfadres": {k: v for k, v in _VERBLIJFADRES.items()
                                                    if k not in ("land", "regel1", "regel2", "regel3")}}

PERSOON = {
    "aNummer": V, "burgerservicenummer": V, "datumEersteInschrijvingGBA": D, "datumInschrijvingInGemeente": D,
    "geslacht": W, "gemeenteVanInschrijving": W, "leeftijd": V, "indicatieCurateleRegister": V, "gezag": V,
    "adressering": {"adresregel1": V, "adresregel2": V, "adresregel3": V, "land": W, "aanhef": V,
                    "aanschrijfwijze": {"aanspreekvorm": V, "naam": V}, "gebruikInLopendeTekst": V},
    "adresseringBinnenland": {"adresregel1": V, "adresregel2": V},
    "europeesKiesrecht": {"aanduiding": W, "einddatumUitsluiting": D},
    "uitsluitingKiesrecht": {"uitgeslotenVanKiesrecht": V, "einddatum": D},
    "geboorte": _GEBOORTE,
    "immigratie": {"datumVestigingInNederland": D, "indicatieVestigingVanuitBuitenland": V,
                   "landVanwaarIngeschreven": W, "vanuitVerblijfplaatsOnbekend": V},
    "naam": {**_NAAM, "volledigeNaam": V, "aanduidingNaamgebruik": W},
    "kinderen": {"burgerservicenummer": V, "geboorte": _GEBOORTE, "naam": _NAAM},
    "ouders": {"burgerservicenummer": V, "datumIngangFamilierechtelijkeBetrekking": D, "geboorte": _GEBOORTE,
               "geslacht": W, "naam": _NAAM, "ouderAanduiding": V},
    "partners": {"burgerservicenummer": V, "geboorte": _GEBOORTE, "geslacht": W, "naam": _NAAM,
                 "soortVerbintenis": W, "aangaanHuwelijkPartnerschap": {"datum": D, "land": W, "plaats": W},
                 "ontbindingHuwelijkPartnerschap": {"datum": D}},
    "nationaliteiten": {"nationaliteit": W, "redenOpname": W, "datumIngangGeldigheid": D},
    "overlijden": {"datum": D, "land": W, "plaats": W},
    "verblijfplaats": _VERBLIJFPLAATS,
    "verblijfplaatsBinnenland": _BINNENLAND,
    "verblijfstitel": {"aanduiding": W, "datumIngang": D, "datumEinde": D},
}
# What ZoekMetAdresseerbaarObjectIdentificatie answers (GezagPersoonBeperkt).
GEZAG_PERSOON_BEPERKT = {
    "burgerservicenummer": V, "geslacht": W, "leeftijd": V, "gezag": V,
    "adressering": {"adresregel1": V, "adresregel2": V, "adresregel3": V, "land": W},
    "adresseringBinnenland": {"adresregel1": V, "adresregel2": V},
    "geboorte": {"datum": D},
    "naam": {**_NAAM, "volledigeNaam": V},
}
# Delivered with every person that has them; asking for them is an error.
AUTOMATISCH = ("geheimhoudingPersoonsgegevens", "opschortingBijhouding", "inOnderzoek", "rni", "verificatie",
               "indicatieVastgesteldVerblijftNietOpAdres")
ALIASES = {"verblijfplaatsBinnenland": "verblijfplaats"}


def check(path: str, tree: dict) -> str:
    """"" for a path that may be asked, else "automatisch" or "onbekend"."""
    parts = path.split(".")
    if any(part in AUTOMATISCH for part in parts):
        return "automatisch"
    node: dict | str = tree
    for index, part in enumerate(parts):
        if isinstance(node, str):  # inside a leaf: only parts of a date or a table value
            rest = parts[index:]
            return "" if node in PARTS and len(rest) == 1 and rest[0] in PARTS[node] else "onbekend"
        if part not in node:
            return "onbekend"
        node = node[part]
    return ""


def _all(spec):
    """Everything a group of the response type holds (a group of PersoonBeperkt has fewer fields)."""
    return {key: _all(sub) for key, sub in spec.items()} if isinstance(spec, dict) else True


def _wanted(paths: list[str], tree: dict) -> dict:
    """The asked paths as a nested dict; True marks a whole field, date or table value."""
    wanted: dict = {}
    for path in paths:
        node, spec = wanted, tree
        parts = path.split(".")
        for index, part in enumerate(parts):
            spec = spec[part]
            if index == len(parts) - 1 or isinstance(spec, str):  # a group, a field, or part of a value
                node[part] = _all(spec)
                break
            if node.get(part) is True:
                break
            node = node.setdefault(part, {})
    return wanted


def _select(value, wanted):
    if wanted is True:
        return copy.deepcopy(value)
    if isinstance(value, list):
        return [item for item in (_select(v, wanted) for v in value) if item]
    if not isinstance(value, dict):
        return value
    result = {key: _select(value[key], sub) for key, sub in wanted.items() if key in value}
    result = {key: item for key, item in result.items() if item not in (None, {}, [], "")}
    if result and "type" in value:  # a polymorphic object (verblijfplaats, nationaliteit) keeps its type
        result = {"type": value["type"], **result}
    return result


def apply(persoon: dict, paths: list[str], tree: dict) -> dict:
    """`persoon` cut to `paths` (checked with `check` first), plus the always-delivered fields."""
    source = dict(persoon)
    for alias, field in ALIASES.items():
        if any(p == alias or p.startswith(alias + ".") for p in paths):
            plaats = persoon.get(field) or {}
            source[alias] = plaats if plaats.get("type") in ("Adres", "Locatie") else {}
    result = _select(source, _wanted(paths, tree))
    for alias, field in ALIASES.items():
        if alias in result:
            result[field] = result.pop(alias)
    for field in AUTOMATISCH:
        if field in persoon:
            result[field] = copy.deepcopy(persoon[field])
    return result
