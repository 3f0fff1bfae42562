"""The death registration's legal lifecycle, written out: every transition from every state, and every guard."""

from datetime import date, datetime, timedelta

import pytest
from django.utils import timezone

from tests.machines import check_guard, check_matrix, declared_guards, targets_along, walk, zaak_for
from zaken.processes.overlijden.models import Overlijden

pytestmark = pytest.mark.django_db

# The legal paths (Wet op de lijkbezorging; Burgerlijk Wetboek boek 1): {state: {transition: target}}.
EXPECTED = {
    "ontvangen": {"documenten_onvolledig": "aanvulling_nodig", "documenten_goedkeuren": "documenten_gecontroleerd"},
    "aanvulling_nodig": {"aanvulling_ontvangen": "ontvangen"},
    "documenten_gecontroleerd": {"ovj_afwachten": "wacht_op_ovj", "uitstel_afwachten": "wacht_op_uitstel",
                                 "akte_opmaken": "akte_opgemaakt"},
    "wacht_op_ovj": {"ovj_vrijgeven": "documenten_gecontroleerd"},
    "wacht_op_uitstel": {"uitstel_vastleggen": "documenten_gecontroleerd"},
    "akte_opgemaakt": {"verlof_verstrekken": "verlof_verstrekt"},
    "verlof_verstrekt": {"brp_verwerkt": "verwerkt_brp"},
    "verwerkt_brp": {},  # end state
}

# Number of conditions each guarded transition declares; each is exercised below.
GUARDS = {"ovj_afwachten": 1, "ovj_vrijgeven": 1, "uitstel_afwachten": 1, "uitstel_vastleggen": 1,
          "akte_opmaken": 3, "verlof_verstrekken": 1}

NOW = datetime(2026, 5, 4, 9, 0, tzinfo=timezone.get_fixed_timezone(120))

NATUURLIJK = {"doodsoorzaak": "natuurlijk"}
NIET_NATUURLIJK = {"doodsoorzaak": "niet_natuurlijk"}
VRIJGEGEVEN = {"doodsoorzaak": "niet_natuurlijk", "ovj_vrijgegeven_op": NOW, "ovj_kenmerk": "OvJ-1"}
UITSTEL = {"afwijking": "uitstel"}
UITSTEL_VASTGELEGD = {"afwijking": "uitstel", "uitstel_vastgelegd_op": NOW}
AKTE = {"akte_nummer": "1A-0001"}

# Facts under which each guarded transition's conditions all hold (for the state matrix).
ENABLING = {"ovj_afwachten": NIET_NATUURLIJK, "ovj_vrijgeven": VRIJGEGEVEN, "uitstel_afwachten": UITSTEL,
            "uitstel_vastleggen": UITSTEL_VASTGELEGD, "akte_opmaken": AKTE}


def make_death(state: str = "ontvangen", transition: str = "", **facts) -> Overlijden:
    fields = {"doodsoorzaak": "natuurlijk", "wijze": "cremeren", **ENABLING.get(transition, {}), **facts}
    return Overlijden.objects.create(
        zaak=zaak_for("aangifte-overlijden"), state=state, overledene_bsn="999990378", overledene={},
        overleden_op=NOW - timedelta(hours=10), plaats_overlijden="Rotterdam", plaats_gemeentecode="0599",
        uitvaart_op=NOW + timedelta(days=3), uitvaart_plaats="Crematorium Hofwijk", venster_vroegst=NOW,
        venster_uiterlijk=date(2026, 5, 11), **fields)


def test_every_transition_from_every_state(demo):
    check_matrix(Overlijden, EXPECTED, make_death)


def test_guards_are_the_expected_ones():
    assert declared_guards(Overlijden) == GUARDS


