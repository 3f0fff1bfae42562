"""The one HTTP call: POST a message to a subscriber, with a time-out, never logging its secret."""

from __future__ import annotations

import requests
from django.conf import settings

from .callback import CallbackRefused, check_callback_url


def post_message(*, url: str, auth: str, body: dict, message_id: str) -> tuple[int | None, str]:
    """(HTTP status, error text); status None when no answer came (refused, time-out, DNS)."""
    headers = {"Content-Type": "application/json", "X-Notificatie-Id": message_id}
    if auth:
        headers["Authorization"] = auth
    try:
        check_callback_url(url)  # again at delivery: a name may resolve to an internal address by now
    except CallbackRefused:
        return None, "CallbackRefused"
    try:
        response = requests.post(url, json=body, headers=headers, timeout=settings.ZGW_NOTIFICATIES_TIMEOUT,
                                 allow_redirects=False)
    except requests.RequestException as exc:
        return None, type(exc).__name__
    return response.status_code, "" if response.ok else f"HTTP {response.status_code}"
