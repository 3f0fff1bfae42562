"""Filters of the task lists: by process type and task type, never by process instance.

viewflow's own filter offers every queued process as an option, so the page grows with the data;
these options come from the registered flows and stay the same size whatever is queued.
"""

from datetime import date, datetime, time, timedelta

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_filters import ChoiceFilter, DateRangeFilter, FilterSet, MultipleChoiceFilter
from viewflow.workflow.fields import get_flow_ref, get_task_ref
from viewflow.workflow.flow.views.filters import NullDateRangeFilter
from viewflow.workflow.models import Task
from viewflow.workflow.status import STATUS

ALL = _("Alle")


def process_type_choices(flow_classes) -> list[tuple[str, str]]:
    return [(get_flow_ref(flow_class), str(flow_class.process_title)) for flow_class in flow_classes]


def task_type_choices(flow_classes) -> list[tuple[str, str]]:
    """The civil servant's tasks (human nodes) of each flow, labelled 'process: task'."""
    return [(get_task_ref(node), f"{flow_class.process_title}: {node.task_title}")
            for flow_class in flow_classes for node in flow_class.instance.nodes()
            if node.task_type == "HUMAN"]


def flow_task_choices(flow_class) -> list[tuple[str, str]]:
    """Every node of one flow: viewflow's own filter reads them from the tasks (a DISTINCT over all)."""
    return [(get_task_ref(node), str(node.task_title or node.name)) for node in flow_class.instance.nodes()]


def _days(first: int, last: int, *, unit: str = "day"):
    """A filter for local days [today+first, today+last), or this month / year, as a range on the column.

    django-filter's own compares the UTC date with local-date lookups (empty "today" just after
    midnight in the Netherlands) and extracts parts of the date, which no index serves.
    """
    def apply(qs, name):
        today = timezone.localdate()
        if unit == "month":
            start = today.replace(day=1)
            end = (start + timedelta(days=32)).replace(day=1)
        elif unit == "year":
            start, end = date(today.year, 1, 1), date(today.year + 1, 1, 1)
        else:
            start, end = today + timedelta(days=first), today + timedelta(days=last)
        zone = timezone.get_current_timezone()
        return qs.filter(**{f"{name}__gte": datetime.combine(start, time.min, tzinfo=zone),
                            f"{name}__lt": datetime.combine(end, time.min, tzinfo=zone)})

    return apply


class LocalDateRangeFilter(DateRangeFilter):
    filters = {"today": _days(0, 1), "yesterday": _days(-1, 0), "week": _days(-7, 1),
               "month": _days(0, 0, unit="month"), "year": _days(0, 0, unit="year")}


class FlowChoicesMixin:
    def set_flows(self, flow_classes):
        self.filters["flow_task"].extra["choices"] = task_type_choices(flow_classes)
        if "proces" in self.filters:
            self.filters["proces"].extra["choices"] = process_type_choices(flow_classes)


class OpenTaskFilter(FlowChoicesMixin, FilterSet):
    """Inbox and queue."""

    proces = ChoiceFilter(field_name="process__flow_class", label=_("Proces"), empty_label=ALL)
    flow_task = ChoiceFilter(label=_("Taak"), empty_label=ALL)
    created = LocalDateRangeFilter(label=_("Aangemaakt"), empty_label=ALL)

    class Meta:
        model = Task
        fields = ("proces", "flow_task", "created")


class ArchiveTaskFilter(FlowChoicesMixin, FilterSet):
    flow_task = ChoiceFilter(label=_("Taak"), empty_label=ALL)
    created = LocalDateRangeFilter(label=_("Aangemaakt"), empty_label=ALL)
    finished = LocalDateRangeFilter(label=_("Afgerond"), empty_label=ALL)

    class Meta:
        model = Task
        fields = ("flow_task", "created", "finished")


class FlowTaskFilter(FilterSet):
    """A flow's task list: its nodes as options, never a scan of its tasks. Unfinished tasks unless a
    status or an end date is chosen, as viewflow's own filter does."""

    flow_task = ChoiceFilter(label=_("Taak"), empty_label=ALL)
    status = MultipleChoiceFilter(label=_("Status"), choices=STATUS.choices)
    created = LocalDateRangeFilter(label=_("Aangemaakt"), empty_label=ALL)
    finished = NullDateRangeFilter(label=_("Afgerond"), empty_label=ALL)

    class Meta:
        model = Task
        fields = ("flow_task", "status", "created", "finished")

    def set_flow(self, flow_class):
        self.filters["flow_task"].extra["choices"] = flow_task_choices(flow_class)
