"""The site's URLs plus `/bench/bare`, the peer of `benchmarks/web.py`: a Django view
that does nothing, served by the same server, middleware and settings as the pages."""

from django.http import HttpResponse
from django.urls import include, path


def bare_view(request):
    return HttpResponse(b"ok")


urlpatterns = [
    path("bench/bare", bare_view),
    path("", include("olievlek.site.urls")),
]

handler404 = "olievlek.site.views.not_found"
