"""Check a case model's django-fsm machine against a table written out in the test.

Each process test states its legal paths as data: {state: {transition: target}}. The helpers here
compare that table with what django-fsm has collected from the model, and then fire every
transition from every state (end states included) on a real case in the database: a legal one must
reach its target and write exactly one Status row, an illegal one must raise TransitionNotAllowed,
leave the state alone and write no Status row.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django_fsm import TransitionNotAllowed

from tests.factories import ZaakFactory
from zaken.actors import Actor
from zaken.models import Gemeente, Product, Status, ZaakType
from zaken.sync import zaaktypen_sync

SYSTEM = Actor.system("machine-test")


def declared(model) -> dict[str, dict[str, str]]:
    """The machine as django-fsm collected it: {source: {transition name: target}}."""
    field = model._meta.get_field("state")
    table: dict[str, dict[str, str]] = {}
    for transition in field.get_all_transitions(model):
        sources = [s for s, _label in field.choices] if transition.source in ("*", "+") else [transition.source]
        for source in sources:
            table.setdefault(source, {})[transition.name] = transition.target
    return table


def declared_guards(model) -> dict[str, int]:
    """{transition name: number of conditions} for the guarded transitions."""
    field = model._meta.get_field("state")
    return {t.name: len(t.conditions) for t in field.get_all_transitions(model) if t.conditions}


def zaak_for(process_slug: str, gemeente: Gemeente | None = None):
    """A case of the real zaaktype of a process, so the transition hook finds its status types."""
    if not ZaakType.objects.filter(process_slug=process_slug).exists():
        Product.objects.get_or_create(slug=process_slug, defaults={"upl_naam": process_slug})
        zaaktypen_sync()
    kwargs = {"gemeente": gemeente} if gemeente else {}
    return ZaakFactory(zaaktype=ZaakType.objects.get(process_slug=process_slug), **kwargs)


def fire(case, transition: str) -> tuple[bool, list[Status]]:
    """Fire one transition; returns (allowed, the Status rows it wrote)."""
    before = set(Status.objects.filter(zaak=case.zaak).values_list("pk", flat=True))
    state = case.state
    try:
        getattr(case, transition)(by=SYSTEM, toelichting=f"test {transition}")
    except TransitionNotAllowed:
        assert case.state == state, f"{transition} was refused but changed the state"
        allowed = False
    else:
        case.save()
        allowed = True
    return allowed, list(Status.objects.filter(zaak=case.zaak).exclude(pk__in=before))


def check_matrix(model, expected: dict[str, dict[str, str]], make_case: Callable[[str, str], object]):
    """Every (state, transition) pair: allowed exactly when `expected` says so.

    `make_case(state, transition)` returns a saved case in `state` whose facts satisfy the guards of
    `transition` (so a refusal here is about the source state, not a guard).
    """
    states = [s for s, _label in model._meta.get_field("state").choices]
    assert set(expected) == set(states), "the expected table must name every state, end states too"
    names = sorted({name for table in (expected, declared(model)) for targets in table.values() for name in targets})
    failures = []
    for state in states:
        for name in names:
            case = make_case(state, name)
            assert case.state == state
            allowed, rows = fire(case, name)
            target = expected[state].get(name)
            if target is None:
                if allowed or rows:
                    failures.append(f"{state} --{name}--> allowed (wrote {len(rows)} status rows), expected refusal")
                elif type(case).objects.get(pk=case.pk).state != state:
                    failures.append(f"{state} --{name}--> refused but the stored state changed")
                continue
            if not allowed:
                failures.append(f"{state} --{name}--> refused, expected {target}")
                continue
            stored = type(case).objects.get(pk=case.pk).state
            if stored != target or len(rows) != 1 or (rows[0].from_state, rows[0].to_state,
                                                        rows[0].transition) != (state, target, name):
                failures.append(f"{state} --{name}--> stored {stored} with rows "
                                f"{[(r.from_state, r.to_state, r.transition) for r in rows]}, expected {target}")
    assert not failures, "\n".join(failures)
    # The same table, read from django-fsm's metadata: also catches a transition the table does not name.
    assert {s: t for s, t in declared(model).items() if t} == {s: t for s, t in expected.items() if t}


def check_guard(case, transition: str, *, allowed: bool):
    """One guard case: refused without a Status row, or allowed with one."""
    state = case.state
    was_allowed, rows = fire(case, transition)
    if allowed:
        assert was_allowed and len(rows) == 1 and rows[0].transition == transition
    else:
        assert not was_allowed and rows == []
        assert type(case).objects.get(pk=case.pk).state == state


def walk(case, path: list[str]):
    """Fire a legal path; each step must succeed."""
    for name in path:
        allowed, rows = fire(case, name)
        if not allowed:
            pytest.fail(f"{name} refused from {case.state}")
    return case


def targets_along(expected: dict[str, dict[str, str]], start: str, path: list[str]) -> list[str]:
    """The states a legal path passes through, read from the expected table."""
    state, targets = start, []
    for name in path:
        state = expected[state][name]
        targets.append(state)
    return targets
