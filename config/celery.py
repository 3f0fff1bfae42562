"""The Celery app. Beat runs the timers (viewflow timers, reminders, deadlines)."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

app = Celery("samenloket")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
app.conf.beat_schedule = {
    "fire-due-timers": {"task": "zaken.tasks.fire_due_timers", "schedule": 60.0},
}
