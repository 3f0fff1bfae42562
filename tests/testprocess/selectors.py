from django.utils.translation import gettext as _


def dossier_data(zaak) -> dict:
    """The process's own data for the back-office dossier, as label → value."""
    aanvraag = zaak.testprocess_case
    return {_("Onderwerp"): aanvraag.onderwerp, _("Processtatus"): aanvraag.get_state_display()}
