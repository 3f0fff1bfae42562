"""Zaken API 1.5: our cases (Zaak and its statussen, rollen, resultaten, documents) for API clients."""
