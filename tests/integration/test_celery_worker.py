"""With PostgreSQL and Redis (CI): a real Celery worker process renders the receipt of a new case.

Skipped without CELERY_BROKER_URL; `.ci/run` sets it, so CI always runs these.
"""

import os
import subprocess
import sys
import time

import pytest
from django.conf import settings
from django.db import connection, transaction

from config.celery import app as celery_app
from tests.factories import ZaakTypeFactory
from zaken.actors import Actor
from zaken.models import Document, Rol
from zaken.services import zaak_create

pytestmark = [
    pytest.mark.integration,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not os.environ.get("CELERY_BROKER_URL"), reason="needs CELERY_BROKER_URL (CI sets it)"),
]


@pytest.fixture
def worker():
    """A separate worker process on the test database, consuming from the real broker."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test",
           "SAMENLOKET_VAR_DIR": str(settings.VAR_DIR), "SAMENLOKET_MOCK_DATA_DIR": str(settings.MOCK_DATA_DIR)}
    if connection.vendor == "postgresql":
        db = connection.settings_dict
        env["DATABASE_URL"] = (f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{db['NAME']}")
    proc = subprocess.Popen([sys.executable, "-m", "celery", "-A", "config", "worker", "--pool=solo",
                             "--concurrency=1", "-l", "warning", "--without-gossip", "--without-mingle"],
                            cwd=settings.BASE_DIR, env=env)
    celery_app.conf.task_always_eager = False
    try:
        yield proc
    finally:
        celery_app.conf.task_always_eager = True
        proc.terminate()
        proc.wait(timeout=30)


def wait_for(predicate, timeout=90):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.5)
    return False


@pytest.mark.skipif(os.environ.get("DATABASE_URL", "").startswith("sqlite") or not os.environ.get("DATABASE_URL"),
                    reason="needs PostgreSQL shared with the worker process")
def test_receipt_is_rendered_by_a_real_worker(demo, worker):
    ZaakTypeFactory()
    with transaction.atomic():
        zaak = zaak_create(gemeente=demo["den-haag"], process_slug="test-verhuizing", actor=Actor.system("test"),
                           initial_status="ontvangen",
                           initiator={"betrokkene_type": Rol.BetrokkeneType.NATUURLIJK_PERSOON,
                                      "inp_bsn": "999993653", "naam": "Suzanne Moulin"},
                           gegevens={"Nieuw adres": "Spui 70, 2511 BT Den Haag"})
        # Queued on commit only: nothing is sent while the transaction is open.
        assert not Document.objects.filter(zaak=zaak).exists()
    assert wait_for(lambda: Document.objects.filter(zaak=zaak, kenmerk="ontvangstbevestiging").exists()), \
        "the worker did not store the receipt"
    doc = Document.objects.get(zaak=zaak, kenmerk="ontvangstbevestiging")
    assert doc.bestand.open("rb").read(5) == b"%PDF-"
