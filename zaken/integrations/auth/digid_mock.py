"""DigiD mock: asks what DigiD would assert (BSN and level) and checks the BSN as DigiD does."""

from django.utils.translation import gettext as _

from zaken.identity import DIGID, DIGID_AUTHN_CONTEXT, AuthContext

from ..brp.base import Doel
from ..errors import IntegrationError
from ..registry import get_adapter, registries
from .base import AuthAdapter
from .forms import DigidMockForm


# The name shown while logged in: nothing else of the person is asked.
BRP_VELDEN = ("naam.volledigeNaam",)
BRP_DOEL = Doel(doelbinding="inloggen", verwerking="inloggen: naam tonen")


def _display_name(bsn: str, gemeente=None) -> tuple[str, bool]:
    """The name from the BRP, and whether the BRP answered."""
    try:
        persoon = get_adapter("brp", gemeente).persoon(bsn, BRP_VELDEN, doel=BRP_DOEL)
    except IntegrationError:
        return "", False
    return persoon.get("naam", {}).get("volledigeNaam", ""), True


@registries["digid"]("digid-mock")
class DigidMock(AuthAdapter):
    is_mock = True
    means = DIGID
    verbose_name = "DigiD (testomgeving)"

    def handle(self, request, *, render, context):
        form = DigidMockForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            bsn = form.cleaned_data["bsn"].zfill(9)
            level = form.cleaned_data["level"]
            name, brp_ok = _display_name(bsn, getattr(request, "gemeente", None))
            return AuthContext.now(
                means=DIGID, level=level, bsn=bsn, display_name=name,
                extra={"authn_context": DIGID_AUTHN_CONTEXT[level], "brp_unavailable": not brp_ok},
            )
        return render("integrations/mock_login.html", {**context, "form": form,
                                                         "title": _("Inloggen met DigiD")})
