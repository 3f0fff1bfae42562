"""The object zaken.bezwaren calls (ProcessDefinition.bezwaar_handler): the core never imports this package."""

from . import selectors, services


class BezwaarHandler:
    def indienen(self, **kwargs):
        return services.bezwaar_indienen(**kwargs)

    def ingediend(self, **kwargs):
        return selectors.bezwaren_van_indiener(**kwargs)

    def koppelingen(self, zaak):
        return selectors.koppelingen(zaak)


HANDLER = BezwaarHandler()
