"""Steps a person takes, shared by the journeys and the accessibility sweep.

Each login helper returns only once the login has finished: the form's response has loaded and, when
the login succeeds (the default), the logged-in page shows its logout button.
"""

from playwright.sync_api import expect


def _submit_login(page, *, succeeds: bool):
    with page.expect_navigation():
        page.get_by_role("button", name="Inloggen", exact=True).click()
    if succeeds:
        expect(page.get_by_role("button", name="Uitloggen", exact=True).first).to_be_visible()


def digid_login(page, gemeente: str, bsn: str, level: str = "Midden", next_path: str = "", succeeds: bool = True):
    page.goto(f"/{gemeente}/inloggen/" + (f"?next={next_path}" if next_path else ""))
    page.get_by_role("link", name="Inloggen met DigiD").click()
    page.get_by_label("Burgerservicenummer").fill(bsn)
    page.get_by_label(f"DigiD {level}").check()
    _submit_login(page, succeeds=succeeds)


def eherkenning_login(page, gemeente: str, kvk: str, level: str = "EH3", vestiging: str = "",
                      medewerker: str = "J. de Vries", succeeds: bool = True):
    page.goto(f"/{gemeente}/inloggen/")
    page.get_by_role("link", name="Inloggen met eHerkenning").click()
    page.get_by_label("KvK-nummer").fill(kvk)
    if vestiging:
        page.get_by_label("Vestigingsnummer (optioneel)").fill(vestiging)
    page.get_by_label(f"eHerkenning {level}", exact=True).check()
    page.get_by_label("Naam medewerker (optioneel)").fill(medewerker)
    _submit_login(page, succeeds=succeeds)


def backoffice_login(page, username: str, password: str = "Samenloket-demo-2026"):
    """The civil servant's login form; returns on the first page after it, with its menu."""
    page.goto("/behandelen/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(password)
    # The back office submits through Turbo (fetch and pushState, no page load): wait for the URL.
    page.get_by_role("button", name="Inloggen", exact=True).click()
    page.wait_for_url(lambda url: "/accounts/login/" not in url)
    page.wait_for_load_state("networkidle")
