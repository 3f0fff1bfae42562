"""The periodic sweep (Celery beat every minute, or `manage.py zaken_timers`): due viewflow timers,
request deadlines, lex silencio positivo (Awb 4:20b), and each process's own resumption of waiting work."""

from datetime import timedelta

from django.conf import settings
from django.core.files.storage import default_storage
from django.utils import timezone
from django.utils.module_loading import import_string
from viewflow.workflow.timers import fire_due_timers as viewflow_fire_due_timers

from .concepten import DRAFT_DIR
from .notificaties.tasks import notificaties_versturen
from .queueing import send_after_commit
from .registry import processes
from .services import receipts_resend
from .termijn_engine import lex_silencio_bewaken
from .verzoeken import verzoeken_bewaken

DRAFT_MAX_AGE = timedelta(days=1)


def concepten_opruimen() -> int:
    """Delete draft uploads of forms that were never sent: personal data is not kept without a case."""
    try:
        _dirs, files = default_storage.listdir(DRAFT_DIR)
    except FileNotFoundError:
        return 0
    cutoff = timezone.now() - DRAFT_MAX_AGE
    old = [name for name in files if default_storage.get_modified_time(f"{DRAFT_DIR}/{name}") < cutoff]
    for name in old:
        default_storage.delete(f"{DRAFT_DIR}/{name}")
    return len(old)


def sweep() -> dict:
    result = {"timers": viewflow_fire_due_timers(), **verzoeken_bewaken(), "concepten": concepten_opruimen(),
              "van_rechtswege": lex_silencio_bewaken(), "ontvangstbevestigingen": receipts_resend()}
    # ZGW notifications that are due go to a worker of their own: slow subscribers never hold up this sweep.
    send_after_commit(notificaties_versturen)
    # Work of other layers (payments expiring, say) named in settings: the core imports none of them.
    for name, path in settings.PERIODIC_STEPS.items():
        result[name] = import_string(path)()
    for definition in processes:
        if definition.periodic:
            result[definition.slug] = import_string(definition.periodic)()
    return result
