"""/admin/: functional administrators only; municipalities kept there with every value checked."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command

from zaken.admin_site import beheerrechten_sync
from zaken.models import Gemeente, GemeenteHost, GemeenteProduct, Product

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/zaken/gemeente/add/"
GOOD_TOKENS = {"--utrecht-heading-color": "#00404f",
               "--utrecht-document-font-family": "Verdana, 'DejaVu Sans', sans-serif"}


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser("root", "root@example.org", "x")


@pytest.fixture
def beheerder(db, settings):
    """A functional administrator: in the group, not a superuser, not even is_staff."""
    settings.BEHEER_GROUP = "functioneel beheer test"
    beheerrechten_sync()
    user = get_user_model().objects.create_user("fb", password="x")
    user.groups.add(Group.objects.get(name="functioneel beheer test"))
    return user


@pytest.fixture
def verhuizing_product(db):
    return Product.objects.get_or_create(slug="verhuizing", defaults={"upl_naam": "verhuizing"})[0]


def gemeente_post(product=None, hosts=("loket.nieuwegem.example",), **overrides):
    data = {
        "naam": "Nieuwegem", "slug": "nieuwegem", "gemeentecode": "9555", "rsin": "002220647", "actief": "on",
        "contact_email": "", "contact_telefoon": "", "website": "", "bezoekadres": "", "postadres": "",
        "welkomsttekst": "", "theme_kind": "database", "theme_package": "", "theme_tokens": json.dumps(GOOD_TOKENS),
        "hosts-TOTAL_FORMS": str(len(hosts)), "hosts-INITIAL_FORMS": "0", "hosts-MIN_NUM_FORMS": "0",
        "hosts-MAX_NUM_FORMS": "1000",
        "producten-TOTAL_FORMS": "1" if product else "0", "producten-INITIAL_FORMS": "0",
        "producten-MIN_NUM_FORMS": "0", "producten-MAX_NUM_FORMS": "1000",
    }
    for nr, host in enumerate(hosts):
        data[f"hosts-{nr}-hostname"] = host
    if product:
        data |= {"producten-0-product": str(product.pk), "producten-0-actief": "on", "producten-0-leges": "12.50",
                 "producten-0-min_level_digid": "midden", "producten-0-min_level_eherkenning": "",
                 "producten-0-termijnen": json.dumps({"aanvulling_termijn_dagen": 10}),
                 "producten-0-toelichting": "Tekst"}
    data.update(overrides)
    return data


def test_superuser_adds_a_municipality_with_hosts_products_and_tokens(client, superuser, verhuizing_product):
    client.force_login(superuser)
    assert client.get(ADD_URL).status_code == 200
    response = client.post(ADD_URL, gemeente_post(verhuizing_product, hosts=("Loket.Nieuwegem.Example",)))
    assert response.status_code == 302, response.context["adminform"].form.errors
    gemeente = Gemeente.objects.get(slug="nieuwegem")
    assert gemeente.theme_tokens == GOOD_TOKENS
    assert list(gemeente.hosts.values_list("hostname", flat=True)) == ["loket.nieuwegem.example"]
    gp = GemeenteProduct.objects.get(gemeente=gemeente)
    assert str(gp.leges) == "12.50" and gp.termijnen == {"aanvulling_termijn_dagen": 10}


@pytest.mark.parametrize("field,value,message", [
    ("slug", "Den_Haag", "Gebruik alleen kleine letters"),
    ("slug", "admin", "Dit pad gebruikt de site zelf"),
    ("gemeentecode", "518", "4 cijfers"),
    ("gemeentecode", "0000", "0000 is geen CBS-gemeentecode"),
    ("rsin", "123456789", "Dit is geen geldig RSIN"),
    ("theme_tokens", json.dumps({"--utrecht-heading-color": 'image-set("//evil.example/x.png" 1x)'}),
     "Token --utrecht-heading-color: de functie image-set() is niet toegestaan"),
    ("theme_tokens", json.dumps({"--utrecht-document-font-family": "'Foo"}), "Token --utrecht-document-font-family"),
    ("theme_tokens", json.dumps({"--evil": "red"}), "Token --evil: onbekend soort token"),
    ("theme_tokens", json.dumps(["--x-color"]), "Geef de tokens als een object"),
    ("theme_tokens", "{not json", "JSON"),
])
def test_bad_municipality_values_show_next_to_the_field_and_nothing_is_saved(client, superuser, field, value,
                                                                             message):
    client.force_login(superuser)
    response = client.post(ADD_URL, gemeente_post(**{field: value}))
    assert response.status_code == 200
    form = response.context["adminform"].form
    assert list(form.errors) == [field] and message in " ".join(form.errors[field])
    html = response.content.decode()
    assert f"errors field-{field}" in html  # the admin marks the field's own row
    assert not Gemeente.objects.filter(naam="Nieuwegem").exists() and not GemeenteHost.objects.exists()


def test_package_theme_must_name_a_known_package(client, superuser):
    client.force_login(superuser)
    response = client.post(ADD_URL, gemeente_post(theme_kind="package", theme_package="amsterdam"))
    assert response.status_code == 200 and "theme_package" in response.context["adminform"].form.errors
    response = client.post(ADD_URL, gemeente_post(theme_kind="package", theme_package=""))
    assert "Kies het token-pakket" in " ".join(response.context["adminform"].form.errors["theme_package"])
    assert not Gemeente.objects.filter(slug="nieuwegem").exists()


@pytest.mark.parametrize("hostname", ["https://loket.example", "loket.example/pad", "localhost", "-x.example",
                                      "loket.example:8000", "lo ket.example", "a" * 64 + ".example"])
def test_bad_host_names_are_refused(client, superuser, hostname):
    client.force_login(superuser)
    response = client.post(ADD_URL, gemeente_post(hosts=(hostname,)))
    assert response.status_code == 200
    [host_errors] = [fs.formset.errors for fs in response.context["inline_admin_formsets"]
                     if fs.formset.prefix == "hosts"]
    assert "Vul alleen een hostnaam in" in str(host_errors)
    assert not Gemeente.objects.filter(slug="nieuwegem").exists()


def test_host_name_of_another_municipality_is_refused(client, superuser, gemeente_a):
    GemeenteHost.objects.create(gemeente=gemeente_a, hostname="loket.gemeente-a.example")
    client.force_login(superuser)
    response = client.post(ADD_URL, gemeente_post(hosts=("LOKET.gemeente-a.example",)))
    assert response.status_code == 200 and "bestaat al" in response.content.decode()
    assert not Gemeente.objects.filter(slug="nieuwegem").exists()


@pytest.mark.parametrize("field,value,message", [
    ("leges", "-1", "Leges kunnen niet negatief zijn"),
    ("min_level_digid", "EH3", "geen beschikbare keuze"),
    ("min_level_eherkenning", "hoog", "geen beschikbare keuze"),
    ("min_level_eherkenning", "EH3", "niet met eHerkenning aan te vragen"),
    ("termijnen", json.dumps({"onbekend": 5}), "onbekend: onbekende instelling"),
    ("termijnen", json.dumps({"aanvulling_termijn_dagen": "14"}), "vul een heel getal"),
    ("termijnen", json.dumps({"aanvulling_termijn_dagen": 1.5}), "vul een heel getal"),
    ("termijnen", json.dumps({"aanvulling_termijn_dagen": -3}), "vul een heel getal"),
    ("termijnen", json.dumps({"aanvulling_termijn_dagen": 99999}), "vul een heel getal"),
    ("termijnen", json.dumps({"aanvulling_termijn_dagen": True}), "vul een heel getal"),
    ("termijnen", json.dumps({"aanvulling_termijn_dagen": 0}), "minstens 1 dag"),
    ("termijnen", json.dumps([1, 2]), "Geef de termijnen als een object"),
])
def test_bad_product_values_are_refused(client, superuser, verhuizing_product, field, value, message):
    client.force_login(superuser)
    response = client.post(ADD_URL, gemeente_post(verhuizing_product, **{f"producten-0-{field}": value}))
    assert response.status_code == 200
    [product_form] = [fs.formset.forms[0] for fs in response.context["inline_admin_formsets"]
                      if fs.formset.prefix == "producten"]
    assert list(product_form.errors) == [field] and message in " ".join(product_form.errors[field])
    assert f"errors field-{field}" in response.content.decode()
    assert not Gemeente.objects.filter(slug="nieuwegem").exists() and not GemeenteProduct.objects.exists()


def test_change_with_a_bad_token_keeps_the_old_values(client, superuser, gemeente_a):
    gemeente_a.theme_kind, gemeente_a.theme_tokens = "database", GOOD_TOKENS
    gemeente_a.save()
    client.force_login(superuser)
    url = f"/admin/zaken/gemeente/{gemeente_a.pk}/change/"
    assert client.get(url).status_code == 200
    data = gemeente_post(hosts=(), naam=gemeente_a.naam, slug=gemeente_a.slug, gemeentecode=gemeente_a.gemeentecode,
                         theme_tokens=json.dumps({**GOOD_TOKENS, "--utrecht-link-color": "url(//evil.example/)"}))
    response = client.post(url, data)
    assert response.status_code == 200 and "Token --utrecht-link-color" in response.content.decode()
    gemeente_a.refresh_from_db()
    assert gemeente_a.theme_tokens == GOOD_TOKENS


@pytest.mark.parametrize("url", ["/admin/", "/admin/viewflow/process/", "/admin/viewflow/task/",
                                 "/admin/zaken/gemeente/", ADD_URL, "/admin/auth/user/"])
def test_civil_servant_with_is_staff_is_refused(client, make_medewerker, gemeente_a, url):
    user = make_medewerker("anna", gemeente_a, group="coördinator")
    assert user.is_staff and user.has_perm("viewflow.view_process")
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    login_page = client.get(response["Location"])
    assert login_page.status_code == 200
    assert "maar niet bevoegd om deze pagina te bekijken" in login_page.content.decode()


def test_civil_servant_cannot_log_in_to_the_admin(client, make_medewerker, gemeente_a):
    make_medewerker("anna", gemeente_a)
    response = client.post("/admin/login/", {"username": "anna", "password": "x", "next": "/admin/"})
    assert response.status_code == 200 and "account voor functioneel beheer" in response.content.decode()
    assert client.get("/admin/").status_code == 302


def test_civil_servant_cannot_post_to_the_admin(client, make_medewerker, gemeente_a):
    client.force_login(make_medewerker("anna", gemeente_a))
    response = client.post(ADD_URL, gemeente_post())
    assert response.status_code == 302 and not Gemeente.objects.filter(slug="nieuwegem").exists()


def test_functional_administrator_keeps_municipalities_but_not_processes(client, beheerder, gemeente_a):
    assert not beheerder.is_staff
    client.force_login(beheerder)
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/zaken/gemeente/").status_code == 200
    assert client.get(f"/admin/zaken/gemeente/{gemeente_a.pk}/change/").status_code == 200
    assert client.get("/admin/viewflow/process/").status_code == 403
    assert client.get("/admin/auth/user/").status_code == 403


def test_functional_administrator_logs_in_through_the_admin_form(client, beheerder):
    response = client.post("/admin/login/", {"username": "fb", "password": "x", "next": "/admin/"})
    assert response.status_code == 302 and response["Location"] == "/admin/"


def test_superuser_still_sees_viewflow_processes(client, superuser):
    client.force_login(superuser)
    assert client.get("/admin/viewflow/process/").status_code == 200


def test_backoffice_rechten_gives_the_group_its_admin_rights(db):
    call_command("backoffice_rechten", verbosity=0)
    group = Group.objects.get(name="functioneel beheerder")
    codenames = set(group.permissions.values_list("codename", flat=True))
    assert {"change_gemeente", "add_gemeentehost", "change_gemeenteproduct", "view_product"} <= codenames
    assert "delete_gemeente" not in codenames


def unchanged_post(response) -> dict:
    """The POST data of an admin change page as it was rendered: the form and its inlines unchanged."""
    forms = [response.context["adminform"].form]
    for inline in response.context["inline_admin_formsets"]:
        forms += [inline.formset.management_form, *inline.formset.forms]
    data = {}
    for form in forms:
        for name in form.fields:
            value = form[name].value()
            if value is None or value is False or hasattr(value, "url"):
                continue
            data[form.add_prefix(name)] = "on" if value is True else value
    return data


def test_demo_municipalities_save_unchanged(client, superuser, settings):
    call_command("demo_data", zonder_zaken=True, verbosity=0)
    client.force_login(superuser)
    for gemeente in Gemeente.objects.all():
        url = f"/admin/zaken/gemeente/{gemeente.pk}/change/"
        response = client.post(url, unchanged_post(client.get(url)))
        assert response.status_code == 302, (gemeente.slug, response.context["adminform"].form.errors,
                                             [fs.formset.errors for fs in response.context["inline_admin_formsets"]])
    assert Gemeente.objects.get(slug="hellevoetsluis").theme_tokens["--utrecht-heading-color"] == "#00404f"


@pytest.mark.parametrize("field", ["slug", "gemeentecode"])
def test_slug_and_gemeentecode_are_unique(client, superuser, gemeente_a, field):
    client.force_login(superuser)
    response = client.post(ADD_URL, gemeente_post(**{field: getattr(gemeente_a, field)}))
    assert response.status_code == 200 and list(response.context["adminform"].form.errors) == [field]
    assert "bestaat al" in response.content.decode()


def test_functional_administrator_adds_a_decree_day_that_terms_count_at_once(client, beheerder):
    from datetime import date

    from zaken.termijnen import is_werkdag, werkdagen_na

    day = date(2029, 5, 11)  # the Friday after Ascension 2029: a future decree may add it
    assert is_werkdag(day) and werkdagen_na(date(2029, 5, 9), 1) == date(2029, 5, 11)
    client.force_login(beheerder)
    response = client.post("/admin/zaken/atwbesluitdag/add/", {
        "datum": "2029-05-11", "besluit": "Koninklijk besluit art. 3 lid 3 Atw 2029-2031", "toelichting": ""})
    assert response.status_code == 302
    assert not is_werkdag(day) and werkdagen_na(date(2029, 5, 9), 1) == date(2029, 5, 14)
    duplicate = client.post("/admin/zaken/atwbesluitdag/add/", {"datum": "2029-05-11", "besluit": "nogmaals"})
    assert duplicate.status_code == 200 and "bestaat al" in duplicate.content.decode()
