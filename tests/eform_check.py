"""Send an e-form's check page as a person does: open it, then press the button on what it showed."""

import re

FINGERPRINT = re.compile(r'name="vingerafdruk" value="([0-9a-f]+)"')


def fingerprint_of(page) -> str:
    """The fingerprint of the draft a rendered check page showed ("" when there is none)."""
    found = FINGERPRINT.search(page.content.decode())
    return found.group(1) if found else ""


def confirm(client, check_url: str):
    """GET the check page, then POST its form with the fingerprint it carried."""
    return client.post(check_url, {"vingerafdruk": fingerprint_of(client.get(check_url))})


def send(client, form_url: str, data: dict):
    """Post the form (it must answer with its check page) and confirm that page; the response of the confirm."""
    response = client.post(form_url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    return confirm(client, response["Location"])
