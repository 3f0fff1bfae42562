"""Who may enter the back office, and the municipality scope of viewflow's processes and tasks.

A process is linked to its case through `Process.seed` (the Zaak). Everything here narrows
viewflow's querysets to the cases of the civil servant's municipalities; the URL guard applies
the same scope to every URL that names a process or a task, so another municipality's work is a
404 whatever link or form leads there.
"""

from __future__ import annotations

from functools import wraps

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.contrib.contenttypes.models import ContentType
from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import render
from django.urls import URLPattern, URLResolver
from django.utils import translation
from viewflow.workflow.models import AbstractProcess, AbstractTask, Process, Task

from zaken.models import Zaak
from zaken.selectors import gemeente_ids_for_medewerker, zaak_scope_for_medewerker


def is_backoffice_user(user) -> bool:
    """Active staff with at least one municipality (the ids are read once per request)."""
    if not (user.is_authenticated and user.is_active and user.is_staff):
        return False
    return bool(gemeente_ids_for_medewerker(user))


def _seed_filter(user, prefix: str = "") -> dict:
    """The process's seed is one of the user's cases: a semi-join on the seed index
    (viewflow_process_seed, zaken migration 0014) into zaak's (gemeente_id, ...) index, the
    municipality ids as literals so the planner knows their share."""
    return {f"{prefix}seed_content_type": ContentType.objects.get_for_model(Zaak),
            f"{prefix}seed_object_id__in": zaak_scope_for_medewerker(user).values("pk")}


def scope_for_medewerker(queryset: QuerySet, user) -> QuerySet:
    """Narrow a viewflow Process or Task queryset to the user's municipalities.

    Apply it last: viewflow's filter_available()/inbox()/queue() start again from
    `model.objects`, dropping any filter applied before them.
    """
    if issubclass(queryset.model, AbstractTask):
        return queryset.filter(**_seed_filter(user, "process__"))
    if issubclass(queryset.model, AbstractProcess):
        return queryset.filter(**_seed_filter(user))
    raise TypeError(f"no municipality scope for {queryset.model.__name__}")


def tasks_for_zaak(zaak: Zaak) -> QuerySet[Task]:
    return (Task.objects.filter(process__seed_content_type=ContentType.objects.get_for_model(Zaak),
                                process__seed_object_id=zaak.pk)
            .select_related("process", "owner").order_by("created", "pk"))


def process_in_scope(user, *, process_pk: int, task_pk: int | None = None) -> bool:
    """The per-object check: the process is of the user's cases, and the task is of that process.

    viewflow's task views look the task up by task_pk alone, so the pair is checked here.
    """
    if task_pk is not None:
        return scope_for_medewerker(Task.objects.filter(pk=task_pk, process_id=process_pk), user).exists()
    return scope_for_medewerker(Process.objects.filter(pk=process_pk), user).exists()


def use_dutch(request) -> None:
    """The back office is Dutch only, whatever the browser asks (LocaleMiddleware picks per request)."""
    translation.activate(settings.LANGUAGE_CODE)
    request.LANGUAGE_CODE = settings.LANGUAGE_CODE


def forbidden(request):
    return render(request, "backoffice/geen_toegang.html", status=403)


class BackofficePermissionMixin:
    """has_view_permission of the site and its apps, as viewflow's SiteMiddleware checks it.

    viewflow auto-registers that middleware and it runs before any view. Who enters is `guard`'s
    decision (login page, or a Dutch 403 page with a logout button), so only members are held to
    the app's own permissions here; everybody else passes on to the guard.
    """

    def has_view_permission(self, user, obj=None):
        return not is_backoffice_user(user) or super().has_view_permission(user, obj=obj)


def guard(view, *, scoped: bool):
    """Login, membership and, for URLs naming a process or task, the municipality scope (404).

    It does not lean on SiteMiddleware: the site's permissions could be switched off there.
    """

    @wraps(view)
    def guarded(request, *args, **kwargs):
        use_dutch(request)
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not is_backoffice_user(request.user):
            return forbidden(request)
        if scoped and not process_in_scope(request.user, process_pk=kwargs["process_pk"],
                                           task_pk=kwargs.get("task_pk")):
            raise Http404
        return view(request, *args, **kwargs)

    guarded.backoffice_guarded = True
    return guarded


def guard_urlpatterns(patterns) -> None:
    """Wrap every view below `patterns` in place (viewflow builds node URLs we cannot subclass)."""
    for entry in patterns:
        if isinstance(entry, URLResolver):
            guard_urlpatterns(entry.url_patterns)
        elif isinstance(entry, URLPattern) and not getattr(entry.callback, "backoffice_guarded", False):
            entry.callback = guard(entry.callback, scoped="process_pk" in entry.pattern.converters)
