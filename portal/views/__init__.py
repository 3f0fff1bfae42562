from . import auth, catalogue, errors, theme, tracker  # noqa: F401
