"""Test helper: record what a mock register receives, over the real client and routes."""


def record(monkeypatch, service) -> list:
    """Wrap every route of a mockservice module; returns the list of (path, headers) it receives."""
    seen: list = []

    def recording(handler):
        def wrapped(request, **groups):
            seen.append((request.path, request.headers))
            return handler(request, **groups)
        return wrapped

    monkeypatch.setattr(service, "ROUTES", [(m, p, recording(h)) for m, p, h in service.ROUTES])
    return seen
