"""Who may report a move for whom (Wet BRP; domain.md §1), as pure functions over BRP data.

The declarant's own person list names their partners, children and parents. A resident of the
declarant's address who stands in a relation the municipality allows may be reported with them;
everyone else living there reports the move themselves. Which relations count and the age limits
are terms of the product (`meeverhuizer_relaties`, `kind_max_leeftijd`, `meerderjarig_leeftijd`,
`aangever_min_leeftijd`), so a municipality can narrow them without a code change.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.utils.translation import gettext as _


class Relatie:
    PARTNER = "partner"  # spouses and registered partners, for each other
    MINDERJARIG_KIND = "minderjarig_kind"  # a parent for a child younger than kind_max_leeftijd
    MEERDERJARIG_KIND = "meerderjarig_kind"  # a parent for an adult child living with them
    OUDER = "ouder"  # an adult child for a parent living with them

    ALLE = (PARTNER, MINDERJARIG_KIND, MEERDERJARIG_KIND, OUDER)


@dataclass(frozen=True)
class Huisgenoot:
    bsn: str
    naam: str
    relatie: str  # Dutch label, shown to the declarant and stored on the case
    mag_meeverhuizen: bool
    uitleg: str = ""
    code: str = ""  # Relatie.* for a co-mover


@dataclass
class Huishouden:
    meeverhuizers: list[Huisgenoot] = field(default_factory=list)  # may be reported by the declarant
    zelf_aangifte: list[Huisgenoot] = field(default_factory=list)  # live there, must report themselves

    @property
    def toegestane_bsns(self) -> set[str]:
        return {h.bsn for h in self.meeverhuizers}


def naam(persoon: dict) -> str:
    n = persoon.get("naam", {})
    return n.get("volledigeNaam") or " ".join(
        p for p in (n.get("voornamen"), n.get("voorvoegsel"), n.get("geslachtsnaam")) if p)


def leeftijd(persoon: dict, vandaag: date) -> int | None:
    """Age in whole years; None when the BRP has no full date of birth."""
    raw = (persoon.get("geboorte", {}).get("datum") or {}).get("datum")
    if not raw:
        return None
    born = date.fromisoformat(raw)
    return vandaag.year - born.year - ((vandaag.month, vandaag.day) < (born.month, born.day))


def mag_zelf_aangeven(*, aangever: dict, vandaag: date, terms: dict) -> bool:
    """Anyone of `aangever_min_leeftijd` (16) or older reports their own move; an unknown age is not refused."""
    jaren = leeftijd(aangever, vandaag)
    return jaren is None or jaren >= terms["aangever_min_leeftijd"]


def _bsns(relaties: list[dict]) -> set[str]:
    return {r["burgerservicenummer"] for r in relaties if r.get("burgerservicenummer")}


def _actieve_partners(persoon: dict) -> dict[str, str]:
    """BSN -> kind of union ("H" marriage, "P" registered partnership) of the unions not dissolved."""
    return {p["burgerservicenummer"]: (p.get("soortVerbintenis") or {}).get("code")
            for p in persoon.get("partners", [])
            if p.get("burgerservicenummer") and not p.get("ontbindingHuwelijkPartnerschap")
            and (p.get("soortVerbintenis") or {}).get("code") in {"H", "P"}}


def _zelf(bsn: str, naam_: str, relatie: str, uitleg: str) -> Huisgenoot:
    return Huisgenoot(bsn, naam_, relatie, False, uitleg)


def _als_kind(bsn: str, naam_: str, jaren: int | None, *, volwassen_aangever: bool, toegestaan: set[str],
              terms: dict) -> Huisgenoot:
    """The declarant's own child at their address."""
    if not volwassen_aangever:
        return _zelf(bsn, naam_, _("kind"), _("Alleen een meerderjarige ouder kan de verhuizing van een kind "
                                              "doorgeven."))
    if jaren is None:
        return _zelf(bsn, naam_, _("kind"), _("De geboortedatum is niet volledig bekend in de Basisregistratie "
                                              "Personen. Neem contact op met de gemeente."))
    minderjarig = jaren < min(terms["kind_max_leeftijd"], terms["meerderjarig_leeftijd"])  # never past majority
    if minderjarig and Relatie.MINDERJARIG_KIND in toegestaan:
        uitleg = ""
        if jaren >= terms["aangever_min_leeftijd"]:
            uitleg = _("Is %(n)s jaar. U mag de verhuizing doorgeven, tenzij hij of zij dat zelf doet.") % {"n": jaren}
        return Huisgenoot(bsn, naam_, _("kind"), True, uitleg, Relatie.MINDERJARIG_KIND)
    if jaren >= terms["meerderjarig_leeftijd"] and Relatie.MEERDERJARIG_KIND in toegestaan:
        return Huisgenoot(bsn, naam_, _("meerderjarig kind"), True, "", Relatie.MEERDERJARIG_KIND)
    if jaren < terms["aangever_min_leeftijd"]:  # too young to report and not reportable by this parent
        return _zelf(bsn, naam_, _("kind"), _("Neem contact op met de gemeente om de verhuizing van dit kind door "
                                              "te geven."))
    return _zelf(bsn, naam_, _("kind"), _("Is %(n)s jaar en geeft de verhuizing zelf door.") % {"n": jaren})


