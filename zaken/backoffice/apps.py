from django.apps import AppConfig


class BackofficeConfig(AppConfig):
    name = "zaken.backoffice"
    label = "backoffice"
    verbose_name = "Behandelen"
