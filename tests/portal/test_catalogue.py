import pytest

from tests.wegwerp import wegwerp_product

pytestmark = pytest.mark.django_db


def test_root_lists_demo_municipalities(client, demo):
    html = client.get("/").content.decode()
    for naam in ("Den Haag", "Rotterdam", "Hellevoetsluis"):
        assert naam in html


@pytest.mark.parametrize("slug,theme", [("den-haag", "denhaag-theme"), ("rotterdam", "voorbeeld-theme"),
                                        ("hellevoetsluis", "samenloket-db-theme")])
def test_catalogue_in_municipality_theme(client, demo, slug, theme):
    response = client.get(f"/{slug}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert theme in html
    for upl in ("Verhuismelding", "Overlijdensaangifte", "Rijbewijs verlengen", "Evenementenvergunning",
                "Parkeervergunning"):
        assert upl in html


def test_product_without_process_says_so(client, demo):
    slug = wegwerp_product()
    response = client.get(f"/rotterdam/aanvragen/{slug}/")
    assert response.status_code == 200
    assert "nog niet online aanvragen" in response.content.decode()


def test_unknown_municipality_is_404_in_default_theme(client, demo):
    response = client.get("/atlantis/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Pagina niet gevonden" in html and "voorbeeld-theme" in html


def test_host_name_resolves_municipality_without_prefix(client, demo):
    response = client.get("/", HTTP_HOST="den-haag.localhost")
    assert response.status_code == 200
    assert "denhaag-theme" in response.content.decode()
    login = client.get("/mijn-zaken/", HTTP_HOST="den-haag.localhost")
    assert login.status_code == 302 and login["Location"].startswith("/inloggen/?next=")


def test_database_theme_stylesheet_only_keeps_clean_tokens(client, demo):
    g = demo["hellevoetsluis"]
    g.theme_tokens = {**g.theme_tokens, "--evil": "red;}</style><script>alert(1)</script>",
                      "--utrecht-x": "url(https://evil.example/x.png)", "not-a-token": "red"}
    g.save()
    css = client.get("/thema/hellevoetsluis.css").content.decode()
    assert css.startswith(".samenloket-db-theme {")
    assert "--utrecht-heading-color: #00404f;" in css
    assert "evil" not in css and "script" not in css and "not-a-token" not in css
    assert client.get("/thema/den-haag.css").status_code == 404  # a package theme has no token sheet
