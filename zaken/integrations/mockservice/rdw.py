"""Mock RDW service routes (see app.py for the route format)."""

ROUTES: list = []