# (transition, source state, facts, allowed): every condition both ways.
GUARD_CASES = [
    ("ovj_afwachten", "documenten_gecontroleerd", NATUURLIJK, False),
    ("ovj_afwachten", "documenten_gecontroleerd", VRIJGEGEVEN, False),
    ("ovj_afwachten", "documenten_gecontroleerd", NIET_NATUURLIJK, True),
    ("ovj_vrijgeven", "wacht_op_ovj", NIET_NATUURLIJK, False),
    ("ovj_vrijgeven", "wacht_op_ovj", VRIJGEGEVEN, True),
    ("uitstel_afwachten", "documenten_gecontroleerd", {}, False),
    ("uitstel_afwachten", "documenten_gecontroleerd", UITSTEL_VASTGELEGD, False),
    ("uitstel_afwachten", "documenten_gecontroleerd", UITSTEL, True),
    ("uitstel_vastleggen", "wacht_op_uitstel", UITSTEL, False),
    ("uitstel_vastleggen", "wacht_op_uitstel", UITSTEL_VASTGELEGD, True),
    ("akte_opmaken", "documenten_gecontroleerd", {}, False),  # no aktenummer
    ("akte_opmaken", "documenten_gecontroleerd", {**NIET_NATUURLIJK, **AKTE}, False),  # OvJ not released
    ("akte_opmaken", "documenten_gecontroleerd", {**UITSTEL, **AKTE}, False),  # uitstel not decided
    ("akte_opmaken", "documenten_gecontroleerd", AKTE, True),
    ("akte_opmaken", "documenten_gecontroleerd", {**VRIJGEGEVEN, **UITSTEL_VASTGELEGD, **AKTE}, True),
    # Art. 16/76 Wlb: no verlof after a non-natural death before the officier van justitie released the body.
    ("verlof_verstrekken", "akte_opgemaakt", {**NIET_NATUURLIJK, **AKTE}, False),
    ("verlof_verstrekken", "akte_opgemaakt", {**VRIJGEGEVEN, **AKTE}, True),
    ("verlof_verstrekken", "akte_opgemaakt", {**NATUURLIJK, **AKTE}, True),
]


@pytest.mark.parametrize("transition, state, facts, allowed", GUARD_CASES,
                         ids=[f"{t}-{'allowed' if a else 'refused'}-{i}" for i, (t, _s, _f, a) in enumerate(GUARD_CASES)])
def test_guard(demo, transition, state, facts, allowed):
    check_guard(make_death(state, **facts), transition, allowed=allowed)


def test_every_guarded_transition_is_tested_both_ways():
    assert {(t, a) for t, _s, _f, a in GUARD_CASES} == {(t, a) for t in GUARDS for a in (True, False)}


def test_verlof_before_the_ovj_release_is_refused_and_allowed_after(demo):
    overlijden = make_death(**NIET_NATUURLIJK)
    walk(overlijden, ["documenten_goedkeuren", "ovj_afwachten"])
    check_guard(overlijden, "ovj_vrijgeven", allowed=False)  # not released yet
    overlijden.akte_nummer = "1A-0002"
    check_guard(overlijden, "akte_opmaken", allowed=False)  # still waiting in wacht_op_ovj
    overlijden.ovj_vrijgegeven_op, overlijden.ovj_kenmerk = NOW, "OvJ-2"
    overlijden.save()
    walk(overlijden, ["ovj_vrijgeven", "akte_opmaken", "verlof_verstrekken", "brp_verwerkt"])
    assert Overlijden.objects.get(pk=overlijden.pk).state == "verwerkt_brp"


def test_verlof_straight_after_the_akte_is_refused_without_release(demo):
    overlijden = make_death("akte_opgemaakt", **NIET_NATUURLIJK, **AKTE)
    check_guard(overlijden, "verlof_verstrekken", allowed=False)
    overlijden.ovj_vrijgegeven_op = NOW
    overlijden.save()
    check_guard(overlijden, "verlof_verstrekken", allowed=True)


@pytest.mark.parametrize("path, facts", [
    (["documenten_goedkeuren", "akte_opmaken", "verlof_verstrekken", "brp_verwerkt"], AKTE),
    (["documenten_onvolledig", "aanvulling_ontvangen", "documenten_goedkeuren", "akte_opmaken",
      "verlof_verstrekken", "brp_verwerkt"], AKTE),
    (["documenten_goedkeuren", "uitstel_afwachten"], UITSTEL),
])
def test_legal_paths(demo, path, facts):
    overlijden = walk(make_death(**facts), path)
    expected = targets_along(EXPECTED, "ontvangen", path)
    assert Overlijden.objects.get(pk=overlijden.pk).state == expected[-1]
    assert [s.to_state for s in overlijden.zaak.statussen.exclude(transition="test")] == expected
