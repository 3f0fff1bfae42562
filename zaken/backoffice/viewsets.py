"""viewflow's workflow viewsets, narrowed to the civil servant's municipalities.

List views get their queryset from the `queryset` viewprop (which the filtersets use as well),
so that is where the scope goes. Views of one process or task are guarded per object by
access.guard_urlpatterns, applied to the whole site in site.py.
"""

from django.contrib.contenttypes.prefetch import GenericPrefetch
from django.db.models import Count
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.views.generic import RedirectView
from viewflow.utils import viewprop
from viewflow.workflow.flow import FlowViewset, WorkflowAppViewset
from viewflow.workflow.flow.viewset import NestedFlowsApp
from viewflow.workflow.flow.views import (BulkAssignTasksActionView, BulkUnassignTasksActionView,
                                          DashboardProcessListView, DashboardTaskListView,
                                          WorkflowArchiveListView, WorkflowInboxListView,
                                          WorkflowQueueListView)
from viewflow.workflow.models import Task

from zaken.models import Zaak

from .access import BackofficePermissionMixin, scope_for_medewerker
from .filters import ArchiveTaskFilter, FlowTaskFilter, OpenTaskFilter
from .chart import ChartView
from zaken.paging import CappedCount, PeekPaginator

BASE_TEMPLATE = "backoffice/base_page.html"


def dossier_url(pk: int) -> str:
    return reverse("behandelen:zaken:dossier", args=[pk])


class ScopedQuerysetMixin:
    paginator_class = PeekPaginator

    @viewprop
    def queryset(self):
        queryset = super().queryset
        if queryset is None:  # views that fall back to model._default_manager
            # Explicit, because Meta.ordering is dropped by the list's Count() annotation.
            queryset = self.model._default_manager.order_by(*self.model._meta.ordering)
        return scope_for_medewerker(queryset, self.request.user)


class ZaakColumnMixin(ScopedQuerysetMixin):
    """A task list with a column linking to the case dossier, without a query per row."""

    def get_queryset(self):
        # Here, not on `queryset`: the filtersets run values_list() queries on that one.
        zaken = Zaak.objects.select_related("gemeente")
        return super().get_queryset().prefetch_related(GenericPrefetch("process__seed", [zaken]))

    def zaak(self, task):
        zaak = task.process.seed
        if not isinstance(zaak, Zaak):
            return ""
        return format_html('<a href="{}">{}</a> <small>({})</small>', dossier_url(zaak.pk),
                           zaak.identificatie, zaak.gemeente.naam)

    zaak.short_description = _("Zaak")

    def proces(self, task):
        url = task.flow_task.flow_class.instance.reverse("process_detail", args=[task.process_id])
        return format_html('<a href="{}">{} #{}</a>', url, task.flow_task.flow_class.process_title, task.process_id)

    proces.short_description = _("Proces")

    def get_filterset(self, filterset_class, queryset):
        filterset = super().get_filterset(filterset_class, queryset)
        filterset.set_flows(self.flow_classes)
        return filterset


class InboxView(ZaakColumnMixin, WorkflowInboxListView):
    title = _("Mijn taken")
    filterset_class = OpenTaskFilter

    def created(self, task):
        return super().created(task)

    created.short_description = _("Aangemaakt")
    columns = ("task_id", "zaak", "flow_task", "proces", "created")


class QueueView(ZaakColumnMixin, WorkflowQueueListView):
    title = _("Werkvoorraad")
    filterset_class = OpenTaskFilter
    columns = ("task_id", "zaak", "flow_task", "proces", "created")


class ArchiveView(ZaakColumnMixin, WorkflowArchiveListView):
    title = _("Afgerond")
    filterset_class = ArchiveTaskFilter
    columns = ("task_id", "zaak", "flow_task", "created", "finished")


