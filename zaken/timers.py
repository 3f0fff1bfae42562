"""The periodic sweep (Celery beat every minute, or `manage.py zaken_timers`): due viewflow timers,
request deadlines, and each process's own resumption of waiting work."""

from django.utils.module_loading import import_string
from viewflow.workflow.timers import fire_due_timers as viewflow_fire_due_timers

from .registry import processes
from .verzoeken import verzoeken_bewaken


def sweep() -> dict:
    result = {"timers": viewflow_fire_due_timers(), **verzoeken_bewaken()}
    for definition in processes:
        if definition.periodic:
            result[definition.slug] = import_string(definition.periodic)()
    return result
