"""Walk a renewal as the citizen does: form, check page, the provider's page, back to the tracker."""

from tests.eform_check import confirm
from zaken.processes.rijbewijs.models import Rijbewijs

FORM = "/rotterdam/aanvragen/rijbewijs/"
SUZANNE = "999993653"  # Rotterdam, B and BE, photo and signature approved


def aanvragen(client, data) -> tuple:
    """Form and check page; returns (response of the check POST, Rijbewijs or None)."""
    response = client.post(FORM, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    response = confirm(client, response["Location"])
    return response, Rijbewijs.objects.order_by("-pk").first()


def betalen(client, checkout_url: str, keuze: str = "betalen"):
    """Choose on the mock provider's page and follow the return; the response of the return."""
    response = client.post(checkout_url, {"keuze": keuze})
    assert response.status_code == 302, (checkout_url, response.status_code, response.content.decode()[-1500:])
    return client.get(response["Location"])
