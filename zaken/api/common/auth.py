"""ZGW authentication: a JWT (HS256) per request in `Authorization: Bearer`, signed with the client's secret.

The payload names the client (`client_id`, plus `iss`, `iat`, `user_id`, `user_representation` as the
standard describes). A token without a valid signature, from an unknown or inactive client, expired
(`exp`) or older than ZGW_API["JWT_MAX_AGE"] seconds (`iat`) is refused with a 403 `Fout`; no header at
all is a 401 (`not_authenticated`), as the VNG specs list both.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import jwt
from django.conf import settings
from django.utils.translation import gettext as _
from rest_framework import authentication, exceptions, permissions

from ..models import Applicatie, Autorisatie


def api_setting(name: str):
    return settings.ZGW_API[name]


@dataclass
class ApiClient:
    """request.user for an API request: the application and its authorisations, loaded once."""

    applicatie: Applicatie
    autorisaties: list[Autorisatie]
    claims: dict

    is_authenticated = True
    is_anonymous = False
    is_active = True
    is_staff = False
    is_superuser = False
    pk = None

    @property
    def gemeente(self):
        return self.applicatie.gemeente

    def scopes(self, component: str) -> set[str]:
        return {s for a in self.autorisaties if a.component == component for s in a.scopes}

    def has_scope(self, component: str, scope: str) -> bool:
        return scope in self.scopes(component)

    def __str__(self):
        return self.claims.get("user_representation") or self.applicatie.client_id


class TokenRefused(exceptions.PermissionDenied):
    pass


class ZGWJWTAuthentication(authentication.BaseAuthentication):
    def authenticate(self, request):
        header = authentication.get_authorization_header(request).split()
        if not header:
            return None  # DRF answers 401 not_authenticated (see authenticate_header)
        if header[0].lower() != b"bearer" or len(header) != 2:
            raise TokenRefused(_("Het Authorization-header moet 'Bearer <JWT>' zijn."))
        token = header[1].decode("latin-1")
        try:
            unverified = jwt.decode(token, options={"verify_signature": False})
        except jwt.InvalidTokenError:
            raise TokenRefused(_("Het JWT is ongeldig.")) from None
        client_id = unverified.get("client_id") or unverified.get("iss")
        applicatie = (Applicatie.objects.select_related("gemeente").prefetch_related("autorisaties")
                      .filter(client_id=client_id, actief=True, gemeente__actief=True).first()
                      if isinstance(client_id, str) else None)
        if applicatie is None:
            raise TokenRefused(_("Onbekende of inactieve client_id: de functioneel beheerder van de gemeente legt de applicatie vast."))
        leeway = api_setting("JWT_LEEWAY")
        try:
            claims = jwt.decode(token, applicatie.secret, algorithms=["HS256"], leeway=leeway,
                                options={"require": ["iat"], "verify_aud": False})
        except jwt.ExpiredSignatureError:
            raise TokenRefused(_("Het JWT is verlopen (exp): maak een nieuw JWT aan.")) from None
        except jwt.InvalidTokenError:
            raise TokenRefused(_("De handtekening van het JWT klopt niet: onderteken met HS256 en het geheim van de applicatie.")) from None
        if time.time() - float(claims["iat"]) > api_setting("JWT_MAX_AGE") + leeway:
            raise TokenRefused(_("Het JWT is te oud (iat): maak een nieuw JWT aan."))
        return ApiClient(applicatie, list(applicatie.autorisaties.all()), claims), token

    def authenticate_header(self, request):
        return "Bearer"


class HasScope(permissions.BasePermission):
    """The view's `component` and, per action, `required_scopes` (e.g. {"list": "catalogi.lezen"}); a tuple
    of scopes means any one of them (e.g. ("notificaties.consumeren", "notificaties.publiceren"))."""

    def has_permission(self, request, view):
        client = request.user
        if not isinstance(client, ApiClient):
            return False
        if getattr(view, request.method.lower(), None) is None:
            return True  # no such operation here: the view answers 405, not 403
        scope = view.required_scopes.get(getattr(view, "action", None) or request.method.lower())
        if scope is None:
            return False
        return any(client.has_scope(view.component, one) for one in ((scope,) if isinstance(scope, str) else scope))
