"""Login adapters. A login either finishes with an AuthContext or returns a page to show.

`handle(request, render=...)` is the whole contract, so a SAML adapter for the real DigiD or
eHerkenning (redirect to the broker, assertion consumer service) fits the same portal view as the
mock's form.
"""

from __future__ import annotations

from typing import Callable

from django.http import HttpResponse

from zaken.identity import AuthContext

from ..registry import BaseAdapter

Render = Callable[[str, dict], HttpResponse]


class AuthAdapter(BaseAdapter):
    means = ""

    def handle(self, request, *, render: Render, context: dict) -> AuthContext | HttpResponse:
        raise NotImplementedError
