"""Cross-app views: the health check load balancers (and the benchmark's trivial baseline) call."""

from django.http import HttpResponse
from django.views.decorators.cache import never_cache


@never_cache
def healthz(request):
    return HttpResponse("ok", content_type="text/plain")