def huishouden_bepalen(*, aangever: dict, bewoners: list[dict], vandaag: date, terms: dict) -> Huishouden:
    """Who at the declarant's address may be reported with them, and who reports themselves.

    By default (domain.md §1): spouses and registered partners for each other; a parent for a
    minor child, 16- and 17-year-olds included; parents and adult children living together for
    each other. An unmarried partner, a sibling or another housemate reports themselves, and only
    an adult reports for someone else.
    """
    toegestaan = set(terms["meeverhuizer_relaties"])
    volwassen = (leeftijd(aangever, vandaag) or 0) >= terms["meerderjarig_leeftijd"]
    partners = _actieve_partners(aangever)
    kinderen, ouders = _bsns(aangever.get("kinderen", [])), _bsns(aangever.get("ouders", []))
    huishouden = Huishouden()
    for bewoner in bewoners:
        bsn = bewoner.get("burgerservicenummer")
        if not bsn or bsn == aangever.get("burgerservicenummer"):
            continue
        naam_, jaren = naam(bewoner), leeftijd(bewoner, vandaag)
        if bsn in partners:
            label = _("echtgeno(o)t(e)") if partners[bsn] == "H" else _("geregistreerd partner")
            genoot = (Huisgenoot(bsn, naam_, label, True, "", Relatie.PARTNER) if Relatie.PARTNER in toegestaan
                      else _zelf(bsn, naam_, label, _("Geeft de verhuizing zelf door.")))
        elif bsn in kinderen:
            genoot = _als_kind(bsn, naam_, jaren, volwassen_aangever=volwassen, toegestaan=toegestaan, terms=terms)
        elif bsn in ouders:
            genoot = (Huisgenoot(bsn, naam_, _("ouder"), True, "", Relatie.OUDER)
                      if volwassen and Relatie.OUDER in toegestaan
                      else _zelf(bsn, naam_, _("ouder"), _("Geeft de verhuizing zelf door.")))
        elif jaren is not None and jaren < terms["aangever_min_leeftijd"]:
            genoot = _zelf(bsn, naam_, _("huisgenoot"), _("Is volgens de Basisregistratie Personen niet uw kind. "
                                                          "Zijn of haar ouder of voogd geeft de verhuizing door."))
        else:
            genoot = _zelf(bsn, naam_, _("huisgenoot"), _("Een huisgenoot of ongehuwde partner geeft de verhuizing "
                                                          "zelf door."))
        (huishouden.meeverhuizers if genoot.mag_meeverhuizen else huishouden.zelf_aangifte).append(genoot)
    return huishouden
