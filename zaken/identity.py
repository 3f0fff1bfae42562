"""Who is acting: the AuthContext of a DigiD or eHerkenning login, and the levels of assurance.

Citizens and businesses are not Django users; their login lives in the session only (DigiD D2:
attributes are used only within the session that yielded them).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

DIGID = "digid"
EHERKENNING = "eherkenning"

# Ordered from low to high.
DIGID_LEVELS = ("basis", "midden", "substantieel", "hoog")
EHERKENNING_LEVELS = ("EH2", "EH2+", "EH3", "EH4")
LEVEL_LABELS = {
    "basis": _("DigiD Basis"),
    "midden": _("DigiD Midden"),
    "substantieel": _("DigiD Substantieel"),
    "hoog": _("DigiD Hoog"),
    "EH2": _("eHerkenning EH2"),
    "EH2+": _("eHerkenning EH2+"),
    "EH3": _("eHerkenning EH3"),
    "EH4": _("eHerkenning EH4"),
}
# SAML AuthnContextClassRef values of DigiD, as Logius defines them.
DIGID_AUTHN_CONTEXT = {
    "basis": "urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport",
    "midden": "urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract",
    "substantieel": "urn:oasis:names:tc:SAML:2.0:ac:classes:Smartcard",
    "hoog": "urn:oasis:names:tc:SAML:2.0:ac:classes:SmartcardPKI",
}
# eHerkenning levels as the LoA URNs of the eHerkenning afsprakenstelsel.
EHERKENNING_AUTHN_CONTEXT = {
    "EH2": "urn:etoegang:core:assurance-class:loa2",
    "EH2+": "urn:etoegang:core:assurance-class:loa2plus",
    "EH3": "urn:etoegang:core:assurance-class:loa3",
    "EH4": "urn:etoegang:core:assurance-class:loa4",
}


def levels_for(means: str) -> tuple[str, ...]:
    return DIGID_LEVELS if means == DIGID else EHERKENNING_LEVELS


def level_satisfies(means: str, level: str, required: str) -> bool:
    """True when `level` is at least `required` on the same means."""
    order = levels_for(means)
    return level in order and required in order and order.index(level) >= order.index(required)


@dataclass(frozen=True)
class AuthContext:
    means: str
    level: str
    authenticated_at: str  # ISO 8601, so the context survives the JSON session serializer
    bsn: str = ""
    kvk_nummer: str = ""
    vestigingsnummer: str = ""
    rsin: str = ""
    acting_subject: str = ""
    company_name: str = ""
    display_name: str = ""
    extra: dict = field(default_factory=dict)

    @property
    def is_digid(self) -> bool:
        return self.means == DIGID

    @property
    def is_eherkenning(self) -> bool:
        return self.means == EHERKENNING

    @property
    def level_label(self) -> str:
        return str(LEVEL_LABELS.get(self.level, self.level))

    @property
    def login_time(self) -> datetime:
        return datetime.fromisoformat(self.authenticated_at)

    def satisfies(self, required_level: str) -> bool:
        return level_satisfies(self.means, self.level, required_level)

    def to_session(self) -> dict:
        return asdict(self)

    @classmethod
    def from_session(cls, data: dict | None) -> AuthContext | None:
        if not data:
            return None
        try:
            return cls(**data)
        except TypeError:
            return None

    @classmethod
    def now(cls, **kwargs) -> AuthContext:
        return cls(authenticated_at=timezone.now().isoformat(), **kwargs)
