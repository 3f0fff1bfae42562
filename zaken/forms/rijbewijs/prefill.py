"""What the government knows about a renewal, and whether it may be done online (domain.md §3).

One read of the BRP (name, birth date, municipality of registration) and of the RDW (licence,
photographer's pre-registration, CBR declaration), logged; then the checks, each with a message
and a way forward for the citizen. The same function runs again when the form is sent.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.utils.translation import gettext as _

from zaken.actors import Actor
from zaken.integrations.brp.base import Doel
from zaken.integrations.errors import NotFound, Unavailable
from zaken.integrations.registry import get_adapter
from zaken.models import AuditLog
from zaken.services import audit_record

from .rules import jaren_na, nieuwe_geldigheid

# Why a renewal cannot be done online; each has a text in `Blokkade`.
GEEN_RIJBEWIJS = "geen_rijbewijs"
VERMIST = "vermist_gestolen"
INGETROKKEN = "ingetrokken"
TE_LANG_VERLOPEN = "te_lang_verlopen"
ANDERE_GEMEENTE = "andere_gemeente"
GEEN_FOTO = "geen_foto"
GEEN_HANDTEKENING = "geen_handtekening"
GEZICHT_MISLUKT = "gezichtsvergelijking_mislukt"
CBR_NODIG = "cbr_nodig"
REGISTER_ONBEREIKBAAR = "register_onbereikbaar"
OVERLEDEN = "overleden"

# Where the citizen goes: the counter, a photographer (then back here), the CBR, or try again later.
NAAR_BALIE, NAAR_FOTOGRAAF, NAAR_CBR, LATER = "balie", "fotograaf", "cbr", "later"


@dataclass(frozen=True)
class Blokkade:
    code: str
    uitleg: str
    vervolg: str  # one of NAAR_BALIE, NAAR_FOTOGRAAF, NAAR_CBR, LATER


@dataclass
class Categorie:
    categorie: str
    geldig_tot: date
    nieuw_geldig_tot: date | None
    regel: str

    def as_json(self) -> dict:
        return {"categorie": self.categorie, "geldigTot": self.geldig_tot.isoformat(),
                "nieuwGeldigTot": self.nieuw_geldig_tot.isoformat() if self.nieuw_geldig_tot else None,
                "regel": self.regel}


@dataclass
class RijbewijsPrefill:
    naam: str = ""
    geboortedatum: date | None = None
    rijbewijs: dict = field(default_factory=dict)
    pasfoto: dict | None = None
    cbr: dict = field(default_factory=dict)
    categorieen: list[Categorie] = field(default_factory=list)
    blokkade: Blokkade | None = None

    @property
    def te_verlengen(self) -> list[Categorie]:
        """The categories that can be renewed now (the others need a CBR declaration first)."""
        return [c for c in self.categorieen if c.nieuw_geldig_tot is not None]

    @property
    def korter(self) -> list[Categorie]:
        """Renewable categories whose new date lies before the current one (the age rules can shorten it)."""
        return [c for c in self.te_verlengen if c.nieuw_geldig_tot < c.geldig_tot]

    @property
    def cbr_nodig(self) -> list[Categorie]:
        return [c for c in self.categorieen if c.nieuw_geldig_tot is None]

    @property
    def cbr_uitleg(self) -> str:
        return cbr_uitleg(self) if self.cbr_nodig else ""

    @property
    def kan_online(self) -> bool:
        return self.blokkade is None


# What the renewal asks of the BRP: the name and birth date shown and used for the new validity, a
# registered death and the municipality of registration (both block the online renewal).
BRP_VELDEN = ("naam.volledigeNaam", "geboorte.datum", "overlijden.datum", "gemeenteVanInschrijving")
BRP_DOEL = Doel(doelbinding="rijbewijs", verwerking="rijbewijs: aanvraag verlengen")


def _persoon(bsn: str, gemeente) -> dict:
    return get_adapter("brp", gemeente).persoon(bsn, BRP_VELDEN, doel=BRP_DOEL)


def rijbewijs_prefill(*, bsn: str, vandaag: date, terms: dict, gemeente,
                      reason: str = "rijbewijsaanvraag vooraf invullen") -> RijbewijsPrefill:
    try:
        persoon = _persoon(bsn, gemeente)
        rdw = get_adapter("rdw", gemeente)
        try:
            rijbewijs = rdw.rijbewijs(bsn)
        except NotFound:
            return RijbewijsPrefill(naam=_naam(persoon), blokkade=Blokkade(GEEN_RIJBEWIJS, _(
                "Volgens de RDW hebt u geen Nederlands rijbewijs. Een eerste rijbewijs, of het omwisselen van "
                "een buitenlands rijbewijs, vraagt u aan bij de balie van de gemeente."), NAAR_BALIE))
        pasfoto = rdw.pasfoto_registratie(bsn)
        cbr = rdw.cbr_gezondheidsverklaring(bsn)
    except Unavailable:
        return RijbewijsPrefill(blokkade=Blokkade(REGISTER_ONBEREIKBAAR, _(
            "De gegevens van uw rijbewijs kunnen nu niet worden opgehaald, omdat de RDW of de Basisregistratie "
            "Personen niet bereikbaar is. Er is niets verloren gegaan. Probeer het over enkele minuten opnieuw."),
            LATER))
    except NotFound:
        return RijbewijsPrefill(blokkade=Blokkade(GEEN_RIJBEWIJS, _(
            "Wij vinden uw gegevens niet in de Basisregistratie Personen. Vraag uw rijbewijs aan bij de balie."),
            NAAR_BALIE))
    audit_record(actor=Actor.system("rijbewijs: vooraf invullen"), name="rdw_prefill",
                 operation=AuditLog.Operation.READ, gemeente=gemeente, subject_bsn=bsn,
                 categories=["naam", "geboortedatum", "rijbewijs", "pasfoto", "gezondheidsverklaring"],
                 reason=reason, processing_activity="rijbewijs: aanvraag verlengen")
    geboortedatum = date.fromisoformat(persoon["geboorte"]["datum"]["datum"])
    cbr_tot = date.fromisoformat(cbr["geldigTot"]) if cbr.get("opDossier") and cbr.get("geldigTot") else None
    huidig = {c["categorie"]: date.fromisoformat(c["geldigTot"]) for c in rijbewijs["categorieen"]}
    nieuw = nieuwe_geldigheid(geboortedatum=geboortedatum, aanvraagdatum=vandaag, categorieen=list(huidig),
                              cbr_geldig_tot=cbr_tot, termen=terms)
    prefill = RijbewijsPrefill(
        naam=_naam(persoon), geboortedatum=geboortedatum, rijbewijs=rijbewijs, pasfoto=pasfoto, cbr=cbr,
        categorieen=[Categorie(n.categorie, huidig[n.categorie], n.geldig_tot, n.regel) for n in nieuw])
    prefill.blokkade = _blokkade(prefill=prefill, persoon=persoon, vandaag=vandaag, terms=terms, gemeente=gemeente)
    return prefill


def _naam(persoon: dict) -> str:
    return (persoon.get("naam") or {}).get("volledigeNaam", "")


def _blokkade(*, prefill: RijbewijsPrefill, persoon: dict, vandaag: date, terms: dict, gemeente) -> Blokkade | None:
    """The first reason, in the order a citizen can act on them, why this renewal is not for online."""
    if persoon.get("overlijden"):
        return Blokkade(OVERLEDEN, _("Volgens de Basisregistratie Personen is deze persoon overleden."), NAAR_BALIE)
    ingeschreven = (persoon.get("gemeenteVanInschrijving") or {}).get("code", "")
    if gemeente is not None and ingeschreven and ingeschreven != gemeente.gemeentecode:
        return Blokkade(ANDERE_GEMEENTE, _(
            "U staat ingeschreven in een andere gemeente. Vraag uw rijbewijs aan bij de gemeente waar u woont."),
            NAAR_BALIE)
    status = prefill.rijbewijs.get("status")
    if status == "vermist_gestolen":
        return Blokkade(VERMIST, _(
            "Uw rijbewijs staat als vermist of gestolen geregistreerd. Een vervangend rijbewijs vraagt u aan bij "
            "de balie van de gemeente, met een verklaring van vermissing."), NAAR_BALIE)
    if status == "ingetrokken":
        return Blokkade(INGETROKKEN, _(
            "Uw rijbewijs is ingetrokken of ongeldig verklaard. U kunt het niet online verlengen. Neem contact op "
            "met de gemeente."), NAAR_BALIE)
    max_jaren = terms.get("verlopen_max_jaren") or 0
    laatste = max(c.geldig_tot for c in prefill.categorieen)
    if max_jaren and jaren_na(laatste, max_jaren) < vandaag:
        return Blokkade(TE_LANG_VERLOPEN, _(
            "Uw rijbewijs is langer dan %(n)s jaar geleden verlopen. Een nieuw rijbewijs vraagt u dan aan bij de "
            "balie van de gemeente.") % {"n": max_jaren}, NAAR_BALIE)
    pasfoto = prefill.pasfoto
    if not pasfoto or not pasfoto.get("fotoOntvangen"):
        return Blokkade(GEEN_FOTO, _(
            "De RDW heeft nog geen pasfoto en handtekening van u. Laat ze maken bij een fotograaf die door de RDW "
            "is erkend. De fotograaf stuurt ze met uw toestemming naar de RDW. Kom daarna hier terug."),
            NAAR_FOTOGRAAF)
    if not pasfoto.get("handtekeningOntvangen"):
        return Blokkade(GEEN_HANDTEKENING, _(
            "De RDW heeft wel uw pasfoto, maar nog geen handtekening. Ga terug naar de fotograaf om uw "
            "handtekening te zetten. Kom daarna hier terug."), NAAR_FOTOGRAAF)
    if pasfoto.get("gezichtsvergelijking") != "geslaagd":
        return Blokkade(GEZICHT_MISLUKT, _(
            "De RDW kon uw nieuwe pasfoto niet goed vergelijken met uw vorige foto. Vraag uw rijbewijs daarom aan "
            "bij de balie van de gemeente; neem uw pasfoto en een identiteitsbewijs mee."), NAAR_BALIE)
    if not prefill.te_verlengen:
        return Blokkade(CBR_NODIG, cbr_uitleg(prefill), NAAR_CBR)
    return None


def cbr_uitleg(prefill: RijbewijsPrefill) -> str:
    """Why a category needs a CBR declaration first, and how to get one."""
    verlopen = prefill.cbr.get("geldigTot")
    tekst = _("Voor deze categorieën is een goedgekeurde gezondheidsverklaring van het CBR nodig. ")
    if verlopen:
        tekst += _("Uw vorige verklaring was geldig tot %(d)s. ") % {"d": date.fromisoformat(verlopen).strftime("%d-%m-%Y")}
    else:
        tekst += _("Het CBR heeft er geen van u. ")
    return tekst + _("Vul via Mijn CBR een gezondheidsverklaring in. Als het CBR die heeft goedgekeurd, kunt u hier "
                     "uw rijbewijs verlengen.")
