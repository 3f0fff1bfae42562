"""Steps the focused renewal tests share: file through the e-form, pay on the mock page, sweep at a moment.

`capture` is pytest-django's django_capture_on_commit_callbacks: the payment's webhook task, the RDW
order and the letters run on commit, as they do in production.
"""

from __future__ import annotations

from datetime import datetime

import time_machine
from django.contrib.auth import get_user_model

from tests.eform_check import send
from zaken.processes.rijbewijs.models import Rijbewijs
from zaken.termijnen import NL_TIME
from zaken.timers import sweep

SUZANNE = "999993653"  # Rotterdam, B and BE, photo and signature approved


def form_url(gemeente: str = "rotterdam", step: str = "") -> str:
    return f"/{gemeente}/aanvragen/rijbewijs/" + (f"{step}/" if step else "")


def tracker_url(rijbewijs: Rijbewijs, gemeente: str = "rotterdam") -> str:
    return f"/{gemeente}/mijn-zaken/{rijbewijs.zaak.identificatie}/"


def indienen(client, capture, data, gemeente: str = "rotterdam"):
    """Form and check page; returns (response of the check POST, the newest Rijbewijs)."""
    with capture(execute=True):
        response = send(client, form_url(gemeente), data)
    return response, Rijbewijs.objects.order_by("-pk").first()


def kiezen(client, capture, checkout_url: str, keuze: str = "betalen"):
    """Choose on the mock provider's page (its webhook runs on commit); the response of the return."""
    with capture(execute=True):
        response = client.post(checkout_url, {"keuze": keuze})
        assert response.status_code == 302
        return client.get(response["Location"])


def nu_betalen(client, rijbewijs: Rijbewijs, gemeente: str = "rotterdam"):
    """The "Nu betalen" button of the tracker and the sent page."""
    return client.post(form_url(gemeente, "betalen"), {"zaak": rijbewijs.zaak.identificatie})


def nl(*args) -> datetime:
    """A moment on the Dutch clock: nl(2026, 1, 22, 10)."""
    return datetime(*args, tzinfo=NL_TIME)


def sweep_at(moment, capture) -> dict:
    # On the Dutch clock: time_machine takes the local zone from a ZoneInfo destination, and a UTC
    # moment read from the database would make date.today() (the RDW mock's) a UTC day.
    with time_machine.travel(moment.astimezone(NL_TIME), tick=False), capture(execute=True):
        return sweep()


def tracker_op(client, rijbewijs: Rijbewijs, moment, bsn: str = SUZANNE) -> str:
    """The tracker page at `moment`, in a fresh DigiD session (an old one has timed out by then)."""
    from tests.conftest import login_session
    from zaken.identity import AuthContext

    client.cookies.clear()
    with time_machine.travel(moment, tick=False):
        login_session(client, AuthContext.now(means="digid", level="substantieel", bsn=bsn, display_name="Test"))
        response = client.get(tracker_url(rijbewijs))
    assert response.status_code == 200
    return response.content.decode()


def fresh(rijbewijs: Rijbewijs) -> Rijbewijs:
    rijbewijs.refresh_from_db()
    return rijbewijs


def klaar(client, capture, data, *, betaald_op=None) -> Rijbewijs:
    """A paid renewal that the RDW made: file and pay at `betaald_op` (default now), sweep when ready."""
    moment = betaald_op or datetime.now(NL_TIME)
    with time_machine.travel(moment, tick=False):
        response, rijbewijs = indienen(client, capture, data)
        kiezen(client, capture, response["Location"])
    rijbewijs = fresh(rijbewijs)
    assert rijbewijs.state == Rijbewijs.State.IN_PRODUCTIE
    sweep_at(rijbewijs.volgende_controle, capture)
    rijbewijs = fresh(rijbewijs)
    assert rijbewijs.state == Rijbewijs.State.KLAAR, rijbewijs.state
    return rijbewijs


def medewerker(username: str = "behandelaar-rotterdam"):
    return get_user_model().objects.get(username=username)


def balie_url(rijbewijs: Rijbewijs | None = None, **params) -> str:
    from django.utils.http import urlencode

    if rijbewijs is not None:
        params = {"locatie": rijbewijs.afhaallocatie_id, **params}
    return "/behandelen/werklijst/rijbewijs/" + (f"?{urlencode(params)}" if params else "")


def handover(rijbewijs: Rijbewijs, **overrides) -> dict:
    """The counter's POST for a clean handover; override what a test is about."""
    data = {"zaak": rijbewijs.zaak.identificatie, "locatie": rijbewijs.afhaallocatie_id, "documentsoort": "paspoort",
            "documentnummer": "NX4K8P2L1", "identiteit_vastgesteld": "ja", "oud_rijbewijs_ingenomen": "ja",
            "uitkomst": "uitgereikt", "reden": ""}
    data.update(overrides)
    return data


def flow_open(rijbewijs: Rijbewijs) -> tuple[str, list[str]]:
    """(the viewflow process's status, the names of its open tasks) for this case."""
    from zaken.processes.rijbewijs.flows import RijbewijsFlow

    process = RijbewijsFlow.process_class.objects.get(flow_class=RijbewijsFlow, artifact_object_id=rijbewijs.pk)
    tasks = process.task_set.filter(status="NEW")
    return process.status, sorted(t.flow_task.name for t in tasks)


def lang(day) -> str:
    """A date as the form writes it: 1 oktober 2035."""
    from django.utils import translation
    from django.utils.formats import date_format

    with translation.override("nl"):
        return date_format(day, "j F Y")
