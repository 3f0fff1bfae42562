"""Who may report a move for whom (domain.md §1), on households of the RvIG test set.

The date is pinned: ages decide the relations, and the test persons grow older (Paolo turns 18 on
1 January 2027, Mirik 17 on 1 January 2027). Every age below is the age on PINNED.
"""

from dataclasses import replace
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.test import override_settings
from django.utils import timezone

from tests.eform_check import confirm
from zaken.admin_forms import term_errors
from zaken.forms.verhuizing.huishouden import Huisgenoot, Relatie, huishouden_bepalen
from zaken.forms.verhuizing.prefill import verhuizing_prefill
from zaken.integrations.registry import get_adapter
from zaken.models import Gemeente
from zaken.processes.verhuizing.definition import DEFAULT_TERMS
from zaken.processes.verhuizing.models import Verhuizing
from zaken.processes.verhuizing.services import Aangifte, VerhuizingRefused, verhuizing_indienen

from .conftest import digid

pinned = datetime(2026, 11, 30, 12, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))
pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(pinned)]

# Households of the RvIG test set (data/rvig-testset), ages on the pinned date.
GERRIT, WILMA, ZOEY, ALEXANDER = "999994542", "999993112", "999995807", "999995832"  # married; children 8 and 17
JAN, PAOLO = "999990792", "999990408"  # father and son of 17, 's-Gravenhage
ESTRELLA, MIRIK = "999997610", "999992089"  # mother and son of 16, Rotterdam
JANE, SORAYA = "999990664", "999993823"  # mother and daughter of 26, Rotterdam
NICOLE, REINDERT, REMI, ROMEO = "999993380", "999993719", "999991243", "999992594"  # registered partners, twins 24
WEI_WEI, JUNZHUO, SUNNY = "999991966", "999993070", "999990299"  # parents not married or registered; son 27
NIKLAS, TESSA = "999990159", "999993598"  # registered partnership dissolved, still at one address
ALBERT, MINA = "999992570", "999992983"  # housemates
BETS, FIEN = "999999424", "999999382"  # Fien (11) lives with Bets but is not her child, Rotterdam
CORNELIS, ELIAS = "999996733", "999996794"  # brothers of 25 and 13, with their parents, Amsterdam
HEIN = "999999412"  # 6, Rotterdam


def huishouden(bsn, **terms):
    vandaag = timezone.localdate()
    return verhuizing_prefill(bsn=bsn, vandaag=vandaag, terms={**DEFAULT_TERMS, **terms}).huishouden


def relaties(h):
    return {g.bsn: g.code for g in h.meeverhuizers}


def zelf(h):
    return {g.bsn: g.uitleg for g in h.zelf_aangifte}


def test_pinned_ages():
    vandaag = timezone.localdate()
    personen = {p["burgerservicenummer"]: p for p in get_adapter("brp").personen([PAOLO, MIRIK, ZOEY, ALEXANDER])}
    from zaken.forms.verhuizing.huishouden import leeftijd

    assert {bsn: leeftijd(p, vandaag) for bsn, p in personen.items()} == {PAOLO: 17, MIRIK: 16, ZOEY: 8,
                                                                          ALEXANDER: 17}


# -- each relation ---------------------------------------------------------------------------

def test_spouses_report_for_each_other():
    h = huishouden(GERRIT)
    assert relaties(h)[WILMA] == Relatie.PARTNER
    assert {g.relatie for g in h.meeverhuizers if g.bsn == WILMA} == {"echtgeno(o)t(e)"}
    assert relaties(huishouden(WILMA))[GERRIT] == Relatie.PARTNER


def test_registered_partners_report_for_each_other():
    h = huishouden(NICOLE)
    assert relaties(h)[REINDERT] == Relatie.PARTNER
    assert {g.relatie for g in h.meeverhuizers if g.bsn == REINDERT} == {"geregistreerd partner"}
    assert relaties(huishouden(REINDERT))[NICOLE] == Relatie.PARTNER


def test_parent_reports_for_child_under_16():
    h = huishouden(WILMA)
    assert relaties(h)[ZOEY] == Relatie.MINDERJARIG_KIND
    assert next(g for g in h.meeverhuizers if g.bsn == ZOEY).uitleg == ""


@pytest.mark.parametrize("ouder,kind,jaren", [(ESTRELLA, MIRIK, 16), (JAN, PAOLO, 17), (GERRIT, ALEXANDER, 17)])
def test_parent_reports_for_child_of_16_or_17_living_at_home(ouder, kind, jaren):
    h = huishouden(ouder)
    assert relaties(h)[kind] == Relatie.MINDERJARIG_KIND
    uitleg = next(g for g in h.meeverhuizers if g.bsn == kind).uitleg
    assert f"Is {jaren} jaar" in uitleg and "tenzij hij of zij dat zelf doet" in uitleg


