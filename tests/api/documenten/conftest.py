"""Fixtures of the Documenten API, zaakinformatieobjecten and Besluiten API tests: cases, documents and
besluiten made through the real services, and clients with an autorisatie per component."""

from datetime import date

import pytest

from tests.factories import ZaakFactory
from zaken.actors import Actor
from zaken.api.models import Applicatie, Autorisatie
from zaken.documents.besluit import besluit_nemen
from zaken.models import Document, Gemeente
from zaken.services import document_store
from zaken.termijn_engine import termijn_ontvangen

from ..conftest import SECRET

ACTOR = Actor.system("test")
PDF = b"%PDF-1.4 een brief\n" * 100


@pytest.fixture
def client_met(demo):
    """An Applicatie of a municipality with one autorisatie: make("drc", "documenten.lezen", max=...)."""
    def _make(component: str, *scopes: str, gemeente: str = "den-haag", client_id: str = "zac",
              max_vertrouwelijkheid: str = "zeer_geheim", zaaktype=None) -> Applicatie:
        app, _ = Applicatie.objects.get_or_create(
            client_id=client_id, defaults={"gemeente": Gemeente.objects.get(slug=gemeente), "label": client_id,
                                           "secret": SECRET})
        Autorisatie.objects.create(applicatie=app, component=component, scopes=list(scopes), zaaktype=zaaktype,
                                   max_vertrouwelijkheidaanduiding=max_vertrouwelijkheid)
        return app

    return _make


@pytest.fixture
def zaak_met_document(demo):
    """A case of a municipality with one stored document (document_store, the service every letter uses)."""
    def _make(gemeente: str = "den-haag", soort: str = Document.Soort.BRIEF, content: bytes = PDF,
              titel: str = "Ontvangstbevestiging", zaak=None, **kwargs) -> Document:
        zaak = zaak or ZaakFactory(gemeente=demo[gemeente])
        return document_store(zaak=zaak, soort=soort, titel=titel, content=content,
                              bestandsnaam="brief.pdf", formaat="application/pdf", **kwargs)

    return _make


@pytest.fixture
def besluit_van(demo):
    """A besluit through the generic besluit service (and the term engine), without or with its letter."""
    def _make(gemeente: str = "den-haag", document: bool = False, zaak=None, **kwargs):
        if zaak is None:
            zaak = ZaakFactory(gemeente=demo[gemeente])
            termijn_ontvangen(zaak=zaak, actor=ACTOR)
        fields = {"besluittype": "Parkeervergunning verleend", "motivering": "U woont in zone A.",
                  "grondslag": "artikel 2 van de Parkeerverordening", "ingangsdatum": date(2026, 12, 1),
                  "vervaldatum": date(2027, 11, 30), **kwargs}
        return besluit_nemen(zaak=zaak, actor=ACTOR, document=document, **fields)

    return _make
