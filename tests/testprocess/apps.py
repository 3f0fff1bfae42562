from django.apps import AppConfig


class TestprocessConfig(AppConfig):
    name = "tests.testprocess"
    label = "testprocess"
    verbose_name = "Testproces"

    def ready(self):
        from zaken.registry import processes

        from .definition import DEFINITION

        if DEFINITION.slug not in processes:  # ready() may run again in a reloaded test process
            processes.register(DEFINITION.slug, DEFINITION)
