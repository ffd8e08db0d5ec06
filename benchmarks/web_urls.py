"""The site's URLs plus `/bench/bare`, the peer of `benchmarks/web.py`: a Django view
that does nothing, served by the same server, middleware and settings as the pages."""

from django.http import HttpResponse
from django.urls import include, path


def bare_view(request):
    # Plain text: an HTML answer would count as a page view (impact's visit counter), a
    # database write on every request, which is not doing nothing.
    return HttpResponse(b"ok", content_type="text/plain")


urlpatterns = [
    path("bench/bare", bare_view),
    path("", include("olievlek.site.urls")),
]

handler404 = "olievlek.site.views.not_found"
