"""Zaken API: the parts of a case (rollen, resultaten, zaakinformatieobjecten, zaakobjecten,
zaakeigenschappen) and its audittrail."""

# (prefix, viewset, basename) per resource.
ROUTES: list[tuple] = []
