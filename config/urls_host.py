"""Routes for a request on a municipality's own host name: the same paths without the prefix."""

from django.urls import include, path

from portal.urls import tenant_patterns

from .urls import handler404, urlpatterns as _root  # noqa: F401

urlpatterns = [p for p in _root if getattr(p.pattern, "_route", "") not in {"", "<slug:gemeente>/"}]
urlpatterns.append(path("", include((tenant_patterns, "portal"))))