def test_parent_reports_for_adult_child_living_together():
    h = huishouden(JANE)
    assert relaties(h) == {SORAYA: Relatie.MEERDERJARIG_KIND}
    assert {g.relatie for g in h.meeverhuizers} == {"meerderjarig kind"}


def test_adult_child_reports_for_parent_living_together():
    assert relaties(huishouden(SORAYA)) == {JANE: Relatie.OUDER}
    # The twins may report both their parents, but not each other.
    h = huishouden(REMI)
    assert relaties(h) == {NICOLE: Relatie.OUDER, REINDERT: Relatie.OUDER}
    assert "huisgenoot" in zelf(h)[ROMEO]


def test_unmarried_partners_report_themselves():
    h = huishouden(WEI_WEI)
    assert relaties(h) == {SUNNY: Relatie.MEERDERJARIG_KIND}  # their common son, but not his father
    assert "ongehuwde partner geeft de verhuizing zelf door" in zelf(h)[JUNZHUO]
    assert relaties(huishouden(SUNNY)) == {WEI_WEI: Relatie.OUDER, JUNZHUO: Relatie.OUDER}  # he may report both


def test_dissolved_partnership_and_housemates_report_themselves():
    assert relaties(huishouden(NIKLAS)) == {} and TESSA in zelf(huishouden(NIKLAS))
    assert relaties(huishouden(ALBERT)) == {} and "zelf door" in zelf(huishouden(ALBERT))[MINA]


def test_minor_cannot_report_for_a_parent():
    h = huishouden(MIRIK)
    assert relaties(h) == {} and ESTRELLA in zelf(h)


@pytest.mark.parametrize("aangever,kind", [(BETS, FIEN), (CORNELIS, ELIAS)])
def test_someone_elses_minor_child_is_left_to_its_parent(aangever, kind):
    h = huishouden(aangever)
    assert kind not in relaties(h)
    assert "ouder of voogd geeft de verhuizing door" in zelf(h)[kind]


# -- per municipality --------------------------------------------------------------------------

def test_a_municipality_may_keep_16_and_17_year_olds_reporting_themselves():
    h = huishouden(ESTRELLA, kind_max_leeftijd=16)
    assert relaties(h) == {} and "Is 16 jaar en geeft de verhuizing zelf door" in zelf(h)[MIRIK]


def test_a_municipality_may_leave_out_relations():
    zonder = [r for r in Relatie.ALLE if r not in (Relatie.OUDER, Relatie.MEERDERJARIG_KIND)]
    assert relaties(huishouden(SORAYA, meeverhuizer_relaties=zonder)) == {}
    assert relaties(huishouden(JANE, meeverhuizer_relaties=zonder)) == {}
    assert relaties(huishouden(GERRIT, meeverhuizer_relaties=[Relatie.PARTNER])) == {WILMA: Relatie.PARTNER}


def test_no_term_makes_an_adult_a_minor():
    h = huishouden(JANE, kind_max_leeftijd=30, meeverhuizer_relaties=[Relatie.MINDERJARIG_KIND])
    assert relaties(h) == {}


def test_admin_accepts_only_relations_the_law_allows():
    assert term_errors(product_slug="verhuizing", terms={"meeverhuizer_relaties": ["partner"]}) == []
    assert term_errors(product_slug="verhuizing", terms={"meeverhuizer_relaties": []}) == []
    for wrong in (["partner", "huisgenoot"], "partner", [1]):
        assert "meeverhuizer_relaties" in term_errors(product_slug="verhuizing",
                                                      terms={"meeverhuizer_relaties": wrong})[0]
    assert term_errors(product_slug="verhuizing", terms={"kind_max_leeftijd": 16}) == []


def test_pure_rules_without_a_register():
    """The rules read only the declarant's own person list: partners, children, parents."""
    aangever = {"burgerservicenummer": "1", "geboorte": {"datum": {"datum": "1980-01-01"}},
                "partners": [{"burgerservicenummer": "2", "soortVerbintenis": {"code": "H"},
                              "ontbindingHuwelijkPartnerschap": {"datum": {"datum": "2020-01-01"}}}],
                "kinderen": [{"burgerservicenummer": "3"}]}
    bewoners = [aangever, {"burgerservicenummer": "2"}, {"burgerservicenummer": "3"}]  # no date of birth for 3
    h = huishouden_bepalen(aangever=aangever, bewoners=bewoners, vandaag=timezone.localdate(), terms=DEFAULT_TERMS)
    assert h.toegestane_bsns == set()
    assert "niet volledig bekend" in zelf(h)["3"]


# -- filing: the service checks again against the BRP -----------------------------------------------

