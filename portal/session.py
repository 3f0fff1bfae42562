"""The AuthContext in the session, with DigiD's inactivity limit."""

import time

from django.conf import settings

from zaken.identity import AuthContext

SESSION_KEY = "samenloket.auth"
ACTIVITY_KEY = "samenloket.last_activity"
EXPIRED_KEY = "samenloket.expired"


def auth_login(request, auth: AuthContext) -> None:
    # A new session id on every login (session fixation); the old context is gone.
    request.session.cycle_key()
    request.session[SESSION_KEY] = auth.to_session()
    request.session[ACTIVITY_KEY] = time.time()
    request.session.pop(EXPIRED_KEY, None)
    request.auth_context = auth


def auth_logout(request) -> None:
    for key in (SESSION_KEY, ACTIVITY_KEY):
        request.session.pop(key, None)
    request.session.cycle_key()
    request.auth_context = None


def auth_from_session(request) -> AuthContext | None:
    """The current login, or None; ends the login after too long without activity."""
    data = request.session.get(SESSION_KEY)
    if not data:
        return None
    last = request.session.get(ACTIVITY_KEY, 0)
    if time.time() - last > settings.SESSION_INACTIVITY_SECONDS:
        auth_logout(request)
        request.session[EXPIRED_KEY] = True
        return None
    request.session[ACTIVITY_KEY] = time.time()
    return AuthContext.from_session(data)
