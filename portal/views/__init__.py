from . import auth, catalogue, errors, health, theme, tracker  # noqa: F401
