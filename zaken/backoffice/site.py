"""The back-office site: a Taken app over every registered process's flow, a Zaken app, and a
Werklijsten app for the processes that declare a work list (ProcessDefinition.worklist).

Flows are found through zaken.registry.processes (each definition's `flow` dotted path, imported
here, at URL-config time), so adding a process touches no back-office file.
"""

from django.urls import path
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _
from viewflow.urls import Application, Site

from zaken.registry import processes

from . import adviezen, dashboard_views, views
from .access import BackofficePermissionMixin, guard_urlpatterns
from .viewsets import BASE_TEMPLATE, ScopedFlowViewset, ViewsetRedirect, Werkvoorraad


class BackofficeApp(BackofficePermissionMixin, Application):
    """An app of our own pages: our base template, and no sub-menu (the site menu lists the app)."""

    base_template_name = BASE_TEMPLATE
    menu_template_name = None


class ZakenApp(BackofficeApp):
    app_name = "zaken"
    title = _("Zaken")
    icon = "folder_open"

    index_path = path("", views.zaak_list, name="index")
    dossier_path = path("<int:pk>/", views.zaak_dossier, name="dossier")
    verlengen_path = path("<int:pk>/termijn-verlengen/", views.zaak_termijn_verlengen, name="termijn_verlengen")
    document_path = path("<int:pk>/documenten/<uuid:document_uuid>/", views.document_download, name="document")
    advies_vragen_path = path("<int:pk>/advies/", adviezen.advies_vragen_view, name="advies_vragen")
    advies_vastleggen_path = path("<int:pk>/advies/<int:advies_pk>/", adviezen.advies_vastleggen_view,
                                  name="advies_vastleggen")


class TermijnenApp(BackofficeApp):
    """The deadline dashboard at /behandelen/termijnen/."""

    app_name = "termijnen"
    title = _("Termijnen")
    icon = "event"

    index_path = path("", dashboard_views.termijnen_dashboard, name="index")


class WerklijstApp(BackofficeApp):
    """Each process's own work list (ProcessDefinition.worklist) at /behandelen/werklijst/<slug>/."""

    app_name = "werklijst"
    title = _("Werklijsten")
    icon = "alarm"

    def __init__(self, worklists: dict[str, str], **kwargs):
        super().__init__(**kwargs)
        self.urlpatterns = [path(f"{slug}/", import_string(view), name=slug) for slug, view in worklists.items()]
        self._first = next(iter(worklists))

    @property
    def index_path(self):
        return path("", ViewsetRedirect.as_view(viewset=self, target=self._first), name="index")


class BackofficeSite(BackofficePermissionMixin, Site):
    app_name = "behandelen"

    @property
    def index_path(self):
        # The first app is the task list when there are processes, else the case list.
        return path("", ViewsetRedirect.as_view(viewset=self.viewsets[0], target="index"), name="index")


def registered_flows() -> list[type]:
    return [import_string(definition.flow) for definition in processes if definition.flow]


def build_site() -> BackofficeSite:
    flows = registered_flows()
    apps = [ZakenApp(), TermijnenApp()]
    if flows:
        apps.insert(0, Werkvoorraad(flow_viewsets=[ScopedFlowViewset(flow_class) for flow_class in flows]))
    worklists = {definition.slug: definition.worklist for definition in processes if definition.worklist}
    if worklists:
        apps.append(WerklijstApp(worklists))
    return BackofficeSite(title=_("Samenloket behandelen"), viewsets=apps)


def site_urls(site: BackofficeSite):
    """The site's URL tuple for path(), every view behind access.guard."""
    patterns, app_name, namespace = site.urls
    guard_urlpatterns(patterns)
    return patterns, app_name, namespace
