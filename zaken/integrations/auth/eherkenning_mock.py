"""eHerkenning mock: KvK-nummer, optional vestiging and level, checked against the KvK register."""

import hashlib

from django.utils.translation import gettext as _

from zaken.identity import EHERKENNING, EHERKENNING_AUTHN_CONTEXT, AuthContext

from ..errors import NotFound, Unavailable
from ..registry import get_adapter, registries
from .base import AuthAdapter
from .forms import EherkenningMockForm


def acting_subject_id(kvk: str, medewerker: str) -> str:
    """A stable pseudonym per employee, as the real ActingSubjectID is (never a name or BSN)."""
    digest = hashlib.sha256(f"{kvk}:{medewerker.strip().lower()}".encode()).hexdigest()[:24]
    return f"urn:etoegang:1.9:EntityConcernedID:KvKnr:{kvk}:pseudo:{digest}"


@registries["eherkenning"]("eherkenning-mock")
class EherkenningMock(AuthAdapter):
    is_mock = True
    means = EHERKENNING
    verbose_name = "eHerkenning (testomgeving)"

    def handle(self, request, *, render, context):
        form = EherkenningMockForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            auth = self._authenticate(form, getattr(request, "gemeente", None))
            if auth is not None:
                return auth
        return render("integrations/mock_login.html", {**context, "form": form,
                                                               "title": _("Inloggen met eHerkenning")})

    def _authenticate(self, form, gemeente) -> AuthContext | None:
        kvk = form.cleaned_data["kvk_nummer"]
        vestiging = form.cleaned_data["vestigingsnummer"]
        try:
            kvk_register = get_adapter("kvk", gemeente)
            profiel = kvk_register.basisprofiel(kvk)
            vestigingen = {v["vestigingsnummer"] for v in kvk_register.vestigingen(kvk)}
        except NotFound:
            form.add_error("kvk_nummer", _("Dit KvK-nummer is niet bekend bij de Kamer van Koophandel. "
                                           "Controleer het nummer (8 cijfers)."))
            return None
        except Unavailable:
            form.add_error(None, _("Het Handelsregister is op dit moment niet bereikbaar. "
                                   "Probeer het over enkele minuten opnieuw."))
            return None
        if vestiging and vestiging not in vestigingen:
            form.add_error("vestigingsnummer", _("Dit vestigingsnummer hoort niet bij dit KvK-nummer. "
                                                 "Laat het veld leeg of vul een vestiging van uw organisatie in."))
            return None
        medewerker = form.cleaned_data["medewerker"] or _("Medewerker")
        level = form.cleaned_data["level"]
        return AuthContext.now(
            means=EHERKENNING, level=level, kvk_nummer=kvk, vestigingsnummer=vestiging,
            rsin=profiel.get("_embedded", {}).get("eigenaar", {}).get("rsin", ""),
            acting_subject=acting_subject_id(kvk, medewerker), company_name=profiel.get("naam", ""),
            display_name=medewerker, extra={"authn_context": EHERKENNING_AUTHN_CONTEXT[level]},
        )
