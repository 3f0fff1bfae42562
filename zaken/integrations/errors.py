"""Typed errors every adapter raises, so callers never catch a library's exception."""


class IntegrationError(Exception):
    """Base class; `user_message` is safe to show (Dutch, no personal data)."""

    user_message = "Er ging iets mis bij het ophalen van gegevens."

    def __init__(self, message: str = "", *, user_message: str | None = None):
        super().__init__(message or self.user_message)
        if user_message:
            self.user_message = user_message


class NotFound(IntegrationError):
    user_message = "De gevraagde gegevens zijn niet gevonden."


class Unavailable(IntegrationError):
    """The register or service is down or timed out; try again later (tasks retry)."""

    user_message = "De gegevens konden op dit moment niet worden opgehaald. Probeer het later opnieuw."


class AuthenticationFailed(IntegrationError):
    user_message = "Inloggen is niet gelukt."


class Rejected(NotFound):
    """The register refused the question as invalid (HTTP 400): for the caller, nothing was found.

    `invalid_params` holds the names of the parameters the register named, never their values.
    """

    def __init__(self, message: str = "", *, invalid_params: tuple[str, ...] = (), **kwargs):
        super().__init__(message, **kwargs)
        self.invalid_params = invalid_params


class Misconfigured(Unavailable):
    """The register refused our credentials (401/403): a configuration fault, logged as an error."""