def aangifte(bsn, meeverhuizers, postcode="3035AW", huisnummer=60):
    adres = get_adapter("bag").adres_zoeken(postcode=postcode, huisnummer=huisnummer, exacte_match=True)[0]
    prefill = verhuizing_prefill(bsn=bsn, vandaag=timezone.localdate(), terms=DEFAULT_TERMS)
    return adres, Aangifte(aangever=prefill.aangever, oud_adres=prefill.verblijfplaats, nieuw_adres=adres,
                           opgegeven_verhuisdatum=timezone.localdate() + timedelta(days=7),
                           meeverhuizers=meeverhuizers, inwoning=False, toestemming=None,
                           email="test@example.nl", telefoon="", brp_beschikbaar=True)


def indienen(bsn, meeverhuizers):
    adres, a = aangifte(bsn, meeverhuizers)
    gemeente = Gemeente.objects.get(gemeentecode=adres["gemeenteIdentificatie"])
    return verhuizing_indienen(aangifte=a, auth=digid(bsn), behandelende_gemeente=gemeente)


def test_service_files_a_parent_with_a_16_year_old(demo):
    mirik = next(g for g in huishouden(ESTRELLA).meeverhuizers if g.bsn == MIRIK)
    verhuizing = indienen(ESTRELLA, [mirik])
    assert {(p.bsn, p.rol) for p in verhuizing.personen.all()} == {(ESTRELLA, "aangever"), (MIRIK, "meeverhuizer")}


@pytest.mark.parametrize("bsn", [JUNZHUO, "999993653"])  # the unmarried partner; someone at another address
def test_service_refuses_a_tampered_co_mover(demo, bsn):
    nep = Huisgenoot(bsn, "Nep", "kind", True, "", Relatie.MINDERJARIG_KIND)
    with pytest.raises(VerhuizingRefused, match="Niet iedereen die u koos"):
        indienen(WEI_WEI, [nep])
    assert not Verhuizing.objects.exists()


def test_service_takes_names_and_relations_from_the_brp(demo):
    sunny = next(g for g in huishouden(WEI_WEI).meeverhuizers if g.bsn == SUNNY)
    verhuizing = indienen(WEI_WEI, [replace(sunny, naam="Iemand anders", relatie="echtgenoot")])
    persoon = verhuizing.personen.get(bsn=SUNNY)
    assert persoon.relatie == "meerderjarig kind" and persoon.naam == sunny.naam


def test_service_refuses_co_movers_when_the_brp_is_down(demo):
    mirik = next(g for g in huishouden(ESTRELLA).meeverhuizers if g.bsn == MIRIK)
    adres, a = aangifte(ESTRELLA, [mirik])
    gemeente = Gemeente.objects.get(gemeentecode=adres["gemeenteIdentificatie"])
    with override_settings(MOCK_UNAVAILABLE={"brp"}), pytest.raises(VerhuizingRefused, match="niet bereikbaar"):
        verhuizing_indienen(aangifte=a, auth=digid(ESTRELLA), behandelende_gemeente=gemeente)


def test_service_refuses_a_declarant_under_16(demo):
    with pytest.raises(VerhuizingRefused, match="jonger dan 16 jaar"):
        indienen(HEIN, [])


# -- the e-form ----------------------------------------------------------------------------------

FORM = "/rotterdam/aanvragen/verhuizing/"


def test_form_lists_the_16_year_old_that_the_old_rule_sent_away(client, demo, digid_login, move_form):
    """Before: "Is 16 jaar of ouder en geeft de verhuizing zelf door". Now his mother reports him."""
    digid_login(ESTRELLA)
    html = client.get(FORM).content.decode()
    assert f'value="{MIRIK}"' in html and "tenzij hij of zij dat zelf doet" in html
    assert "zelf door" not in html
    response = confirm(client, client.post(FORM, move_form(meeverhuizers=[MIRIK]))["Location"])
    assert response.status_code == 302 and response["Location"].endswith("/verzonden/")
    verhuizing = Verhuizing.objects.get()
    assert set(verhuizing.personen.values_list("bsn", flat=True)) == {ESTRELLA, MIRIK}
    assert verhuizing.zaak.rollen.filter(roltype="belanghebbende", inp_bsn=MIRIK, roltoelichting="kind").exists()


def test_form_shows_who_reports_themselves(client, demo, digid_login):
    digid_login(WEI_WEI)
    html = client.get(FORM).content.decode()
    assert f'value="{SUNNY}"' in html and "(meerderjarig kind)" in html
    assert f'value="{JUNZHUO}"' not in html and "ongehuwde partner geeft de verhuizing zelf door" in html


def test_form_refuses_a_declarant_under_16(client, demo, digid_login):
    digid_login(HEIN)
    response = client.get(FORM)
    assert response.status_code == 403 and "jonger dan 16 jaar" in response.content.decode()
