"""Why a SAML login failed: a reason code for the log (never personal data) and a Dutch message."""

from django.utils.translation import gettext as _

from ...errors import AuthenticationFailed

CANCELLED = "cancelled"
LEVEL_TOO_LOW = "level_too_low"
NO_CONNECTION = "no_connection"


def _messages(means_label: str) -> dict[str, str]:
    return {
        CANCELLED: _("U heeft het inloggen met %(middel)s geannuleerd. U bent niet ingelogd.") % {"middel": means_label},
        LEVEL_TOO_LOW: _("U bent met %(middel)s ingelogd op een lager betrouwbaarheidsniveau dan de gemeente "
                         "vraagt. Log opnieuw in, met een hoger niveau.") % {"middel": means_label},
        NO_CONNECTION: _("Inloggen met %(middel)s is bij deze gemeente nog niet mogelijk. Neem contact op met "
                         "de gemeente.") % {"middel": means_label},
    }


class SamlLoginError(AuthenticationFailed):
    """`reason` goes to the log; anything that is no cancel, level or connection reads as a failed check."""

    def __init__(self, reason: str, means_label: str):
        super().__init__(f"SAML login refused: {reason}")
        self.reason = reason
        self.user_message = _messages(means_label).get(reason) or _(
            "Het inloggen met %(middel)s is niet gelukt: het antwoord van %(middel)s kon niet worden "
            "gecontroleerd of was verlopen. Probeer het opnieuw.") % {"middel": means_label}