class ProcessListView(ScopedQuerysetMixin, DashboardProcessListView):
    columns = ("process_id", "samenvatting", "created", "finished", "active_tasks")

    def get_queryset(self):
        # viewflow annotates Count(task) on every process of the flow, a GROUP BY before the page is
        # cut; the counts are taken for the page's rows instead (paginate_queryset).
        return super(DashboardProcessListView, self).get_queryset().filter(flow_class=self.flow_class)

    def paginate_queryset(self, queryset, page_size):
        paginator, page, object_list, is_paginated = super().paginate_queryset(queryset, page_size)
        page.object_list = list(page.object_list)
        open_tasks = dict(Task.objects.filter(process__in=page.object_list, finished__isnull=True)
                          .values("process_id").annotate(n=Count("pk")).values_list("process_id", "n"))
        for process in page.object_list:
            process.active_tasks_count = open_tasks.get(process.pk, 0)
        return paginator, page, page.object_list, is_paginated

    def samenvatting(self, process):
        return process.brief

    samenvatting.short_description = _("Samenvatting")

    def process_id(self, process):
        return super().process_id(process)

    process_id.short_description = _("Proces")

    def active_tasks(self, process):
        return super().active_tasks(process)

    active_tasks.short_description = _("Open taken")


class TaskListView(ScopedQuerysetMixin, DashboardTaskListView):
    columns = ("task_id", "flow_task", "samenvatting", "created", "owner")
    filterset_class = FlowTaskFilter

    def get_queryset(self):
        return super().get_queryset().select_related("owner")

    def get_filterset(self, filterset_class, queryset):
        filterset = super().get_filterset(filterset_class, queryset)
        filterset.set_flow(self.flow_class)
        return filterset

    def samenvatting(self, task):
        return task.process.coerced.brief

    samenvatting.short_description = _("Samenvatting")


class SelectionOnlyMixin:
    """Act on the ticked tasks only: without a selection viewflow's bulk views take every available task."""

    def get_queryset(self):
        queryset = super().get_queryset()
        if not self.request.POST.getlist("pk"):
            queryset = self.object_list = queryset.none()
        return queryset


class AssignSelectedView(SelectionOnlyMixin, BulkAssignTasksActionView):
    pass


class UnassignSelectedView(SelectionOnlyMixin, BulkUnassignTasksActionView):
    pass


class ViewsetRedirect(RedirectView):
    viewset = None
    target = None

    def get_redirect_url(self, *args, **kwargs):
        return self.viewset.reverse(self.target)


class ScopedFlowViewset(FlowViewset):
    """One process's pages: its process and task lists, process detail, and its nodes' views."""

    process_list_view_class = ProcessListView
    task_list_view_class = TaskListView
    chart_view_class = ChartView
    # A case ends through its own transitions; viewflow's cancel would stop the work without them.
    process_cancel_path = None

    @property
    def index_path(self):
        # The kanban dashboard queries tasks inline (no hook to scope them): land on the list.
        return path("", ViewsetRedirect.as_view(viewset=self, target="process_list"), name="index")


class Werkvoorraad(BackofficePermissionMixin, WorkflowAppViewset):
    """Inbox, queue and archive over all registered processes, plus their flow pages."""

    app_name = "taken"
    title = _("Taken")
    icon = "assignment"
    base_template_name = BASE_TEMPLATE
    inbox_view_class = InboxView
    queue_view_class = QueueView
    archive_view_class = ArchiveView
    tasks_assign_view_class = AssignSelectedView
    tasks_unassign_view_class = UnassignSelectedView

    def __init__(self, flow_viewsets, **kwargs):
        super().__init__(flow_viewsets, **kwargs)
        for child in self._children:
            if isinstance(child, NestedFlowsApp):  # the app of every task page: add the dossier link
                child.title = _("Processen")
                child.base_template_name = BASE_TEMPLATE

    def get_queryset(self, request):
        """The tasks the bulk assign/unassign actions may touch."""
        available = Task.objects.filter_available(self.flow_classes, request.user)
        return scope_for_medewerker(available, request.user)

    def get_context_data(self, request):
        """The counts in the menu, scoped like the lists they lead to."""
        return {
            "user_inbox": CappedCount(scope_for_medewerker(Task.objects.inbox(self.flow_classes, request.user),
                                                           request.user)),
            "user_queue": CappedCount(scope_for_medewerker(Task.objects.queue(self.flow_classes, request.user),
                                                           request.user)),
        }
