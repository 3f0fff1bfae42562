"""The BSN look-up of step 1: logged with the acting subject, limited per hour, showing only name and birth."""

import pytest

from zaken.models import AuditLog
from zaken.services import subject_hash

from .helpers import FORM, MAAS, PERSOON, STEP1

pytestmark = pytest.mark.django_db


def test_every_lookup_is_logged_with_the_acting_subject_and_never_the_bsn(client, demo, maas):
    assert client.post(FORM, STEP1).status_code == 302
    entry = AuditLog.objects.get(name="brp_opzoeken")
    assert entry.operation == "read" and entry.actor_type == "bedrijf" and entry.gemeente.slug == "rotterdam"
    assert "urn:test:medewerker" in entry.actor_label and "Uitvaartcentrum De Maas" in entry.actor_label
    assert entry.data_subject_hash == subject_hash(PERSOON) and entry.reason and entry.processing_activity
    values = [str(v) for v in AuditLog.objects.filter(pk=entry.pk).values().get().values()]
    assert not any(PERSOON in v for v in values)


def test_lookups_are_limited_per_acting_subject(client, demo, maas, eherkenning_login):
    gp = demo["rotterdam"].producten.get(product__slug="aangifte-overlijden")
    gp.termijnen = {"brp_opzoekingen_per_uur": 2}
    gp.save()
    for _ in range(2):
        assert client.post(FORM, STEP1).status_code == 302
    response = client.post(FORM, STEP1)
    html = response.content.decode()
    assert response.status_code == 400 and "al 2 keer een persoon opgezocht" in html
    assert 'id="id_bsn_error"' in html  # next to the BSN field
    assert AuditLog.objects.filter(name="brp_opzoeken").count() == 2  # the refused one read nothing
    # Another employee of the same company has a counter of their own.
    from tests.conftest import login_session
    from zaken.identity import AuthContext

    login_session(client, AuthContext.now(means="eherkenning", level="EH3", kvk_nummer=MAAS,
                                          company_name="Uitvaartcentrum De Maas B.V.",
                                          acting_subject="urn:test:andere-medewerker"))
    assert client.post(FORM, STEP1).status_code == 302


def test_unknown_bsns_count_too(client, demo, maas):
    gp = demo["rotterdam"].producten.get(product__slug="aangifte-overlijden")
    gp.termijnen = {"brp_opzoekingen_per_uur": 1}
    gp.save()
    assert "komt niet voor" in client.post(FORM, {**STEP1, "bsn": "111222333"}).content.decode()
    assert "keer een persoon opgezocht" in client.post(FORM, STEP1).content.decode()


def test_only_name_and_birth_date_are_shown_and_kept(client, demo, maas, death_form):
    from zaken.forms.overlijden.rules import adresregel, burgerlijke_staat
    from zaken.integrations.registry import get_adapter

    persoon = get_adapter("brp").persoon(PERSOON)
    client.post(FORM, STEP1)
    draft = client.session["overlijden.concept"]
    assert set(draft["overledene"]) == {"naam", "geboortedatum_lang", "geboren_vanaf"}
    page = client.get(FORM + "overlijden/").content.decode()
    assert persoon["naam"]["volledigeNaam"] in page and persoon["geboorte"]["datum"]["langFormaat"] in page
    straat = persoon["verblijfplaats"]["verblijfadres"]["officieleStraatnaam"]
    assert adresregel(persoon) and straat not in page and burgerlijke_staat(persoon) not in page
    assert "Burgerlijke staat" not in page
    assert client.post(FORM + "overlijden/", death_form()).status_code == 302
    check = client.get(FORM + "controleren/").content.decode()
    assert straat not in check and "Burgerlijke staat" not in check
