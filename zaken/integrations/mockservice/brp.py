"""Mock BRP service routes (see app.py for the route format)."""

ROUTES: list = []
