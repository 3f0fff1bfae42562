from .advies import Adviesverzoek, Adviseur, Uitkomst
from .audit import AuditLog
from .betaling import Betaling
from .catalogus import StatusType, ZaakType
from .gemeente import Gemeente, GemeenteHost, GemeenteProduct, Medewerkerschap, Product
from .indiening import Indiening
from .kalender import AtwBesluitdag
from .termijn import TermijnGebeurtenis
from .verzoek import Verzoek
from .zaak import Besluit, Document, Resultaat, Rol, Status, Vertrouwelijkheid, Zaak, ZaakNummerReeks

__all__ = [
    "Adviesverzoek", "Adviseur", "AtwBesluitdag", "AuditLog", "Betaling", "Besluit", "Document", "Gemeente", "GemeenteHost", "GemeenteProduct", "Indiening",
    "Medewerkerschap", "Product", "Resultaat", "Rol", "Status", "StatusType", "TermijnGebeurtenis", "Uitkomst", "Verzoek",
    "Vertrouwelijkheid", "Zaak", "ZaakNummerReeks", "ZaakType",
]
