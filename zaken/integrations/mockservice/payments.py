"""Mock payment provider routes (see app.py for the route format)."""

ROUTES: list = []
