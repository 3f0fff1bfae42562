"""The back-office site: a Taken app over every registered process's flow, and a Zaken app.

Flows are found through zaken.registry.processes (each definition's `flow` dotted path, imported
here, at URL-config time), so adding a process touches no back-office file.
"""

from django.urls import path
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _
from viewflow.urls import Application, Site

from zaken.registry import processes

from . import views
from .access import BackofficePermissionMixin, guard_urlpatterns
from .viewsets import BASE_TEMPLATE, ScopedFlowViewset, ViewsetRedirect, Werkvoorraad


class ZakenApp(BackofficePermissionMixin, Application):
    app_name = "zaken"
    title = _("Zaken")
    icon = "folder_open"
    base_template_name = BASE_TEMPLATE

    index_path = path("", views.zaak_list, name="index")
    dossier_path = path("<int:pk>/", views.zaak_dossier, name="dossier")
    document_path = path("<int:pk>/documenten/<uuid:document_uuid>/", views.document_download, name="document")


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
    apps = [ZakenApp()]
    if flows:
        apps.insert(0, Werkvoorraad(flow_viewsets=[ScopedFlowViewset(flow_class) for flow_class in flows]))
    return BackofficeSite(title=_("Samenloket behandelen"), viewsets=apps)


def site_urls(site: BackofficeSite):
    """The site's URL tuple for path(), every view behind access.guard."""
    patterns, app_name, namespace = site.urls
    guard_urlpatterns(patterns)
    return patterns, app_name, namespace
