"""The AuthContext in the session, with DigiD's inactivity limit.

DigiD allows at most 15 minutes of inactivity (SESSION_INACTIVITY_SECONDS, 900). The last activity is
stored at most once a minute (zaken.security.activity_touch), so that pages that change nothing do not
write the session; the stored time lags the real last request by under 60 s, and a login therefore ends
after between 14 and 15 minutes of silence: up to a minute early, never late.

Logout, the inactivity limit and every new login flush the whole session: the login, every e-form
draft and the draft's uploads go together, so the next person on the same browser finds nothing.
"""

import time

from django.conf import settings

from zaken.concepten import draft_uploads_delete
from zaken.identity import AuthContext
from zaken.security import activity_touch

SESSION_KEY = "samenloket.auth"
ACTIVITY_KEY = "samenloket.last_activity"
EXPIRED_KEY = "samenloket.expired"


def _session_end(request) -> None:
    draft_uploads_delete(request.session)
    request.session.flush()  # empties the store and gives a new session id (session fixation)


def auth_login(request, auth: AuthContext) -> None:
    _session_end(request)
    request.session[SESSION_KEY] = auth.to_session()
    request.session[ACTIVITY_KEY] = time.time()
    request.auth_context = auth


def auth_logout(request) -> None:
    _session_end(request)
    request.auth_context = None


def auth_from_session(request) -> AuthContext | None:
    """The current login, or None; ends the login after too long without activity."""
    data = request.session.get(SESSION_KEY)
    if not data:
        return None
    now = time.time()
    if now - request.session.get(ACTIVITY_KEY, 0) > settings.SESSION_INACTIVITY_SECONDS:
        auth_logout(request)
        request.session[EXPIRED_KEY] = True  # in the fresh session: the login page explains why
        return None
    activity_touch(request.session, ACTIVITY_KEY, now)
    return AuthContext.from_session(data)
