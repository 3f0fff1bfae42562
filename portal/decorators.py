from functools import wraps
from urllib.parse import urlencode

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from .session import EXPIRED_KEY
from .tenancy import tenant_reverse


def login_redirect(request, *, reason: str = ""):
    """Send the visitor to the login choice, keeping where they were (local paths only)."""
    if request.session.pop(EXPIRED_KEY, False):
        messages.warning(request, _("U was 15 minuten niet actief. Voor uw veiligheid bent u "
                                    "uitgelogd. Log opnieuw in om verder te gaan."))
    query = {"next": request.get_full_path()}
    if reason:
        query["reden"] = reason
    return redirect(f"{tenant_reverse(request, 'login')}?{urlencode(query)}")


def subject_required(view):
    """Only for a citizen or company logged in with DigiD or eHerkenning."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.auth_context is None:
            return login_redirect(request)
        return view(request, *args, **kwargs)

    return wrapper
