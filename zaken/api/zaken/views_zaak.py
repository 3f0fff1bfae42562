"""Zaken API: zaken (with _zoek) and statussen."""

# (prefix, viewset, basename) per resource; basename "zaak" gives the URL name api:zaken:zaak-detail.
ROUTES: list[tuple] = []
EXTRA_URLS: list = []  # routes the router cannot make, like POST zaken/_zoek
