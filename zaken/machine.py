"""The base of every process's case model: a django-fsm machine bound to one Zaak.

The state field is protected: only transitions change it. Each transition takes `by` (an Actor)
and optionally `toelichting`; the post_transition hook turns it into a public Status row.
"""

from django.db import models
from django_fsm import ConcurrentTransitionMixin

from .models import Zaak


class CaseMachine(ConcurrentTransitionMixin, models.Model):
    zaak = models.OneToOneField(Zaak, on_delete=models.CASCADE, related_name="%(app_label)s_case")

    # state -> public statustype code; a state missing here is internal (no new public status).
    PUBLIC_STATUS: dict[str, str] = {}

    class Meta:
        abstract = True

    def public_status_for(self, state: str) -> str | None:
        return self.PUBLIC_STATUS.get(state)
