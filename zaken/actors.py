"""Who performs an action: a civil servant, a process step, a citizen or a company."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .identity import AuthContext


@dataclass(frozen=True)
class Actor:
    kind: str  # one of AuditLog.Actor
    label: str
    user: Any = None
    auth: AuthContext | None = None

    @classmethod
    def system(cls, step: str) -> Actor:
        return cls(kind="systeem", label=f"Samenloket ({step})")

    @classmethod
    def medewerker(cls, user) -> Actor:
        return cls(kind="medewerker", label=user.get_full_name() or user.get_username(), user=user)

    @classmethod
    def api(cls, client) -> Actor:
        """An API client (zaken.api ApiClient): logged like a civil servant, under its own kind."""
        return cls(kind="applicatie", label=f"{client.applicatie.label} ({client})")

    @classmethod
    def from_auth(cls, auth: AuthContext) -> Actor:
        if auth.is_eherkenning:
            who = auth.display_name or auth.acting_subject
            return cls(kind="bedrijf", label=f"{auth.company_name} ({who})", auth=auth)
        return cls(kind="burger", label=auth.display_name or "aanvrager", auth=auth)
