"""Steps a person takes, shared by the journeys and the accessibility sweep."""


def digid_login(page, gemeente: str, bsn: str, level: str = "Midden", next_path: str = ""):
    page.goto(f"/{gemeente}/inloggen/" + (f"?next={next_path}" if next_path else ""))
    page.get_by_role("link", name="Inloggen met DigiD").click()
    page.get_by_label("Burgerservicenummer").fill(bsn)
    page.get_by_label(f"DigiD {level}").check()
    page.get_by_role("button", name="Inloggen", exact=True).click()


def eherkenning_login(page, gemeente: str, kvk: str, level: str = "EH3", vestiging: str = "",
                      medewerker: str = "J. de Vries"):
    page.goto(f"/{gemeente}/inloggen/")
    page.get_by_role("link", name="Inloggen met eHerkenning").click()
    page.get_by_label("KvK-nummer").fill(kvk)
    if vestiging:
        page.get_by_label("Vestigingsnummer (optioneel)").fill(vestiging)
    page.get_by_label(f"eHerkenning {level}", exact=True).check()
    page.get_by_label("Naam medewerker (optioneel)").fill(medewerker)
    page.get_by_role("button", name="Inloggen", exact=True).click()
