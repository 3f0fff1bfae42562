from django.http import HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe


@never_cache
@require_safe
def alive(request):
    """Liveness for a load balancer: the process answers; touches neither database nor session."""
    return HttpResponse("ok", content_type="text/plain")
