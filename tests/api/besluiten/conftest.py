"""The Besluiten API tests share the Documenten API fixtures (cases, besluiten, clients)."""

from tests.api.documenten.conftest import besluit_van, client_met, zaak_met_document  # noqa: F401
