"""Zaken API: zaakinformatieobjecten, the links between a case and its documents (Documenten API)."""

# (prefix, viewset, basename) per resource.
ROUTES: list[tuple] = []
